import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { serve } from './server.mjs';
import { ARGS, CHROMIUM } from './browser.mjs';
const require = createRequire(import.meta.url);
const { chromium } = require(path.resolve('tools/node_modules/playwright-core'));
const FULL = JSON.parse(fs.readFileSync('tests/e2e/fixtures/full-request.json', 'utf8'));
const r = structuredClone(FULL);
r.Tags = Array.from({ length: 50 }, (_, i) => ({ Key: `key-${i}`, Value: `value number ${i}` }));
r.ModelDeployConfig = { AutoGenerateEndpointName: false, EndpointName: 'churn-endpoint' };
const server = await serve(process.env.DIST);
const browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS, headless: true });
const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
const page = await context.newPage();
await page.goto(server.url);
await page.waitForSelector('[name="/AutoMLJobName"]');
await page.fill('#import-text', JSON.stringify(r));
await page.click('#import-button');
for (const t of await page.locator('.section-toggle[aria-expanded="false"]').all()) await t.click();
let still = null;
if (process.env.STATIC) {
  const os = await import('node:os');
  if (process.env.WRAP) await page.evaluate((SEL) => { for (const b of document.querySelectorAll(SEL)) { const f = document.createElement('form'); while (b.firstChild) f.appendChild(b.firstChild); b.appendChild(f); } }, process.env.WRAP);
  const html = (await page.evaluate(() => document.documentElement.outerHTML)).replace(/<script[\s\S]*?<\/script>/g, '').replace(/<link rel="(modulepreload|preload)"[^>]*>/g, '');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'st-'));
  for (const f of fs.readdirSync(process.env.DIST)) if (f.endsWith('.css')) fs.copyFileSync(path.join(process.env.DIST, f), path.join(dir, f));
  fs.writeFileSync(path.join(dir, 'index.html'), `<!doctype html>${html}`);
  still = await serve(dir);
  await page.goto(still.url);
}
const field = process.env.FIELD || '/Tags/49/Value';
await page.locator(`[name="${field}"]`).click();
await page.waitForTimeout(500);
await browser.startTracing(page, { categories: (process.env.CATS || 'devtools.timeline,blink,v8.execute').split(',') });
const N = Number(process.env.N || 100);
for (let i = 0; i < N; i++) { await page.keyboard.press(i % 4 === 3 ? 'Backspace' : 'x'); await page.waitForTimeout(60); }
const buf = await browser.stopTracing();
const ev = JSON.parse(buf.toString()).traceEvents;
const main = ev.filter((e) => e.ph === 'X' && e.dur);
const agg = new Map();
for (const e of main) { const k = e.name; const a = agg.get(k) || [0, 0]; a[0] += e.dur; a[1]++; agg.set(k, a); }
console.log(`per keystroke (${N} keys), top events by total duration (may nest):`);
for (const [k, [d, c]] of [...agg.entries()].sort((a, b) => b[1][0] - a[1][0]).slice(0, 40)) console.log(`${(d / 1000 / N).toFixed(3).padStart(8)} ms/key  ${String(c).padStart(6)}x  ${k}`);
fs.writeFileSync('/tmp/trace.json', buf);
{ const tasks = ev.filter((e) => e.name === 'ThreadControllerImpl::RunTask' && e.args && e.args.src_func === 'FormControlDidChange'); console.log('autofill FormControlDidChange tasks', tasks.length, 'total', (tasks.reduce((a, e) => a + e.dur, 0) / 1000 / N).toFixed(3), 'ms/key'); }
await browser.close(); await server.close();
