// Measures the review app on a large synthetic export in headless Chromium (not part of
// `make test`): time to review (scan in the worker pool until the first page is shown),
// time to download the minimised file, and peak memory: the summed proportional set size
// (Pss from /proc/PID/smaps_rollup: shared pages split between the processes sharing them)
// of every Chromium process (browser, renderer with its workers, GPU and utility
// processes), sampled every 200 ms, as it is and minus the same sum with the page loaded
// before the file was chosen; plus the page thread's peak JS heap (DevTools). Needs
// `make dist`.
//
//   node scripts/measure-large.mjs [jsonl|csv] [MB]      (default: jsonl 200)
//
// The file is written to the system temp directory and handed to the page by path, so the
// page gets a disk-backed File as from a real file picker.

import { chromium } from 'playwright-core';
import { createWriteStream, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const format = process.argv[2] ?? 'jsonl';
const megabytes = Number(process.argv[3] ?? 200);
if (!['jsonl', 'csv'].includes(format) || !(megabytes > 0)) {
  console.error('usage: node scripts/measure-large.mjs [jsonl|csv] [MB]');
  process.exit(2);
}

/** Made-up reactions; about a third carry personal data (names, e-mail, phone numbers). */
function post(i) {
  switch (i % 6) {
    case 0: return `Vraag ${i}: weet iemand meer over operatie Zeemeeuw? Groet uit Zwolle`;
    case 1: return `Mail mij gerust op lezer${i}@example.nl of bel 06-${String(10000000 + (i % 89999999)).slice(0, 8)}`;
    case 2: return `Mijn zoon Daan de Vries wil solliciteren, kunt u hem terugbellen?`;
    default: return `Reactie ${i} op het filmpje, mooi gedaan allemaal! 👏 Kunnen jullie vaker zulke beelden delen?`;
  }
}

async function writeExport(path, bytes) {
  const out = createWriteStream(path);
  let size = 0;
  let i = 0;
  if (format === 'csv') size += Buffer.byteLength('id;platform;bericht\n');
  if (format === 'csv') out.write('id;platform;bericht\n');
  while (size < bytes) {
    const batch = [];
    for (let k = 0; k < 10000; k++, i++) {
      batch.push(format === 'jsonl'
        ? JSON.stringify({ id: `r${i}`, platform: 'x', in_reply_to: '@DefensieNL', text: post(i) })
        : `r${i};x;"${post(i).replaceAll('"', '""')}"`);
    }
    const chunk = batch.join('\n') + '\n';
    size += Buffer.byteLength(chunk);
    if (!out.write(chunk)) await new Promise((resolve) => out.once('drain', resolve));
  }
  await new Promise((resolve) => out.end(resolve));
  return i;
}

/** The summed Pss (bytes) of every process below `root` (not `root` itself). */
function treeRss(root) {
  const children = new Map();
  const rss = new Map();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const status = readFileSync(`/proc/${name}/status`, 'utf8');
      const ppid = Number(status.match(/^PPid:\s+(\d+)/m)?.[1]);
      const rollup = readFileSync(`/proc/${name}/smaps_rollup`, 'utf8');
      rss.set(Number(name), Number(rollup.match(/^Pss:\s+(\d+)/m)?.[1] ?? 0) * 1024);
      children.set(ppid, [...(children.get(ppid) ?? []), Number(name)]);
    } catch {
      // the process ended while we looked
    }
  }
  let total = -(rss.get(root) ?? 0);
  const stack = [root];
  while (stack.length) {
    const pid = stack.pop();
    total += rss.get(pid) ?? 0;
    stack.push(...(children.get(pid) ?? []));
  }
  return total;
}

const path = join(tmpdir(), `weglakker-measure.${format}`);
const records = await writeExport(path, megabytes * 1e6);
const size = statSync(path).size;
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'],
});
// Chromium is started by this script: every process below it is the browser's.
const root = process.pid;
const page = await browser.newPage({ acceptDownloads: true });
const cdp = await page.context().newCDPSession(page);
await cdp.send('Performance.enable');
await page.goto(new URL('../www/dist/weglakker.html', import.meta.url).href);
await page.waitForSelector('weglakker-app[data-ready="true"]');
await page.fill('#wl-deny', 'Zeemeeuw');
await page.press('#wl-deny', 'Tab');
await page.waitForTimeout(1000);
const baseline = treeRss(root);
let peak = baseline;
let peakHeap = 0;
const timer = setInterval(async () => {
  peak = Math.max(peak, treeRss(root));
  try {
    const m = await cdp.send('Performance.getMetrics');
    peakHeap = Math.max(peakHeap, m.metrics.find((x) => x.name === 'JSHeapUsedSize').value);
  } catch {
    // the page is busy or gone
  }
}, 200);

const result = { format, records, mb: +(size / 1e6).toFixed(1) };
try {
  const t0 = Date.now();
  await page.setInputFiles('#wl-file', path);
  await page.waitForFunction((n) => {
    const app = document.querySelector('weglakker-app');
    return app.dataset.records === String(n) || /Fout|Error/.test(document.querySelector('.wl-status').textContent);
  }, format === 'csv' ? records : records, { timeout: 1800000, polling: 500 });
  result.reviewMs = Date.now() - t0;
  result.reviewStatus = await page.textContent('.wl-status');
  result.peakAfterReviewMB = Math.round((peak - baseline) / 1e6);
  const t1 = Date.now();
  const [download] = await Promise.all([
    page.waitForEvent('download', { timeout: 1800000 }),
    page.click('#wl-download'),
  ]);
  const saved = await download.path();
  result.downloadMs = Date.now() - t1;
  result.outputMB = +(statSync(saved).size / 1e6).toFixed(1);
} catch (err) {
  result.error = String(err.message ?? err).split('\n')[0];
  result.status = await page.textContent('.wl-status').catch(() => null);
} finally {
  clearInterval(timer);
  result.baselineMB = Math.round(baseline / 1e6);
  result.peakMB = Math.round(peak / 1e6);
  result.peakPerInput = +(peak / size).toFixed(2);
  result.peakAboveBaselineMB = Math.round((peak - baseline) / 1e6);
  result.peakAboveBaselinePerInput = +((peak - baseline) / size).toFixed(2);
  result.peakMainHeapMB = Math.round(peakHeap / 1e6);
  console.log(JSON.stringify(result));
  await browser.close();
  rmSync(path, { force: true });
}
