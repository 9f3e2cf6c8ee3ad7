import { chromium } from 'playwright-core';
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'] });
const page = await browser.newPage();
page.on('console', (m) => console.log('console', m.type(), m.text()));
page.on('pageerror', (e) => console.log('pageerror', e.message));
page.on('worker', (w) => console.log('worker', w.url()));
await page.goto('file:///work/wt/app/www/dist/weglakker.html');
await page.waitForSelector('weglakker-app[data-ready="true"]', { timeout: 15000 });
const r = await page.evaluate(async () => {
  const out = [];
  for (const type of ['classic', 'module']) {
    const src = type === 'module' ? "self.postMessage('hi ' + typeof import.meta.url)" : "self.postMessage('hi')";
    const url = URL.createObjectURL(new Blob([src], { type: 'text/javascript' }));
    const w = new Worker(url, { type });
    out.push(await new Promise((res) => { w.onmessage = (e) => res(type + ':' + e.data); w.onerror = (e) => res(type + ': error ' + e.message); setTimeout(() => res(type + ': timeout'), 3000); }));
  }
  const inline = document.getElementById('weglakker-worker').textContent;
  const url = URL.createObjectURL(new Blob([inline], { type: 'text/javascript' }));
  const w = new Worker(url, { type: 'module' });
  out.push(await new Promise((res) => { w.onmessage = (e) => res('real:' + JSON.stringify(e.data)); w.onerror = (e) => res('real: error ' + e.message + ' ' + e.lineno); w.postMessage({type:'ping'}); setTimeout(() => res('real: timeout (no error)'), 3000); }));
  return out;
});
console.log(r);
await browser.close();
