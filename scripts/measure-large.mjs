// Measures the review app on a large synthetic JSON Lines export (not part of `make test`):
// review scan time, download time and the page thread's peak JS heap (the workers' heaps
// are not included). Needs `make dist`.
//
//   node scripts/measure-large.mjs [RECORDS]      (default 160000 records, about 26 MB)

import { chromium } from 'playwright-core';
const n = Number(process.argv[2] ?? 160000);
const lines = [];
for (let i = 0; i < n; i++) {
  const text = i % 7 === 0 ? `Vraag ${i}: weet iemand meer over operatie Zeemeeuw? Groet uit Zwolle` : `Reactie ${i} op het filmpje, mooi gedaan allemaal! 👏 Kunnen jullie vaker zulke beelden delen?`;
  lines.push(JSON.stringify({ id: `r${i}`, platform: 'x', in_reply_to: '@DefensieNL', text }));
}
const buffer = Buffer.from(lines.join('\n') + '\n');
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'] });
const page = await browser.newPage();
const cdp = await page.context().newCDPSession(page);
await page.goto(new URL('../www/dist/weglakker.html', import.meta.url).href);
await page.waitForSelector('weglakker-app[data-ready="true"]');
await page.fill('#wl-deny', 'Zeemeeuw'); await page.press('#wl-deny', 'Tab');
let peak = 0;
const timer = setInterval(async () => { try { const m = await cdp.send('Performance.getMetrics'); const h = m.metrics.find((x) => x.name === 'JSHeapUsedSize').value; peak = Math.max(peak, h); } catch {} }, 250);
await cdp.send('Performance.enable');
const t0 = Date.now();
await page.setInputFiles('#wl-file', { name: 'big.jsonl', mimeType: 'application/x-ndjson', buffer });
await page.waitForFunction((n) => document.querySelector('weglakker-app').dataset.records === String(n), n, { timeout: 900000 });
const scan = Date.now() - t0;
const t1 = Date.now();
const [dl] = await Promise.all([page.waitForEvent('download', { timeout: 900000 }), page.click('#wl-download')]);
const down = Date.now() - t1;
clearInterval(timer);
console.log(JSON.stringify({ records: n, mb: (buffer.length / 1e6).toFixed(1), scanMs: scan, downloadMs: down, peakMainHeapMB: (peak / 1e6).toFixed(0), status: await page.textContent('.wl-status') }));
await browser.close();
