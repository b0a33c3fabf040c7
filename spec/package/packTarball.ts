// vitest global setup of the package tests: builds and packs rxgrad once (`npm pack` runs the
// `prepack` build), and hands the tarball's path to every test file.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    tarball: string;
  }
}

export default function setup(project: TestProject): void {
  const dir = mkdtempSync(join(tmpdir(), 'rxgrad-pack-'));
  mkdirSync(dir, { recursive: true });
  const out = execFileSync('npm', ['pack', '--json', '--pack-destination', dir], {
    cwd: project.config.root,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  // NOTE: the prepack build prints to stdout before npm's JSON: take the JSON at the end.
  const json = JSON.parse(out.slice(out.lastIndexOf('\n[') + 1)) as { filename: string }[];
  project.provide('tarball', join(dir, json[0].filename));
}
