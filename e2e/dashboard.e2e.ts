// The dashboard in a real browser: headless Chromium (Debian's package) driven by
// playwright-core against the built page served on loopback.
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Page, Worker } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, serveDashboard } from './browser.js';

// Screenshots go to out/e2e/; RXGRAD_SCREENSHOTS=docs npm run e2e refreshes the README's.
const docs = fileURLToPath(
  new URL(`../${process.env.RXGRAD_SCREENSHOTS === 'docs' ? 'docs' : 'out/e2e'}/`, import.meta.url),
);
let page: Page;
let closeAll: () => Promise<void>;
const pageErrors: string[] = [];
const workers: { worker: Worker; closed: boolean }[] = [];

const stepCount = async () => Number((await page.textContent('#m-step'))?.replace(/,/g, '')) || 0;
const status = () => page.textContent('#status');
/** The control commands the run in the worker acknowledged, in order. */
const controls = async () =>
  ((await page.getAttribute('#events', 'data-controls')) ?? '').split(' ').filter(Boolean);
const chartData = async () => {
  const d = await page
    .locator('#loss-chart')
    .evaluate((el) => ({ ...(el as HTMLElement).dataset }));
  return {
    points: Number(d.points),
    epochs: Number(d.epochs),
    first: Number(d.firstLoss),
    last: Number(d.lastLoss),
  };
};
/** Waits until the step counter has moved past `than`. */
const stepsAbove = (than: number, timeout = 20_000) =>
  expect.poll(stepCount, { timeout, interval: 100 }).toBeGreaterThan(than);

beforeAll(async () => {
  const server = await serveDashboard();
  const chrome = await launchChromium();
  closeAll = async () => {
    await chrome.close();
    await server.close();
  };
  page = chrome.context.pages()[0] ?? (await chrome.context.newPage());
  page.on('pageerror', (e) => pageErrors.push(String(e)));
  page.on('console', (m) => m.type() === 'error' && pageErrors.push(m.text()));
  page.on('worker', (worker) => {
    // Only the training workers (a backend may start helper workers of its own).
    if (!worker.url().includes('train.worker')) return;
    const entry = { worker, closed: false };
    workers.push(entry);
    worker.on('close', () => {
      entry.closed = true;
    });
  });
  // Long main-thread tasks (> 50 ms) while the page trains: a frozen page would show here.
  await page.addInitScript(() => {
    const w = window as unknown as { longTasks: number[] };
    w.longTasks = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) w.longTasks.push(e.duration);
    }).observe({ type: 'longtask', buffered: true });
  });
  await page.goto(server.url);
});

afterAll(async () => {
  await closeAll?.();
});

