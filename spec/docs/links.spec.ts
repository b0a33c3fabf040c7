// Every relative link of the Markdown a user reads (README, CHANGELOG, docs/ with the generated
// API reference) leads to a file of the repository and, after #, to a heading in it.
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { brokenLinks, markdownFiles } from './markdownLinks.js';

const root = fileURLToPath(new URL('../..', import.meta.url));

describe('links in the Markdown files', () => {
  it('the checker finds a broken link (a guard against a checker that sees nothing)', () => {
    const bad = brokenLinks(join(root, 'spec', 'docs', 'fixtures', 'broken.md'), root);
    expect(bad).toEqual([
      'spec/docs/fixtures/broken.md: missing.md',
      'spec/docs/fixtures/broken.md: #no-such-heading',
    ]);
  });

  it('README.md, CHANGELOG.md and docs/ (the API reference included) have no broken link', () => {
    const files = [
      join(root, 'README.md'),
      join(root, 'CHANGELOG.md'),
      ...markdownFiles(join(root, 'docs')),
    ];
    expect(files.length).toBeGreaterThan(100);
    expect(files.flatMap((f) => brokenLinks(f, root))).toEqual([]);
  });
});
