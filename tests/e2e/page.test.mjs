// Browser end-to-end check of the single-file page (www/dist/weglakker.html, built by
// `make dist`), opened from file:// and from scripts/serve.mjs on localhost, in Debian's
// /usr/bin/chromium driven by playwright-core (no browser is ever downloaded).
//
// Detector-independent: findings come from the page's "Altijd weglakken" (deny) list, so the
// assertions hold whatever the detectors find.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { createRequire } from 'node:module';
import { chromium } from 'playwright-core';
import { serve } from '../../scripts/serve.mjs';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const PAGE = `${ROOT}www/dist/weglakker.html`;
const SHOTS = `${ROOT}target/e2e`;
const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';

let browser;
let server;
let served;

before(async () => {
  assert.ok(existsSync(PAGE), `${PAGE} missing: run make dist`);
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-dev-shm-usage',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-quic',
      '--no-first-run',
      '--disable-extensions',
    ],
  });
  ({ server, url: served } = await serve({ port: 0 }));
});

after(async () => {
  await browser?.close();
  server?.close();
});

/** Opens `url`, recording every request, websocket, page error and CSP complaint. */
async function open(url) {
  const context = await browser.newContext();
  const page = await context.newPage();
  const seen = { requests: [], sockets: [], errors: [], console: [] };
  page.on('request', (r) => seen.requests.push(r.url()));
  page.on('websocket', (w) => seen.sockets.push(w.url()));
  page.on('pageerror', (e) => seen.errors.push(e.message));
  page.on('console', (m) => seen.console.push(`${m.type()}: ${m.text()}`));
  await page.goto(url);
  await page.waitForSelector('body[data-ready="true"]', { timeout: 15000 });
  return { page, context, seen };
}

/** Nothing but the page itself was requested: no network, no stray subresource. */
function assertOnlyThePage(seen, url) {
  const pageUrl = new URL(url);
  for (const r of seen.requests) {
    const u = new URL(r);
    const own = u.protocol === pageUrl.protocol && u.host === pageUrl.host && u.pathname === pageUrl.pathname;
    assert.ok(own, `unexpected request: ${r}`);
  }
  assert.deepEqual(seen.sockets, []);
  assert.deepEqual(seen.errors, []);
  const csp = seen.console.filter((line) => /Content Security Policy|Refused to/i.test(line));
  assert.deepEqual(csp, [], 'no CSP violations');
}

const XSS = '<img src=x onerror="window.__xss=1"><script>window.__xss=2</script>';
const TEXT = `Hallo Zeemeeuw 😀, groet van aalscholver en é ${XSS} en nogmaals ZEEMEEUW.`;

async function pasteAndRun(page) {
  await page.click('summary'); // open the lists
  await page.fill('#altijd', 'Zeemeeuw\nAalscholver');
  await page.fill('#invoer', TEXT);
  await page.click('#zoek');
  await page.waitForFunction(() => /vondst/.test(document.getElementById('status').textContent));
}

async function checkFindings(page) {
  const marks = await page.$$eval('#gemarkeerd mark', (ms) => ms.map((m) => [m.dataset.kind, m.textContent]));
  const denied = marks.filter(([, text]) => /^(zeemeeuw|aalscholver)$/i.test(text));
  assert.deepEqual(denied, [
    ['person', 'Zeemeeuw'],
    ['person', 'aalscholver'],
    ['person', 'ZEEMEEUW'],
  ]);
  // The highlighted text is the input, character for character (UTF-16 offsets line up).
  assert.equal(await page.textContent('#gemarkeerd'), TEXT);

  // Pseudonyms: the same value gets the same one, another value another (the numbers are
  // not asserted: real detectors may find more people before these).
  const result = await page.textContent('#resultaat');
  assert.doesNotMatch(result, /zeemeeuw|aalscholver/i);
  const first = result.match(/Hallo (\[PERSOON-\d+\]) 😀/)?.[1];
  const other = result.match(/groet van (\[PERSOON-\d+\]) en é /)?.[1];
  const again = result.match(/nogmaals (\[PERSOON-\d+\])\.$/)?.[1];
  assert.ok(first && other && again, result);
  assert.equal(again, first);
  assert.notEqual(other, first);
  const outMarks = await page.$$eval('#resultaat mark', (ms) => ms.map((m) => m.textContent));
  assert.ok(outMarks.includes(first) && outMarks.includes(other), String(outMarks));

  const legend = await page.textContent('#legenda');
  assert.match(legend, /Persoon: \d+/);

  // The markup in the post stayed text: shown literally, never parsed or run.
  assert.ok(result.includes('<img src=') && result.includes('<script>'), result);
  assert.equal(await page.$$eval('main img, main script', (els) => els.length), 0);
  assert.equal(await page.evaluate(() => window.__xss), undefined);
}

test('the single file works from file:// without any other request', async (t) => {
  const url = pathToFileURL(PAGE).href;
  const { page, context, seen } = await open(url);
  // "Klaar (geladen in N ms)": wasm decoded, compiled and instantiated (budget 300 ms).
  t.diagnostic(await page.textContent('#status'));
  await pasteAndRun(page);
  await checkFindings(page);
  // The sample fills the page for a reviewer's screenshot (one name on the deny list, so
  // something is highlighted whatever the detectors find).
  await page.fill('#altijd', 'Daan de Vries');
  await page.click('#voorbeeld');
  await page.waitForFunction(() => document.getElementById('resultaat').textContent.length > 0);
  mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: `${SHOTS}/review.png`, fullPage: true });
  assertOnlyThePage(seen, url);
  await context.close();
});

test('the same page works served from localhost', async () => {
  const url = `${served}weglakker.html`;
  const { page, context, seen } = await open(url);
  await pasteAndRun(page);
  await checkFindings(page);
  assertOnlyThePage(seen, url);
  await context.close();
});

test('a bad list entry or empty text gives no error', async () => {
  const { page, context, seen } = await open(pathToFileURL(PAGE).href);
  await page.fill('#invoer', '');
  await page.click('#zoek');
  await page.waitForFunction(() => /0 vondsten/.test(document.getElementById('status').textContent));
  assert.equal(await page.$$eval('#gemarkeerd mark', (ms) => ms.length), 0);
  assert.deepEqual(seen.errors, []);
  await context.close();
});

test('the page has no serious accessibility violations (axe-core)', async () => {
  const require = createRequire(import.meta.url);
  const axeSource = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
  const { page, context } = await open(pathToFileURL(PAGE).href);
  await page.click('#voorbeeld');
  await page.waitForFunction(() => document.getElementById('resultaat').textContent.length > 0);
  // Evaluated through the DevTools protocol, so the page's CSP does not block it.
  await page.evaluate(axeSource);
  const violations = await page.evaluate(async () => {
    const result = await window.axe.run(document, { resultTypes: ['violations'] });
    return result.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.id}: ${v.nodes.length} × ${v.help}`);
  });
  assert.deepEqual(violations, []);
  await context.close();
});

test('the server serves only files under www/dist', async () => {
  const ok = await fetch(`${served}weglakker.html`);
  assert.equal(ok.status, 200);
  assert.match(ok.headers.get('content-type'), /^text\/html/);
  const wasm = await fetch(`${served}pkg/weglakker_bg.wasm`);
  assert.equal(wasm.headers.get('content-type'), 'application/wasm');
  for (const path of ['../../Cargo.toml', '%2e%2e/%2e%2e/Cargo.toml', 'nope.html']) {
    const res = await fetch(`${served}${path}`);
    assert.ok(res.status === 403 || res.status === 404, `${path}: ${res.status}`);
  }
});
