import { parseArgs } from 'node:util';

/** The parsed command line of `npm run demo -- …`. */
export interface DemoArgs {
  name: string;
  list: boolean;
  help: boolean;
  fast: boolean;
  seed: number;
  epochs?: number;
  out: string;
  /** A backend name for `setBackend` ('js', 'wasm'); default: the library's choice. */
  backend?: string;
  /** A directory of data for demos that read one (fashion: the four Fashion-MNIST IDX files). */
  data?: string;
}

export const DEFAULT_DEMO = 'breast-cancer';

export const USAGE = `Usage: npm run demo -- [name] [options]

  name            the demo to run (default: ${DEFAULT_DEMO}); --list shows them all
  --list          list the demos and exit
  --seed N        seed of every random draw (default 42)
  --epochs N      epochs (or loops) instead of the demo's default
  --out DIR       folder for the figures; each demo writes to DIR/<name>/ (default out)
  --fast          fewer epochs and restarts (what the tests run)
  --backend NAME  numeric backend: js or wasm (default: wasm where available)
  --data DIR      data directory (fashion: the full Fashion-MNIST, e.g.
                  /usr/share/datasets/fashion-mnist; default: the subset in data/)
  --help          this text`;

function integer(text: string | undefined, flag: string, min: number): number | undefined {
  if (text === undefined) return undefined;
  const n = Number(text);
  if (!Number.isInteger(n) || n < min) {
    throw new Error(`${flag} must be an integer ≥ ${min}, got ${JSON.stringify(text)}`);
  }
  return n;
}

/** Parses the demo CLI's arguments; throws an Error with a readable message on bad input. */
export function parseDemoArgs(argv: readonly string[]): DemoArgs {
  const { values, positionals } = parseArgs({
    args: [...argv],
    allowPositionals: true,
    options: {
      list: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
      fast: { type: 'boolean', default: false },
      seed: { type: 'string' },
      epochs: { type: 'string' },
      out: { type: 'string', default: 'out' },
      backend: { type: 'string' },
      data: { type: 'string' },
    },
  });
  if (positionals.length > 1) {
    throw new Error(`expected at most one demo name, got ${positionals.join(' ')}`);
  }
  return {
    name: positionals[0] ?? DEFAULT_DEMO,
    list: values.list,
    help: values.help,
    fast: values.fast,
    seed: integer(values.seed, '--seed', 0) ?? 42,
    epochs: integer(values.epochs, '--epochs', 1),
    out: values.out,
    ...(values.backend === undefined ? {} : { backend: values.backend }),
    ...(values.data === undefined ? {} : { data: values.data }),
  };
}
