// The TypeScript blocks of README.md, as files: each block with, in front, an import of the
// shared names it uses from preamble.ts (the small visible preamble) and nothing else.
import { cpSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

export const repo = fileURLToPath(new URL('../..', import.meta.url));

/** A ```ts block of the README: its first line's number, its info string and its code. */
export interface Block {
  line: number;
  /** Words after `ts` in the fence: `browser` marks a block for a page (type-checked with the DOM, run in Chromium by the package tests). */
  flags: string[];
  code: string;
  /** Where the block is written as a module. */
  file: string;
}

const outDir = join(repo, 'out', 'readme');

/** Every ```ts block of README.md, in order. */
export function readmeBlocks(): Block[] {
  const lines = readFileSync(join(repo, 'README.md'), 'utf8').split('\n');
  const blocks: Block[] = [];
  for (let i = 0; i < lines.length; i++) {
    const open = /^```ts\b(.*)$/.exec(lines[i]);
    if (!open) continue;
    const start = i + 1;
    while (i + 1 < lines.length && lines[i + 1] !== '```') i++;
    const code = lines.slice(start, i + 1).join('\n');
    i++;
    const flags = open[1].trim().split(/\s+/).filter(Boolean);
    // NOTE: browser blocks sit beside the package tests' browser app, whose modules they import.
    const dir = flags.includes('browser') ? join(outDir, 'browser') : outDir;
    blocks.push({ line: start + 1, flags, code, file: join(dir, `line${start + 1}.ts`) });
  }
  return blocks;
}

const preambleFile = join(repo, 'spec', 'readme', 'preamble.ts');

function compilerOptions(browser: boolean): ts.CompilerOptions {
  return {
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.ESNext,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
    // NOTE: the blocks import lib/'s sources, which need the libraries tsconfig.json gives them.
    lib: ['lib.es2022.d.ts', 'lib.dom.d.ts', 'lib.webworker.d.ts'],
    types: browser ? [] : ['node'],
    typeRoots: [join(repo, 'node_modules', '@types')],
    strict: true,
    noEmit: true,
    skipLibCheck: true,
    baseUrl: repo,
    paths: {
      rxgrad: ['lib/index.ts'],
      'rxgrad/*': ['lib/*/index.ts'],
    },
  };
}

/** Names exported by preamble.ts. */
function preambleNames(): Set<string> {
  const source = readFileSync(preambleFile, 'utf8');
  const names = [...source.matchAll(/^export (?:const|let|function|class) (\w+)/gm)].map(
    (m) => m[1],
  );
  for (const m of source.matchAll(/^export const \{([^}]*)\}/gm))
    names.push(...m[1].split(',').map((n) => n.trim()));
  return new Set(names);
}

function write(block: Block, imports: readonly string[]): void {
  const head = imports.length
    ? `import { ${imports.join(', ')} } from '${block.file.includes('/browser/') ? '../' : ''}../../spec/readme/preamble.js';\n`
    : '';
  writeFileSync(block.file, `${head}${block.code}\nexport {};\n`);
}

/**
 * Writes every block as a module under out/readme/, with an import of the preamble's names that
 * the block uses without declaring, and returns the TypeScript diagnostics left after that.
 */
export function prepareBlocks(blocks: readonly Block[]): string[] {
  mkdirSync(outDir, { recursive: true });
  cpSync(join(repo, 'spec', 'package', 'fixtures', 'browser', 'src'), join(outDir, 'browser'), {
    recursive: true,
  });
  const shared = preambleNames();
  const problems: string[] = [];
  for (const browser of [false, true]) {
    const group = blocks.filter((b) => b.flags.includes('browser') === browser);
    if (group.length === 0) continue;
    for (const b of group) write(b, []);
    const options = compilerOptions(browser);
    const missing = (program: ts.Program, b: Block) =>
      ts
        .getPreEmitDiagnostics(program, program.getSourceFile(b.file))
        .map(
          (d) =>
            /^Cannot find name '(\w+)'/.exec(
              ts.flattenDiagnosticMessageText(d.messageText, '\n'),
            )?.[1] ?? '',
        )
        .filter((name) => shared.has(name));
    const first = ts.createProgram(
      group.map((b) => b.file),
      options,
    );
    for (const b of group) write(b, [...new Set(missing(first, b))].sort());
    const program = ts.createProgram(
      group.map((b) => b.file),
      options,
    );
    for (const d of ts.getPreEmitDiagnostics(program)) {
      const where = d.file
        ? `${d.file.fileName.replace(`${repo}/`, '')}:${d.file.getLineAndCharacterOfPosition(d.start ?? 0).line + 1}`
        : '';
      problems.push(`${where} ${ts.flattenDiagnosticMessageText(d.messageText, '\n')}`);
    }
  }
  return problems;
}
