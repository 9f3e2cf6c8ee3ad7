// The browser benchmark against native, in one run (DESIGN §8: the page at ≥ 0.5 × native).
// Needs `make dist`. Not part of `make test`: timings belong to benchmarks.
//
//   node scripts/bench-page.mjs [MB] [ROUNDS]      (default 8 MB of the generated corpus, 5 rounds)
//
// Generates the corpus with examples/gen_corpus, times it natively with examples/scan_speed
// and in headless Chromium with www/bench.html (served from localhost, the release wasm of
// www/dist/pkg), and prints both and their ratio. Measures alternate native, page, native,
// page so that a busy machine weighs on both alike; medians of the medians are printed.
import { execFileSync } from 'node:child_process';
import { copyFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { serve } from './serve.mjs';

const mb = process.argv[2] ?? '8';
const rounds = process.argv[3] ?? '5';
const root = fileURLToPath(new URL('..', import.meta.url));
const dist = `${root}www/dist/`;
if (!existsSync(`${dist}pkg/weglakker_bg.wasm`)) {
  console.error('bench-page: build the page first (make dist)');
  process.exit(2);
}
execFileSync('cargo', ['build', '--release', '--example', 'gen_corpus', '--example', 'scan_speed'], { cwd: root, stdio: 'inherit' });
const corpus = `${dist}bench-corpus.jsonl`;
writeFileSync(corpus, execFileSync(`${root}target/release/examples/gen_corpus`, [mb], { maxBuffer: 1 << 30 }));
for (const f of ['bench.html', 'bench.js']) copyFileSync(`${root}www/${f}`, `${dist}${f}`);

const native = () => JSON.parse(execFileSync(`${root}target/release/examples/scan_speed`, [corpus, rounds]).toString());
const { server, url } = await serve({ root: dist, port: 0 });
const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking', '--disable-component-update'],
});
const page = async () => {
  const tab = await browser.newPage();
  await tab.goto(new URL(`bench.html?rounds=${rounds}`, url).href);
  await tab.waitForFunction(() => window.benchResult, null, { timeout: 900000 });
  const result = await tab.evaluate(() => window.benchResult);
  await tab.close();
  if (result.error) throw new Error(result.error);
  return result;
};
const runs = { native: [], page: [] };
try {
  for (let i = 0; i < 2; i++) {
    runs.native.push(native());
    runs.page.push(await page());
  }
} finally {
  await browser.close();
  server.close();
  rmSync(corpus, { force: true });
}
const med = (xs) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)];
const pick = (side, key) => med(runs[side].map((r) => r[key]));
const first = runs.native[0];
console.log(`corpus: ${first.records} records, ${(first.fileBytes / 1e6).toFixed(1)} MB (text ${(first.textBytes / 1e6).toFixed(1)} MB), ${rounds} rounds per run, 2 runs each`);
for (const key of ['scanMBps', 'processMBps']) {
  const n = pick('native', key);
  const p = pick('page', key);
  console.log(`${key.replace('MBps', '').padEnd(8)} native ${n.toFixed(1).padStart(6)} MB/s   page ${p.toFixed(1).padStart(6)} MB/s   page/native ${(p / n).toFixed(2)}`);
}
