// Every ```ts block of README.md compiles and runs as written (with the names of preamble.ts
// where a block uses them); a ```ts browser block is type-checked with the DOM and must be
// part of the browser app that `npm run test:package` runs in Chromium.
import { mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { prepareBlocks, readmeBlocks, repo } from './readmeBlocks.js';

const blocks = readmeBlocks();
const cwd = process.cwd();
let scratch: string;
let problems: string[] = [];

beforeAll(() => {
  problems = prepareBlocks(blocks);
  // Blocks that write files write them here,
  scratch = mkdtempSync(join(tmpdir(), 'rxgrad-readme-'));
  // ... and read the repository's data/ (Fashion-MNIST) where a user in a clone would find it.
  symlinkSync(join(repo, 'data'), join(scratch, 'data'));
  process.chdir(scratch);
});

afterAll(() => {
  process.chdir(cwd);
  rmSync(scratch, { recursive: true, force: true });
});

describe('README.md', () => {
  it('has TypeScript blocks, and they all type-check', () => {
    expect(blocks.length).toBeGreaterThan(10);
    expect(problems).toEqual([]);
  });

  const browserApp = join(repo, 'spec', 'package', 'fixtures', 'browser', 'src');
  for (const block of blocks) {
    if (block.flags.includes('browser')) {
      it(`line ${block.line}: a browser block, part of the app the package tests run`, () => {
        const app = readdirSync(browserApp).map((f) => readFileSync(join(browserApp, f), 'utf8'));
        expect(app.some((text) => text.includes(block.code))).toBe(true);
      });
    } else {
      it(`line ${block.line}: runs`, async () => {
        await import(block.file);
      });
    }
  }
});
