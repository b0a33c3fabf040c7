/**
 * The second half of `npm run bench`: runs the numpy peer (when a python3 has numpy) and the
 * PyTorch peer (when a python3 has torch), merges their medians with vitest's
 * (bench/results/vitest.json), prints the tables with ratios, and writes
 * bench/results/latest.json and latest.md.
 */

import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { wasmInfo } from '../lib/backend/index.js';
import { ensureRelaxedSimd } from '../scripts/relaxedSimd.js';
import { resultsDir } from './compare.js';
import { writeWorkloads } from './data.js';

// Relaxed SIMD as the vitest bench runs it (on Node 20: this script again, with V8's flag).
ensureRelaxedSimd();

interface VitestJson {
  files: {
    groups: { fullName: string; benchmarks: { name: string; median: number; min: number }[] }[];
  }[];
}
interface Timing {
  ms: number;
  min: number;
}
interface NumpyJson {
  numpy: string;
  workloads: Record<string, Record<string, Timing & { losses: number[] }>>;
  matmul: Record<string, Timing>;
}

const loadBefore = loadavg()[0];
const medians = new Map<string, Map<string, Timing>>(); // group → peer → median and best ms
const fitGroups = new Map<string, string>(); // fit-<workload> → its full title (with its steps)
const vitest = JSON.parse(readFileSync(join(resultsDir, 'vitest.json'), 'utf8')) as VitestJson;
for (const file of vitest.files) {
  for (const group of file.groups) {
    const key = group.fullName.split(' > ').pop() ?? group.fullName;
    const id = key.startsWith('matmul') ? key : key.split(':')[0];
    if (id.startsWith('fit-')) fitGroups.set(id, key);
    const row = medians.get(id) ?? new Map<string, Timing>();
    for (const b of group.benchmarks) row.set(b.name, { ms: b.median, min: b.min });
    medians.set(id, row);
  }
}

/**
 * The first python3 that imports `module`: the one on the PATH, then Debian's (python3-torch and
 * python3-numpy live in the system python, which a pyenv or venv python3 may hide).
 */
const pythonWith = (module: string): string | undefined =>
  ['python3', '/usr/bin/python3'].find(
    (bin) => spawnSync(bin, ['-c', `import ${module}`], { encoding: 'utf8' }).status === 0,
  );

let numpyNote = '';
let numpy: NumpyJson | undefined;
const numpyPython = pythonWith('numpy');
if (numpyPython) {
  const out = join(resultsDir, 'numpy.json');
  const run = spawnSync(
    numpyPython,
    [join(import.meta.dirname, 'numpy_bench.py'), writeWorkloads(), out],
    { encoding: 'utf8', stdio: ['ignore', 'inherit', 'inherit'] },
  );
  if (run.status === 0) numpy = JSON.parse(readFileSync(out, 'utf8')) as NumpyJson;
  else numpyNote = 'numpy peer failed (see above); its columns are empty.';
} else numpyNote = 'python3 with numpy not found: the numpy columns are empty.';

interface TorchJson {
  torch: string;
  threads: number;
  workloads: Record<string, Record<string, Timing & { losses: number[] }>>;
}
let torchNote = '';
let torch: TorchJson | undefined;
const torchPython = pythonWith('torch');
if (torchPython) {
  const out = join(resultsDir, 'torch.json');
  const run = spawnSync(
    torchPython,
    [join(import.meta.dirname, 'torch_bench.py'), writeWorkloads(), out],
    { encoding: 'utf8', stdio: ['ignore', 'inherit', 'inherit'] },
  );
  if (run.status === 0) torch = JSON.parse(readFileSync(out, 'utf8')) as TorchJson;
  else torchNote = 'PyTorch peer failed (see above); its rows are missing.';
} else torchNote = 'no python3 with torch found: the PyTorch rows are missing.';

