// The linters of npm packages, on the packed tarball: publint (fields, exports, files) and
// arethetypeswrong (types as each TypeScript resolution mode sees them).
import { describe, expect, inject, it } from 'vitest';
import { run } from './consumer.js';

const repo = new URL('../..', import.meta.url).pathname;

describe('package linters', () => {
  it('publint --strict finds nothing', async () => {
    const out = await run('npx', ['--no-install', 'publint', '--strict', inject('tarball')], repo);
    expect(out).toMatch(/All good!/);
  });

  it('arethetypeswrong finds no problem for an ES module package (it exits non-zero on any)', async () => {
    // NOTE: rxgrad ships ES modules only. CommonJS code loads them with require() (Node ≥ 20.19,
    // tested in node.package.ts; TypeScript ≥ 5.8 with module nodenext types it); the profile
    // leaves out the resolutions that predate that (node10, node16 from CommonJS).
    const out = await run(
      'npx',
      ['--no-install', 'attw', inject('tarball'), '--profile', 'esm-only', '--format', 'table'],
      repo,
    );
    // run() rejects on a non-zero exit, which is attw's verdict: here, that it ran on the tarball
    expect(out).toMatch(/rxgrad v0\.2\.0/);
  });
});
