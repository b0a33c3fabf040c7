// rxgrad in a browser app built with Vite from the installed tarball: the minimal training app
// (its gzipped size next to the same app in TensorFlow.js), and training in a Web Worker with
// fitInWorker, both run in headless Chromium with the WebAssembly backend.
import { createReadStream, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { extname, join, normalize } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchChromium } from '../../e2e/browser.js';
import { pinned, project, run } from './consumer.js';

let dir: string;
let server: Server;
let origin: string;
let context: BrowserContext;
let closeChromium: () => Promise<void>;

const TYPES: Record<string, string> = {
  '.html': 'text/html',
  '.js': 'text/javascript',
  '.wasm': 'application/wasm',
};

/** A static file server for dist/, on a free loopback port. */
function serve(root: string): Promise<string> {
  server = createServer((req, res) => {
    const path = normalize(
      join(root, decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname)),
    );
    if (!path.startsWith(root) || !statSync(path, { throwIfNoEntry: false })?.isFile()) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'content-type': TYPES[extname(path)] ?? 'application/octet-stream' });
    createReadStream(path).pipe(res);
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      resolve(`http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`);
    }),
  );
}

/** The gzipped bytes of everything a page of `app` loads (its JavaScript and WebAssembly). */
function gzippedSize(app: string): { files: number; bytes: number; gzipped: number } {
  const assets = join(dir, 'dist', app, 'assets');
  const files = readdirSync(assets).filter((f) => /\.(js|wasm)$/.test(f));
  let bytes = 0;
  let gzipped = 0;
  for (const f of files) {
    const data = readFileSync(join(assets, f));
    bytes += data.length;
    gzipped += gzipSync(data).length;
  }
  return { files: files.length, bytes, gzipped };
}

async function resultOf(page: string): Promise<Record<string, unknown>> {
  const tab = await context.newPage();
  const errors: string[] = [];
  tab.on('pageerror', (e) => errors.push(String(e)));
  await tab.goto(`${origin}/${page}`);
  const text = await tab.locator('#result:not(:empty)').textContent({ timeout: 60_000 });
  await tab.close();
  expect(errors).toEqual([]);
  return JSON.parse(text ?? '{}');
}

beforeAll(async () => {
  dir = await project('browser', inject('tarball'), [
    pinned('vite'),
    pinned('@tensorflow/tfjs-core'),
    pinned('@tensorflow/tfjs-backend-cpu'),
  ]);
  for (const app of ['minimal', 'worker', 'tfjs'])
    await run('npx', ['--no-install', 'vite', 'build', '--logLevel', 'warn'], dir, { APP: app });
  origin = await serve(join(dir, 'dist'));
  ({ context, close: closeChromium } = await launchChromium());
});

afterAll(async () => {
  await closeChromium?.();
  server?.close();
});

describe('a Vite app that installed rxgrad', () => {
  it('trains XOR on the page with the WebAssembly backend', async () => {
    const r = await resultOf('minimal/minimal.html');
    expect(r.backend).toBe('wasm');
    expect(r.wasm).toBe(true);
    expect(r.lastLoss).toBeLessThan((r.firstLoss as number) / 4);
    expect(r.predictions).toEqual(r.targets);
  });

  it('trains in a Web Worker with fitInWorker, controlled from the page, and gets the weights back', async () => {
    const r = await resultOf('worker/worker.html');
    expect(r.epochs).toBe(300);
    expect(r.lastLoss).toBeLessThan((r.firstLoss as number) / 4);
    expect(r.lastLr).toBe(0.02); // the learning rate set from the page reached the worker's run
    expect(r.changed).toBe(true); // the model on the page holds the weights sent back
    expect(r.predictions).toEqual(r.targets);
  });

  it('bundles the minimal app in under 60 kB gzipped, less than the same app in TensorFlow.js', async () => {
    const tfjs = await resultOf('tfjs/tfjs.html');
    expect(tfjs.backend).toBe('cpu');
    expect(tfjs.lastLoss).toBeLessThan(tfjs.firstLoss as number);
    const sizes = { rxgrad: gzippedSize('minimal'), tfjs: gzippedSize('tfjs') };
    // the README's bundle figures come from this report
    writeFileSync(
      join(import.meta.dirname, '..', '..', 'out', 'package-bundles.json'),
      `${JSON.stringify(sizes, null, 2)}\n`,
    );
    expect(sizes.rxgrad.gzipped).toBeLessThan(60_000);
    expect(sizes.rxgrad.gzipped).toBeLessThan(sizes.tfjs.gzipped);
  });
});
