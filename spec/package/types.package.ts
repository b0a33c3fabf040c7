// rxgrad's declaration files under a strict TypeScript consumer's settings (strict,
// noUncheckedIndexedAccess, exactOptionalPropertyTypes, skipLibCheck false), resolved the two
// ways TypeScript projects resolve packages: nodenext (Node, no DOM lib) and bundler.
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { pinned, project, run } from './consumer.js';

let dir: string;

beforeAll(async () => {
  dir = await project('types', inject('tarball'), [
    pinned('typescript'),
    pinned('@types/node'),
    pinned('fast-check'),
  ]);
});

describe('a strict TypeScript consumer', () => {
  it.each(['nodenext', 'bundler'])('type-checks with moduleResolution %s', async (mode) => {
    const out = await run('npx', ['--no-install', 'tsc', '-p', `tsconfig.${mode}.json`], dir).catch(
      (e: Error) => e.message,
    );
    expect(out).toBe('');
  });
});