const lossNotes: string[] = [];
for (const peersOf of [numpy?.workloads, torch?.workloads]) {
  for (const [workload, peers] of Object.entries(peersOf ?? {})) {
    const row = medians.get(workload) ?? new Map<string, Timing>();
    for (const [peer, { ms, min }] of Object.entries(peers)) row.set(peer, { ms, min });
    medians.set(workload, row);
    // the same losses from the same data and weights (printed by the vitest run for the JS peers)
    const lossFile = join(resultsDir, `losses-${workload}.json`);
    if (existsSync(lossFile)) {
      const ref = Object.values(
        JSON.parse(readFileSync(lossFile, 'utf8')) as Record<string, number[]>,
      )[0];
      for (const [peer, { losses }] of Object.entries(peers)) {
        const worst = Math.max(...losses.map((v, i) => Math.abs(v - ref[i]) / Math.abs(ref[i])));
        // NOTE: float64 peers agree to ~1e-15 on the tutorial and the neuron, ~5e-8 on the
        // MLP (five steps of relu networks summed in other orders); float32 to ~1e-6
        if (!(worst <= (peer.endsWith('f64') ? 1e-6 : 1e-3))) {
          lossNotes.push(
            `${workload}: ${peer} strays from rxgrad's losses (max rel. diff ${worst.toExponential(1)}): its timing compares a different computation.`,
          );
        }
        console.log(
          `${workload}: ${peer} loss ${losses[0].toPrecision(8)} → ${losses[losses.length - 1].toPrecision(8)} (max rel. diff to rxgrad ${worst.toExponential(1)})`,
        );
      }
    }
  }
}
if (numpy) {
  for (const [group, timing] of Object.entries(numpy.matmul)) {
    const dtype = group.endsWith('float32') ? 'f32' : 'f64';
    medians.get(group)?.set(`numpy ${dtype}`, timing);
  }
}

const fmt = (v: number | undefined, digits = 2) => (v === undefined ? '–' : v.toFixed(digits));
const ratio = (a: number | undefined, b: number | undefined) =>
  a === undefined || b === undefined ? '–' : `${(a / b).toFixed(2)}×`;

const lines: string[] = [];
const WORKLOADS: [string, string][] = [
  ['tutorial', 'Tutorial network (batch 128, 1000→100 relu→1, SSE, SGD)'],
  ['neuron', 'Single sigmoid neuron (455×30, BCE, SGD)'],
  ['mlp', 'Wider MLP (batch 256, 784→512→512→10, softmax CE, SGD)'],
  ['cnn', 'CNN (batch 64, 1×28×28, conv 32 · pool · conv 64 · pool · linear, softmax CE, SGD)'],
  ['cnn-forward', 'the same CNN, forward pass only (tfjs wasm cannot train it)'],
];
lines.push('### Training steps: ms per step (forward + backward + update)', '');
lines.push(
  '| workload | peer | median | best | median ÷ rxgrad wasm (same dtype) |',
  '| --- | --- | ---: | ---: | ---: |',
);
for (const [id, title] of WORKLOADS) {
  const row = medians.get(id);
  if (!row) continue;
  for (const [peer, t] of [...row].sort((a, b) => a[1].ms - b[1].ms)) {
    const dtype = peer.endsWith('f64') ? 'f64' : 'f32';
    const ours = row.get(`rxgrad wasm ${dtype}`)?.ms;
    lines.push(`| ${title} | ${peer} | ${fmt(t.ms)} | ${fmt(t.min)} | ${ratio(t.ms, ours)} |`);
  }
}
lines.push(
  '',
  '### rxgrad wasm against numpy and PyTorch: median ÷ median (best ÷ best in brackets)',
  '',
  '| workload | dtype | rxgrad wasm ms | numpy ms | PyTorch ms | ÷ numpy | ÷ PyTorch |',
  '| --- | --- | ---: | ---: | ---: | ---: | ---: |',
);
for (const [id] of WORKLOADS) {
  const row = medians.get(id);
  for (const dtype of ['f64', 'f32']) {
    const ours = row?.get(`rxgrad wasm ${dtype}`);
    if (!row || !ours) continue;
    const [np, pt] = [row.get(`numpy ${dtype}`), row.get(`pytorch ${dtype}`)];
    const versus = (t: Timing | undefined) =>
      t ? `${ratio(ours.ms, t.ms)} (${ratio(ours.min, t.min)})` : '–';
    lines.push(
      `| ${id} | ${dtype} | ${fmt(ours.ms)} | ${fmt(np?.ms)} | ${fmt(pt?.ms)} | ${versus(np)} | ${versus(pt)} |`,
    );
  }
}
lines.push('');
lines.push(
  '### fit against a hand-written loop of the same steps: ms per optimiser step (median, best)',
  '',
  '| workload | fit | hand-written loop | fit ÷ loop |',
  '| --- | ---: | ---: | ---: |',
);
for (const [group, row] of medians) {
  const m = /^(fit-\w+)/.exec(group);
  const steps = Number(/(\d+) optimiser steps/.exec(fitGroups.get(group) ?? '')?.[1]);
  const [a, b] = [row.get('fit'), row.get('hand-written loop')];
  if (!m || !a || !b || !steps) continue;
  const per = (t: Timing) => `${fmt(t.ms / steps, 3)} (${fmt(t.min / steps, 3)})`;
  lines.push(`| ${m[1]} | ${per(a)} | ${per(b)} | ${ratio(a.ms, b.ms)} |`);
}
lines.push('');
lines.push(
  '### Square matmul: GFLOP/s, 2n³ / median time (best time in brackets); rxgrad through the `matmul` op',
  '',
);
const peersOf = (dtype: string) =>
  dtype === 'float64'
    ? ['rxgrad wasm', 'numpy f64', 'rxgrad js']
    : ['rxgrad wasm', 'numpy f32', 'tfjs wasm', 'rxgrad js', 'tfjs cpu'];
