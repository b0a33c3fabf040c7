/**
 * The demo runner: `npm run demo` runs the breast-cancer demo; `npm run demo -- <name>` any
 * other; `npm run demo -- --list` lists them.
 */
import { join } from 'node:path';
import { getBackend, setBackend } from '../lib/index.js';
import { parseDemoArgs, USAGE } from './args.js';
import { demos } from './registry.js';

function listing(): string {
  const width = Math.max(...demos.map((d) => d.name.length));
  return demos.map((d) => `  ${d.name.padEnd(width)}  ${d.summary}`).join('\n');
}

async function main(argv: readonly string[]): Promise<number> {
  let args: ReturnType<typeof parseDemoArgs>;
  try {
    args = parseDemoArgs(argv);
  } catch (e) {
    console.error(`demo: ${(e as Error).message}\n\n${USAGE}`);
    return 2;
  }
  if (args.help) {
    console.log(`${USAGE}\n\nDemos:\n${listing()}`);
    return 0;
  }
  if (args.list) {
    console.log(listing());
    return 0;
  }
  const demo = demos.find((d) => d.name === args.name);
  if (!demo) {
    console.error(`demo: no demo named ${JSON.stringify(args.name)}. The demos are:\n${listing()}`);
    return 1;
  }
  if (args.backend !== undefined) {
    try {
      setBackend(args.backend);
    } catch (e) {
      console.error(`demo: ${(e as Error).message}`);
      return 2;
    }
  }
  const mode = args.fast ? ', fast' : '';
  console.log(
    `rxgrad demo: ${demo.name} (seed ${args.seed}, backend ${getBackend().name}${mode})\n`,
  );
  const started = performance.now();
  await demo.run({
    seed: args.seed,
    epochs: args.epochs,
    outDir: join(args.out, demo.name),
    fast: args.fast,
    log: (line) => console.log(line),
    progress: process.stderr.isTTY === true,
    ...(args.data === undefined ? {} : { data: args.data }),
  });
  console.log(`\nDone in ${((performance.now() - started) / 1000).toFixed(1)} s.`);
  return 0;
}

process.exitCode = await main(process.argv.slice(2));
