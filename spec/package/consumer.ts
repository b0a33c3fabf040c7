// A fresh project outside the repository (so that nothing resolves from the repository's own
// node_modules), with the packed tarball installed as a user installs it.
import { execFile } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const repo = fileURLToPath(new URL('../..', import.meta.url));

/** The version of a package that the repository's lockfile pins (so npm's cache has it). */
export function pinned(name: string): string {
  const lock = JSON.parse(readFileSync(join(repo, 'package-lock.json'), 'utf8')) as {
    packages: Record<string, { version: string }>;
  };
  const entry = lock.packages[`node_modules/${name}`];
  if (!entry) throw new Error(`consumer: ${name} is not in package-lock.json`);
  return `${name}@${entry.version}`;
}

/** Runs a command; resolves with its stdout, or rejects with everything it printed. */
export function run(
  command: string,
  args: readonly string[],
  cwd: string,
  env: Record<string, string> = {},
): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile(
      command,
      args,
      { cwd, env: { ...process.env, ...env }, maxBuffer: 64 << 20, timeout: 180_000 },
      (error, stdout, stderr) => {
        if (error) {
          reject(new Error(`${command} ${args.join(' ')} failed in ${cwd}:\n${stdout}\n${stderr}`));
        } else resolve(stdout);
      },
    );
  });
}

/**
 * A new project in a temporary directory: the fixture folder `fixtures/<fixture>` copied in, a
 * package.json, and `npm install <tarball> ...extra`. Returns the project's directory.
 */
export async function project(
  fixture: string,
  tarball: string,
  extra: readonly string[] = [],
): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), `rxgrad-${fixture}-`));
  cpSync(fileURLToPath(new URL(`fixtures/${fixture}/`, import.meta.url)), dir, { recursive: true });
  writeFileSync(
    join(dir, 'package.json'),
    `${JSON.stringify({ name: `consumer-${fixture}`, private: true, type: 'module' }, null, 2)}\n`,
  );
  await run(
    'npm',
    ['install', '--no-audit', '--no-fund', '--prefer-offline', tarball, ...extra],
    dir,
  );
  return dir;
}
