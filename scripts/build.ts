/**
 * `npm run build` (and `npm pack`, through `prepack`): compiles lib/ into dist/ as the package
 * ships it: ES modules with their relative specifiers, declaration files and source maps (with
 * the sources inlined, since lib/ is not shipped), the WebAssembly kernels included.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildWasm } from './buildWasm.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const dist = join(root, 'dist');

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    return statSync(p).isDirectory() ? files(p) : [p];
  });
}

/** Generated data modules (the embedded data sets, the kernels' base64) need no source map. */
function dropDataMaps(): void {
  for (const file of files(dist)) {
    if (!/(datasets[/\\]embedded[/\\]|kernels\.generated)[^/\\]*\.js$/.test(file)) continue;
    writeFileSync(
      file,
      readFileSync(file, 'utf8').replace(/\n\/\/# sourceMappingURL=.*\n?$/, '\n'),
    );
    rmSync(`${file}.map`);
  }
}

/** Every relative import in dist/ names a file that is there (Node resolves nothing else). */
function checkSpecifiers(): void {
  const bad: string[] = [];
  for (const file of files(dist).filter((f) => /\.(js|d\.ts)$/.test(f))) {
    const text = readFileSync(file, 'utf8');
    for (const m of text.matchAll(/(?:from\s+|import\s*\(\s*|import\s+)['"](\.[^'"]+)['"]/g)) {
      const target = join(dirname(file), m[1]);
      const exists = file.endsWith('.d.ts')
        ? existsSync(target.replace(/\.js$/, '.d.ts'))
        : existsSync(target) && target.endsWith('.js');
      if (!exists) bad.push(`${relative(root, file)}: ${m[1]}`);
    }
  }
  if (bad.length > 0)
    throw new Error(`build: unresolved relative imports in dist/:\n${bad.join('\n')}`);
}

const started = Date.now();
rmSync(dist, { recursive: true, force: true });
await buildWasm({ ifStale: true });
execFileSync(
  process.execPath,
  [join(root, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', 'tsconfig.build.json'],
  {
    cwd: root,
    stdio: 'inherit',
  },
);
dropDataMaps();
checkSpecifiers();
console.log(`build: wrote dist/ in ${Date.now() - started} ms`);
