// temporary: CPU profile of keystrokes on the big request
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
page.on('console', (m) => console.log('console:', m.text()));
await page.goto(server.url);
await page.waitForSelector('[name="/AutoMLJobName"]');
await page.fill('#import-text', JSON.stringify(r));
await page.click('#import-button');
for (const t of await page.locator('.section-toggle[aria-expanded="false"]').all()) await t.click();
await page.locator('[name="/Tags/49/Value"]').click();
const cdp = await context.newCDPSession(page);
await cdp.send('Profiler.enable');
await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
await cdp.send('Profiler.start');
for (let i = 0; i < 200; i++) { await page.keyboard.press(i % 4 === 3 ? 'Backspace' : 'x'); await page.waitForTimeout(60); }
const { profile } = await cdp.send('Profiler.stop');
const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const self = new Map();
const dt = profile.timeDeltas; let total = 0;
for (let i = 0; i < profile.samples.length; i++) {
  const n = byId.get(profile.samples[i]); const k = n.callFrame.functionName || '(anon ' + n.callFrame.url.split('/').pop() + ')';
  self.set(k, (self.get(k) || 0) + dt[i]); total += dt[i];
}
// inclusive: build parent map
const parent = new Map(); for (const n of profile.nodes) for (const c of n.children || []) parent.set(c, n.id);
const incl = new Map();
for (let i = 0; i < profile.samples.length; i++) {
  const seen = new Set(); let id = profile.samples[i];
  while (id !== undefined) { const k = byId.get(id).callFrame.functionName || '(anon)'; if (!seen.has(k)) { seen.add(k); incl.set(k, (incl.get(k) || 0) + dt[i]); } id = parent.get(id); }
}
const top = (m) => [...m.entries()].sort((a, b) => b[1] - a[1]).slice(0, 45).map(([k, v]) => `${(v / 1000).toFixed(1).padStart(8)} ms  ${k.slice(0, 150)}`).join('\n');
console.log('total sampled', total / 1000, 'ms over 200 keys');
console.log('SELF\n' + top(self));
console.log('INCLUSIVE\n' + top(incl));
await browser.close(); await server.close();
