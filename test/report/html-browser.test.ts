import { describe, expect, it, beforeAll, afterAll } from 'vitest';
import { existsSync, mkdtempSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type BrowserContext } from 'playwright-core';
import { renderHtml } from '../../src/report/html.js';
import { sampleFinding, sampleResult } from '../fixtures/evidence/sample.js';

const CHROMIUM = '/usr/bin/chromium';
const have = existsSync(CHROMIUM);
if (!have) console.warn(`skipping the HTML browser test: ${CHROMIUM} is not installed (apt-get install -y chromium)`);

describe.skipIf(!have)('HTML report in headless Chromium', () => {
  let browser: BrowserContext;
  let dir: string;
  let file: string;
  const requests: string[] = [];

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'hg-browser-'));
    const findings = [
      ...sampleResult().findings,
      sampleFinding({ ruleId: 'secret/github-pat', severity: 'low', fingerprint: 'f9'.padEnd(64, '0'), location: { path: 'scripts/deploy.sh', startLine: 7, startColumn: 1, endLine: 7, endColumn: 9 } }),
    ];
    const trend = [0, 1, 2, 3].map((i) => ({ seq: i, time: `2026-02-0${i + 1}T10:00:00.000Z`, passed: i === 3, blocking: 3 - i, total: 5 - i, suppressed: 1, byCategory: {} }));
    file = join(dir, 'report.html');
    writeFileSync(file, renderHtml(sampleResult({ findings }), { trend }));
    // A fresh profile directory per run (playwright passes it as --user-data-dir).
    browser = await chromium.launchPersistentContext(join(dir, 'profile'), {
      executablePath: CHROMIUM,
      headless: true,
      viewport: { width: 1200, height: 900 },
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
  });
  afterAll(async () => {
    await browser?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('renders the verdict, filters with the keyboard, loads nothing remote, and screenshots as a real PNG', async () => {
    const page = await browser.newPage();
    page.on('request', (r) => requests.push(r.url()));
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(pathToFileURL(file).href);
    await expect(page.locator('#verdict').textContent()).resolves.toBe('gate failed: 3 findings at or above high');
    const visibleRows = () => page.locator('tr[data-sev]:not([hidden])').count();
    expect(await visibleRows()).toBe(5);
    await expect(page.locator('#filter-status').textContent()).resolves.toBe('Showing 5 of 5 findings');

    // Keyboard only: Tab to the severity select and choose "High" with the arrow keys.
    await page.locator('body').focus();
    for (let i = 0; i < 40 && (await page.evaluate(() => document.activeElement?.id)) !== 'f-sev'; i++) await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('f-sev');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    expect(await page.locator('#f-sev').inputValue()).toBe('high');
    // critical + 2 high visible (the low finding hidden, the waived medium hidden by severity too)
    expect(await visibleRows()).toBe(3);

    await page.keyboard.press('Tab'); // category
    await page.keyboard.press('Tab'); // search box
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('f-text');
    await page.keyboard.type('seed.sql');
    expect(await visibleRows()).toBe(1);
    await expect(page.locator('#filter-status').textContent()).resolves.toBe('Showing 1 of 5 findings');
    // The group without visible rows is hidden as a whole.
    expect(await page.locator('section.group:not([hidden])').count()).toBe(1);

    const png = await page.screenshot({ fullPage: true });
    expect(png.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
    expect(png.length).toBeGreaterThan(20_000);
    const width = png.readUInt32BE(16);
    const height = png.readUInt32BE(20);
    expect(width).toBe(1200);
    expect(height).toBeGreaterThan(900);
    // Non-blank: a 1-colour page compresses to almost nothing; also sample the rendered verdict colour.
    const bg = await page.locator('#verdict').evaluate((e) => getComputedStyle(e).backgroundColor);
    expect(bg).toBe('rgb(179, 38, 30)');
    expect(errors).toEqual([]);
    expect(requests.filter((u) => !u.startsWith('file:'))).toEqual([]);
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('#filters').isVisible()).toBe(false);
    await page.close();
  });
});
