/**
 * Builds the WebAssembly kernels of the `wasm` backend from their AssemblyScript source
 * (scripts/wasm/assembly/) into lib/backend/wasm/kernels.generated.ts, a module of base64
 * strings that loads the same way in Node and in browsers. Run it with `npm run build:wasm`
 * after changing a kernel and commit the result (spec/backend/wasm/kernels.spec.ts fails while
 * it is stale); `npm run build` regenerates it when stale. Committed, it spares every clone and
 * every installed package a build step (an installed package runs no script).
 *
 * Four variants are compiled: plain SIMD128 or relaxed SIMD (fused multiply-add), each with a
 * shared memory (threads) or an unshared one (pages that are not cross-origin isolated); two
 * are embedded (see buildModule), deflated: base64 of the deflated binaries gzips to 7 kB each,
 * base64 of the plain ones to 12 kB (lib/backend/wasm/inflate.ts decodes them).
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { deflateRawSync } from 'node:zlib';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const sourceDir = join(root, 'scripts', 'wasm', 'assembly');
export const generatedPath = join(root, 'lib', 'backend', 'wasm', 'kernels.generated.ts');

/** Largest memory the kernels may grow to, in 64 KiB pages (2 GiB). */
export const MAX_PAGES = 32768;

const common = [
  '-O3',
  '--runtime',
  'stub',
  '--noAssert',
  '--importMemory',
  '--initialMemory',
  '1',
  '--maximumMemory',
  String(MAX_PAGES),
  '--enable',
  'simd',
];

export const variants: Record<string, readonly string[]> = {
  simd: common,
  relaxed: [...common, '--enable', 'relaxed-simd'],
  simdShared: [...common, '--enable', 'threads', '--sharedMemory'],
  relaxedShared: [...common, '--enable', 'threads', '--sharedMemory', '--enable', 'relaxed-simd'],
};

function sourceFiles(): string[] {
  return readdirSync(sourceDir)
    .filter((f) => f.endsWith('.ts'))
    .sort();
}

/** sha-256 of the kernel sources, the build options and the compiler version. */
export function sourceHash(): string {
  const hash = createHash('sha256');
  const pkg = JSON.parse(
    readFileSync(join(root, 'node_modules', 'assemblyscript', 'package.json'), 'utf8'),
  ) as { version: string };
  hash.update(`assemblyscript ${pkg.version}\n${JSON.stringify(variants)}\n`);
  for (const f of sourceFiles()) hash.update(`${f}\n${readFileSync(join(sourceDir, f), 'utf8')}\n`);
  return hash.digest('hex');
}

async function compile(flags: readonly string[]): Promise<Uint8Array> {
  const { default: asc } = await import('assemblyscript/asc');
  let binary: Uint8Array | undefined;
  const errors: string[] = [];
  const { error } = await asc.main([join(sourceDir, 'index.ts'), '-o', 'kernels.wasm', ...flags], {
    writeFile(name, contents) {
      if (name.endsWith('.wasm') && typeof contents !== 'string') binary = contents;
    },
    stdout: { write: () => true },
    stderr: {
      write: (s: string | Uint8Array) => {
        errors.push(String(s));
        return true;
      },
    },
  } as Parameters<typeof asc.main>[1]);
  if (error || !binary) throw new Error(`asc failed: ${error?.message ?? ''}\n${errors.join('')}`);
  if (errors.join('').includes('WARNING')) throw new Error(`asc warnings:\n${errors.join('')}`);
  return binary;
}

/**
 * The offset of the one byte in which a shared-memory build differs from the unshared one (the
 * memory import's limits flag: 0x01 unshared, 0x03 shared); throws if they differ otherwise.
 */
function sharedFlagOffset(unshared: Uint8Array, shared: Uint8Array): number {
  const diff: number[] = [];
  for (let i = 0; i < Math.max(unshared.length, shared.length); i++)
    if (unshared[i] !== shared[i]) diff.push(i);
  const at = diff[0];
  if (
    unshared.length !== shared.length ||
    diff.length !== 1 ||
    at === undefined ||
    unshared[at] !== 0x01 ||
    shared[at] !== 0x03
  ) {
    throw new Error(
      `buildWasm: the shared-memory build differs from the unshared one in more than the memory limits flag (bytes ${diff.slice(0, 8).join(', ')}); ship both variants instead`,
    );
  }
  return at;
}

/**
 * Compiles every variant and returns the text of the generated module. Only the unshared
 * variants are embedded: a shared-memory build differs from its unshared twin in one byte,
 * which the runtime sets (checked here, at build time, for this compiler and these sources).
 */
export async function buildModule(): Promise<string> {
  const binaries: Record<string, Uint8Array> = {};
  for (const [name, flags] of Object.entries(variants)) binaries[name] = await compile(flags);
  const offset = sharedFlagOffset(binaries.simd, binaries.simdShared);
  if (sharedFlagOffset(binaries.relaxed, binaries.relaxedShared) !== offset) {
    throw new Error(
      'buildWasm: the memory limits flag sits at different offsets in the two builds',
    );
  }
  return [
    '// Generated by scripts/buildWasm.ts from scripts/wasm/assembly/*.ts (`npm run build:wasm`);',
    '// committed, so that neither a clone nor an installed package needs a build step. Do not edit.',
    '// biome-ignore-all format: generated base64 lines',
    '',
    '/** sha-256 of the kernel sources and build options this module was built from. */',
    `export const KERNELS_SOURCE_HASH = '${sourceHash()}';`,
    '',
    '/**',
    ' * The kernels as WebAssembly binaries (unshared memory), plain SIMD128 and relaxed SIMD, each',
    ' * deflated (raw DEFLATE, level 9) and base64-encoded; KERNELS_WASM_SIZE holds their sizes.',
    ' */',
    // NOTE: typed as strings, not `as const`: the declaration file must not repeat the binaries.
    "export const KERNELS_WASM: Readonly<Record<'simd' | 'relaxed', string>> = {",
    `  simd: '${deflated(binaries.simd)}',`,
    `  relaxed: '${deflated(binaries.relaxed)}',`,
    '};',
    '',
    '/** Bytes of each binary once inflated. */',
    "export const KERNELS_WASM_SIZE: Readonly<Record<'simd' | 'relaxed', number>> = {",
    `  simd: ${binaries.simd.length},`,
    `  relaxed: ${binaries.relaxed.length},`,
    '};',
    '',
    "/** Where the memory import's limits flag sits: 0x01 in the binaries above, 0x03 for shared memory. */",
    `export const KERNELS_SHARED_FLAG_OFFSET = ${offset};`,
    '',
  ].join('\n');
}

function deflated(binary: Uint8Array): string {
  return deflateRawSync(binary, { level: 9 }).toString('base64');
}

/** Whether the generated module exists and was built from the current sources. */
export function upToDate(): boolean {
  if (!existsSync(generatedPath)) return false;
  return readFileSync(generatedPath, 'utf8').includes(`KERNELS_SOURCE_HASH = '${sourceHash()}'`);
}

/** Writes the generated module (unless `ifStale` and it is up to date). */
export async function buildWasm({ ifStale = false } = {}): Promise<void> {
  if (ifStale && upToDate()) return;
  const started = Date.now();
  writeFileSync(generatedPath, await buildModule());
  console.log(`buildWasm: wrote ${generatedPath} in ${Date.now() - started} ms`);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await buildWasm();