describe('the dashboard in headless Chromium', () => {
  it('loads with the untrained model drawn and no errors', async () => {
    expect(await page.title()).toBe('rxgrad · live training');
    expect(await status()).toBe('Idle');
    expect(await page.isEnabled('#start')).toBe(true);
    expect(await page.textContent('#net-note')).toMatch(/^\d[\d,]* parameters$/);
    expect(pageErrors).toEqual([]);
  });

  it('starts a run in a worker; the loss chart updates and the loss falls', async () => {
    await page.fill('#epochs', '2000'); // long enough that it is still running when stopped
    await page.click('#start');
    expect(await status()).toBe('Training');
    await expect.poll(() => workers.length).toBe(1);
    await expect
      .poll(async () => (await chartData()).points, { timeout: 20_000 })
      .toBeGreaterThan(5);
    const chart = page.locator('#loss-chart canvas');
    const before = { data: await chartData(), pixels: await chart.screenshot() };
    await expect
      .poll(async () => (await chartData()).epochs, { timeout: 30_000 })
      .toBeGreaterThan(before.data.epochs + 3);
    const after = { data: await chartData(), pixels: await chart.screenshot() };
    expect(after.data.points).toBeGreaterThan(before.data.points);
    expect(after.pixels.equals(before.pixels)).toBe(false);
    // The loss falls: the latest epoch's training loss is well under the first epoch's.
    await expect
      .poll(
        async () => {
          const d = await chartData();
          return d.last / d.first;
        },
        { timeout: 60_000, interval: 250 },
      )
      .toBeLessThan(0.5);
  });

  it('stays responsive while training: input is handled at once', async () => {
    const steps = await stepCount();
    const lrBefore = await page.textContent('#lr-out');
    await page.focus('#lr');
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('ArrowLeft');
    expect(await page.textContent('#lr-out')).not.toBe(lrBefore);
    // The new learning rate crossed to the worker: the run acknowledged it.
    await expect.poll(controls).toContain('setLearningRate');
    await page.click('#log-scale');
    expect(await page.isChecked('#log-scale')).toBe(false);
    await page.click('#log-scale');
    expect(await page.isChecked('#log-scale')).toBe(true);
    // A frame is painted promptly while the worker trains.
    const frame = await page.evaluate(
      () =>
        new Promise<number>((resolve) => {
          const t0 = performance.now();
          requestAnimationFrame(() => resolve(performance.now() - t0));
        }),
    );
    expect(frame).toBeLessThan(1000);
    await stepsAbove(steps);
    const longest = await page.evaluate(() =>
      Math.max(0, ...(window as unknown as { longTasks: number[] }).longTasks),
    );
    console.log(`longest main-thread task while training: ${longest.toFixed(0)} ms`);
    expect(longest).toBeLessThan(1000);
  });

  it('pauses and resumes', async () => {
    await page.click('#pause');
    expect(await status()).toBe('Paused');
    expect(await page.textContent('#pause')).toBe('Resume');
    await expect.poll(async () => (await controls()).at(-1)).toBe('pause');
    await page.waitForTimeout(300); // events already on their way may still arrive
    const paused = await stepCount();
    await page.waitForTimeout(800);
    expect(await stepCount()).toBe(paused);
    await page.click('#pause');
    expect(await status()).toBe('Training');
    await stepsAbove(paused);
    expect((await controls()).slice(-2)).toEqual(['pause', 'resume']);
  });

  it('stops: the worker is terminated and nothing more arrives', async () => {
    // Let the boundary take shape for the screenshot.
    await expect
      .poll(
        async () => {
          const d = await chartData();
          return d.last / d.first;
        },
        { timeout: 60_000, interval: 250 },
      )
      .toBeLessThan(0.25);
    await page.click('#stop');
    expect(await status()).toBe('Stopped');
    await expect.poll(() => workers[0].closed).toBe(true);
    const stopped = await stepCount();
    await page.waitForTimeout(600);
    expect(await stepCount()).toBe(stopped);
    expect(await page.isEnabled('#start')).toBe(true);
    expect(await page.textContent('#start')).toBe('Restart');
    mkdirSync(docs, { recursive: true });
    await page.screenshot({ path: `${docs}dashboard.png` });
  });

  it('trains the digits with live predictions on test images', async () => {
    await page.selectOption('#demo', 'digits');
    await page.fill('#epochs', '500');
    await page.click('#start');
    expect(await status()).toBe('Training');
    await expect
      .poll(() => page.locator('.digit.ok').count(), { timeout: 30_000 })
      .toBeGreaterThan(30);
    expect(await page.locator('.digit').count()).toBe(40);
    await expect
      .poll(async () => (await chartData()).epochs, { timeout: 30_000 })
      .toBeGreaterThan(5);
    await page.click('#stop');
    await expect.poll(() => workers[1]?.closed).toBe(true);
    await page.screenshot({ path: `${docs}dashboard-digits.png` });
    expect(pageErrors).toEqual([]);
  });

  it('trains a convolutional network on the digits (1×8×8 images) in the worker', async () => {
    await page.selectOption('#demo', 'digitsCnn');
    expect(await page.textContent('#hidden-hint')).toContain('conv 16');
    await page.fill('#epochs', '500');
    await page.click('#start');
    expect(await status()).toBe('Training');
    await expect
      .poll(() => page.locator('.digit.ok').count(), { timeout: 60_000 })
      .toBeGreaterThan(30);
    await expect
      .poll(async () => (await chartData()).epochs, { timeout: 60_000 })
      .toBeGreaterThan(2);
    await page.click('#stop');
    await expect.poll(() => workers[2]?.closed).toBe(true);
    expect(pageErrors).toEqual([]);
  });
});
