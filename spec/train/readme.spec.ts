// The TypeScript blocks of the README's training sections ("Training is an Observable", "Exact
// resume" and the worker example of "Live training in the browser") type-check, and run as
// written but for the `ts browser` ones, which need a page. A block that uses one of the shared names
// `model`, `train`, `options` or `show` without declaring it gets them from readmeNames.ts.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const repo = fileURLToPath(new URL('../..', import.meta.url));
const outDir = join(repo, 'out', 'readme-train');
const SHARED = ['model', 'train', 'options', 'show'];

/** The ```ts blocks between `from` and the next heading of the same level. */
function blocks(readme: string, from: string): { line: number; code: string; browser: boolean }[] {
  const lines = readme.split('\n');
  const start = lines.indexOf(from);
  const level = from.split(' ')[0];
  const end = lines.findIndex((l, i) => i > start && l.startsWith(`${level} `));
  const found: { line: number; code: string; browser: boolean }[] = [];
  for (let i = start; i < end; i++) {
    if (lines[i] !== '```ts' && lines[i] !== '```ts browser') continue;
    const close = lines.indexOf('```', i);
    const code = lines.slice(i + 1, close).join('\n');
    found.push({ line: i + 2, code, browser: lines[i].endsWith('browser') });
    i = close;
  }
  return found;
}

const readme = readFileSync(join(repo, 'README.md'), 'utf8');
const all = [
  ...blocks(readme, '## Training is an Observable'),
  ...blocks(readme, '### Exact resume'),
  ...blocks(readme, '## Live training in the browser'),
];
mkdirSync(outDir, { recursive: true });
const files = all.map(({ line, code, browser }) => {
  const declared = (name: string) =>
    new RegExp(`(const|function|import[^;]*)\\s*\\{?[^;=]*\\b${name}\\b`).test(code);
  const used = SHARED.filter((n) => new RegExp(`\\b${n}\\b`).test(code) && !declared(n));
  const head = used.length
    ? `import { ${used.join(', ')} } from '../../spec/train/readmeNames.js';\n`
    : '';
  const file = join(outDir, `line${line}.ts`);
  writeFileSync(file, `${head}${code}\nexport {};\n`);
  return { line, file, browser };
});

// Blocks that write files (checkpoints) write them in a scratch directory.
const cwd = process.cwd();
let scratch = '';
beforeAll(() => {
  scratch = mkdtempSync(join(tmpdir(), 'rxgrad-readme-train-'));
  process.chdir(scratch);
});
afterAll(() => {
  process.chdir(cwd);
  rmSync(scratch, { recursive: true, force: true });
});

describe("README: the training sections' examples", () => {
  it('has them, and they type-check', () => {
    expect(files.filter((f) => f.browser)).toHaveLength(2);
    expect(files.length).toBeGreaterThanOrEqual(7);
    const program = ts.createProgram(
      files.map((f) => f.file),
      {
        target: ts.ScriptTarget.ES2022,
        module: ts.ModuleKind.ESNext,
        moduleResolution: ts.ModuleResolutionKind.Bundler,
        lib: ['lib.es2022.d.ts', 'lib.dom.d.ts'], // as tsconfig.json: the library runs in browsers too
        types: ['node'],
        typeRoots: [join(repo, 'node_modules', '@types')],
        strict: true,
        noEmit: true,
        skipLibCheck: true,
        baseUrl: repo,
        paths: { rxgrad: ['lib/index.ts'], 'rxgrad/*': ['lib/*/index.ts'] },
      },
    );
    const problems = ts.getPreEmitDiagnostics(program).map((d) => {
      const at = d.file ? `${d.file.fileName.replace(outDir, '')}: ` : '';
      return `${at}${ts.flattenDiagnosticMessageText(d.messageText, '\n')}`;
    });
    expect(problems).toEqual([]);
  });

  for (const { line, file } of files.filter((f) => !f.browser)) {
    it(`README line ${line} runs`, async () => {
      await import(file);
    });
  }
});