for (const dtype of ['float64', 'float32']) {
  const peers = peersOf(dtype);
  lines.push(`| ${dtype} n | layout | ${peers.join(' | ')} | rxgrad wasm / numpy |`);
  lines.push(`| --- | --- | ${peers.map(() => '---:').join(' | ')} | ---: |`);
  for (const [group, row] of medians) {
    const m = /^matmul (\d+) (\S+) (\w+)$/.exec(group);
    if (!m || m[3] !== dtype) continue;
    const n = Number(m[1]);
    const gflops = (p: string, best = false) => {
      const t = row.get(p);
      return t === undefined ? undefined : (2 * n ** 3) / ((best ? t.min : t.ms) * 1e6);
    };
    const cell = (p: string) =>
      row.has(p) ? `${fmt(gflops(p), 1)} (${fmt(gflops(p, true), 1)})` : '–';
    const np = gflops(peers[1]);
    const ours = gflops('rxgrad wasm');
    const pct = np && ours ? `${((100 * ours) / np).toFixed(0)} %` : '–';
    lines.push(`| ${n} | ${m[2]} | ${peers.map(cell).join(' | ')} | ${pct} |`);
  }
  lines.push('');
}

const info = wasmInfo();
const machine = {
  cpu: cpus()[0]?.model ?? 'unknown',
  cores: cpus().length,
  node: process.version,
  numpy: numpy?.numpy ?? null,
  torch: torch ? { version: torch.torch, threads: torch.threads } : null,
  wasm: info && { relaxedSimd: info.relaxedSimd, threads: info.threads },
  loadAverage: { before: loadBefore, after: loadavg()[0] },
  date: new Date().toISOString(),
};
lines.push(
  `Machine: ${machine.cpu}, ${machine.cores} cores, Node ${machine.node}, numpy ${machine.numpy ?? '–'}, ` +
    `PyTorch ${machine.torch ? `${machine.torch.version} (${machine.torch.threads} threads)` : '–'}, ` +
    `rxgrad wasm: ${info?.relaxedSimd ? 'relaxed SIMD (FMA)' : 'SIMD128'}, ${info?.threads ?? 1} threads; ` +
    `load average ${machine.loadAverage.before.toFixed(1)} → ${machine.loadAverage.after.toFixed(1)}.`,
);
if (numpyNote) lines.push('', numpyNote);
if (torchNote) lines.push('', torchNote);
for (const note of lossNotes) lines.push('', note);
const md = lines.join('\n');
console.log(`\n${md}`);
writeFileSync(join(resultsDir, 'latest.md'), `${md}\n`);
// the project's formatter aligns the table columns, so the file stays lint-clean
spawnSync(join(import.meta.dirname, '..', 'node_modules', '.bin', 'biome'), [
  'format',
  '--write',
  join(resultsDir, 'latest.md'),
]);
writeFileSync(
  join(resultsDir, 'latest.json'),
  `${JSON.stringify({ machine, timings: Object.fromEntries([...medians].map(([g, r]) => [g, Object.fromEntries(r)])) }, null, 2)}\n`,
);
