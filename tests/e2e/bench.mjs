// The page's benchmark (issue 4, point 8), run by scripts/bench-page.sh: prints figures, asserts
// nothing about time. Loads the release build from loopback in Debian's headless Chromium.
//
//   1. bytes of every file a fresh load fetches (first load), and of the code the page fetches
//      on a feature's first use (on demand), raw, gzip (level 9) and brotli, with totals;
//   2. navigation to the first field visible: median (and min, max) of fresh loads, each in a
//      new browser context (empty cache and storage);
//   3. keystroke latency on a request with two channels, 50 tags and every section open:
//      from the keydown to the page being ready to paint (input handled, reactive updates and
//      their microtasks done, style and layout forced), median and p95; and to the next
//      animation frame (which adds the wait for the display's refresh);
//   4. the first keystroke's latency on a freshly loaded page;
//   5. a control: the DOM of (3) saved as static HTML with no script, typed into the same way,
//      which is what the browser alone costs per keystroke on a page of that size;
//   6. long lists (issue 10, 3.1): a request with 1,000, 5,000 and 60,000 tags (the last 3.8 MB,
//      under the import limit) opened as a file: the time from choosing the file to the page
//      answering (the import announced, the Tags list drawn, a frame painted), then from a
//      reload to the same with the saved draft. A page that does not answer within
//      LIST_WAIT seconds (120 by default) is reported as such. LISTS=1000,5000 picks the
//      sizes; ONLY=lists runs this part alone;
//   7. the first use of what loads on demand (the AWS CLI export, an import, a file given to
//      "Check my data": the panel's chunk and the worker; choosing CreateAutoMLJobV2: its
//      chunk) on a freshly loaded page, fetch and compile included (ONLY=on-demand runs this
//      part alone).
//
// The page paints the typed character first and brings the findings (messages, summary,
// counts) in step in the task right after that frame; (3) also prints the time from the
// keydown to the findings shown (that task done, layout forced), so neither is hidden.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { createRequire } from 'node:module';
import { serve } from './server.mjs';
import { ARGS, CHROMIUM } from './browser.mjs';

const require = createRequire(import.meta.url);
const { chromium } = require(path.resolve(path.dirname(new URL(import.meta.url).pathname), '../../tools/node_modules/playwright-core'));

const DIST = process.env.DIST || path.resolve('dist');
const LOADS = Number(process.env.LOADS || 9);
const KEYS = Number(process.env.KEYS || 120);
const FULL = JSON.parse(fs.readFileSync(path.join(path.dirname(new URL(import.meta.url).pathname), 'fixtures/full-request.json'), 'utf8'));

const median = (xs) => { const s = [...xs].sort((a, b) => a - b); const m = s.length >> 1; return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2; };
const pct = (xs, p) => { const s = [...xs].sort((a, b) => a - b); return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)]; };
const ms = (x) => `${x.toFixed(2)} ms`;
const kb = (n) => `${(n / 1024).toFixed(1)} KB`;

// Runs in the page before its own scripts: when the first field appears, and per keystroke.
const PROBE = () => {
  window.__bench = { firstField: null, firstFrame: null, keys: [] };
  const seen = () => {
    if (window.__bench.firstField === null && document.querySelector('[name="/AutoMLJobName"]')) {
      window.__bench.firstField = performance.now();
      requestAnimationFrame(() => { window.__bench.firstFrame = performance.now(); });
      return true;
    }
    return false;
  };
  new MutationObserver((_, obs) => { if (seen()) obs.disconnect(); }).observe(document, { childList: true, subtree: true });
  // Keystroke timing: from the keydown to (a) the page ready to paint: the input handled,
  // every reactive update and its microtasks run (a chain of 100 microtasks queued after the
  // page's own listeners), style and layout forced; and (b) the next animation frame, which
  // adds the wait for the display's next refresh (0 to 16.7 ms).
  let t0 = null;
  document.addEventListener('keydown', () => { t0 = performance.now(); }, true);
  window.addEventListener('input', () => {
    if (t0 === null) return;
    const start = t0;
    t0 = null;
    const rec = { ready: null, frame: null, settled: null };
    window.__bench.keys.push(rec);
    let p = Promise.resolve();
    for (let i = 0; i < 100; i++) p = p.then(() => {});
    p.then(() => { void document.body.offsetHeight; rec.ready = performance.now() - start; });
    // The page's own frame callback, registered while it handled the input, runs first and
    // queues its deferred check; this timeout is queued after it.
    requestAnimationFrame(() => {
      rec.frame = performance.now() - start;
      setTimeout(() => { void document.body.offsetHeight; rec.settled = performance.now() - start; }, 0);
    });
  });
};

function bigRequest() {
  const r = structuredClone(FULL);
  r.Tags = Array.from({ length: 50 }, (_, i) => ({ Key: `key-${i}`, Value: `value number ${i}` }));
  r.ModelDeployConfig = { AutoGenerateEndpointName: false, EndpointName: 'churn-endpoint' };
  return r;
}

/** The full request with `n` tags, padded so that 60,000 tags come to about 3.8 MB. */
function manyTags(n) {
  const r = JSON.parse(JSON.stringify(FULL));
  r.Tags = Array.from({ length: n }, (_, i) => ({ Key: `key-${String(i).padStart(5, '0')}`, Value: `value of tag ${String(i).padStart(5, '0')} in a long list` }));
  return JSON.stringify(r);
}

/** The time to the page answering after `act` (seconds), or null when it did not within `wait`. */
async function answers(page, act, n, wait) {
  const start = Date.now();
  await act();
  try {
    // The Tags list drawn (as many rows as the page draws for n items) and a frame after it.
    await page.waitForFunction((n) => {
      const rows = document.querySelectorAll('#section-body-tags ol.items > li').length;
      return document.querySelector('[name="/AutoMLJobName"]') && rows > 0 && (rows >= Math.min(n, 50));
    }, n, { timeout: wait * 1000, polling: 100 });
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0))));
  } catch {
    return null;
  }
  return (Date.now() - start) / 1000;
}

async function lists(browser, server) {
  const wait = Number(process.env.LIST_WAIT || 120);
  const sizes = (process.env.LISTS || '1000,5000,60000').split(',').map(Number);
  console.log(`long lists: a request with N tags opened as a file, then the page reloaded (no answer within ${wait} s is reported):`);
  for (const n of sizes) {
    const body = manyTags(n);
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    const say = (t) => (t === null ? `no answer within ${wait} s` : `${t.toFixed(2)} s`);
    try {
      await page.goto(server.url);
      await page.waitForSelector('[name="/AutoMLJobName"]');
      const imported = await answers(page, () => page.setInputFiles('.import input[type="file"]', { name: 'request.json', mimeType: 'application/json', buffer: Buffer.from(body) }), n, wait);
      let reloaded = null;
      if (imported !== null) {
        await page.waitForTimeout(1000); // the draft is saved 300 ms after the last change
        reloaded = await answers(page, () => page.reload({ waitUntil: 'commit' }), n, wait);
      }
      const rows = imported === null ? '' : `, ${await page.locator('#section-body-tags ol.items > li').count()} rows drawn`;
      console.log(`  ${String(n).padStart(6)} tags (${(body.length / 1e6).toFixed(2)} MB): import to answering ${say(imported)}; reload to answering ${imported === null ? 'not measured' : say(reloaded)}${rows}`);
    } finally {
      await context.close().catch(() => {});
    }
  }
}

/** The files of dist/ a fresh load fetches, until the first field shows and a second passes:
 * the page's and its service worker's (dist/sw.js itself; what the worker keeps of the page's
 * files is counted once). */
async function firstLoadFiles() {
  const server = await serve(DIST);
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS, headless: true });
  const fetched = new Set();
  try {
    const page = await browser.newPage();
    page.context().on('request', (r) => {
      const name = decodeURIComponent(new URL(r.url()).pathname.slice(1));
      fetched.add(name === '' ? 'index.html' : name);
    });
    await page.goto(server.url);
    await page.waitForSelector('[name="/AutoMLJobName"]');
    await page.waitForTimeout(1000);
  } finally {
    await browser.close();
    await server.close();
  }
  return fetched;
}

/** The first use of what loads on demand (src/on_demand.rs), on a freshly loaded page: from
 * choosing the AWS CLI export to its text shown, and from Import to the request in the form. */
async function onDemand(browser, server) {
  const firstExport = [], firstImport = [], firstData = [], firstV2 = [];
  // The data panel's first file: the full request's channels, plain CSV, no sample weights.
  const plain = structuredClone(FULL);
  for (const c of plain.InputDataConfig) {
    delete c.CompressionType;
    delete c.SampleWeightAttributeName;
  }
  const target = plain.InputDataConfig[0].TargetAttributeName;
  const rows = [`id,age,plan,${target}`];
  for (let i = 0; i < 600; i++) rows.push(`${i},${20 + (i % 50)},"basic, monthly",${i % 3 === 0 ? 'yes' : 'no'}`);
  const csv = { name: 'train.csv', mimeType: 'text/csv', buffer: Buffer.from(rows.join('\n') + '\n') };
  const openPlain = async (page) => {
    await page.fill('#import-text', JSON.stringify(plain));
    await page.click('#import-button');
    await page.waitForSelector('#data-file-0');
  };
  for (let i = 0; i < Math.min(LOADS, 5); i++) {
    for (const [list, prepare, act, done] of [
      [firstExport, null, (page) => page.check('input[name="export-target"][value="cli"]'),
        () => /aws sagemaker/.test(document.getElementById('export-text').textContent)],
      [firstImport, null, async (page) => { await page.fill('#import-text', JSON.stringify(FULL)); await page.click('#import-button'); },
        () => document.querySelector('[name="/AutoMLJobName"]').value === 'churn-2024-ensemble'],
      [firstData, openPlain, (page) => page.setInputFiles('#data-file-0', csv),
        () => /job would/.test(document.querySelector('#data-check [role="status"]').textContent)],
      // CreateAutoMLJobV2's chunk: chosen on a fresh page, until the page offers the switch
      // (the written draft) or shows the V2 form.
      [firstV2, null, (page) => page.check('[id="operation:v2"]'),
        () => document.getElementById('operation-offer') !== null || /^CreateAutoMLJobV2 request$/.test(document.querySelector('h1').textContent)],
    ]) {
      const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
      try {
        const page = await context.newPage();
        await page.goto(server.url);
        await page.waitForSelector('[name="/AutoMLJobName"]');
        if (prepare) await prepare(page);
        const t0 = Date.now();
        await act(page);
        await page.waitForFunction(done, null, { timeout: 60000 });
        list.push(Date.now() - t0);
      } finally {
        await context.close();
      }
    }
  }
  console.log(`first use of the on-demand module (fetch, compile, run), median of ${firstExport.length} fresh loads: the AWS CLI export shown ${ms(median(firstExport))} (min ${ms(Math.min(...firstExport))}), an import of the full request in the form ${ms(median(firstImport))} (min ${ms(Math.min(...firstImport))})`);
  console.log(`first use of "Check my data" (its chunk, the worker, a 600-row file), median of ${firstData.length} fresh loads: the verdict shown ${ms(median(firstData))} (min ${ms(Math.min(...firstData))})`);
  console.log(`first choice of CreateAutoMLJobV2 (its chunk), median of ${firstV2.length} fresh loads: the switch offered ${ms(median(firstV2))} (min ${ms(Math.min(...firstV2))})`);
}

async function main() {
  if (process.env.ONLY === 'on-demand') {
    const server = await serve(DIST);
    const browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS, headless: true });
    try {
      await onDemand(browser, server);
    } finally {
      await browser.close();
      await server.close();
    }
    return;
  }
  if (process.env.ONLY === 'lists') {
    const server = await serve(DIST);
    const browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS, headless: true });
    try {
      await lists(browser, server);
    } finally {
      await browser.close();
      await server.close();
    }
    return;
  }
  // 1. Sizes: what a fresh load fetches (first load), and the rest of dist/'s code, which the
  // page fetches on a feature's first use (on demand). Brotli (quality 11) beside gzip, for
  // hosts that serve it; the size gate counts gzip.
  const html = fs.readFileSync(path.join(DIST, 'index.html'), 'utf8');
  const fetched = await firstLoadFiles();
  const files = (dir) => fs.readdirSync(path.join(DIST, dir), { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? files(path.join(dir, e.name)) : [path.join(dir, e.name)]).sort();
  const groups = [
    ['first load', files('').filter((f) => fetched.has(f)), 'budget: the generic form\'s 206 KB'],
    ['on demand', files('').filter((f) => !fetched.has(f) && /\.(js|wasm)$/.test(f)), 'loaded when first used'],
  ];
  for (const [name, list, note] of groups) {
    let total = 0, totalGz = 0, totalBr = 0;
    console.log(`${name} (raw, gzip -9, brotli 11):`);
    for (const f of list) {
      const data = fs.readFileSync(path.join(DIST, f));
      const gz = zlib.gzipSync(data, { level: 9 }).length;
      const br = zlib.brotliCompressSync(data, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
      total += data.length; totalGz += gz; totalBr += br;
      console.log(`  ${f.padEnd(52)} ${String(data.length).padStart(8)} B  ${String(gz).padStart(7)} B gzip  ${String(br).padStart(7)} B br`);
    }
    console.log(`  ${(name + ' total').padEnd(52)} ${String(total).padStart(8)} B  ${String(totalGz).padStart(7)} B gzip  ${String(totalBr).padStart(7)} B br (${kb(totalGz)} gzip, ${kb(totalBr)} br; ${note})`);
  }
  if (/https?:\/\//.test(html.replace(/<meta[^>]*>/g, ''))) console.log('  note: index.html names an absolute URL');

  const server = await serve(DIST);
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS, headless: true });
  try {
    // 2. First field visible, fresh loads.
    const firsts = [], frames = [], firstKeys = [];
    for (let i = 0; i < LOADS; i++) {
      const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
      const page = await context.newPage();
      await page.addInitScript(PROBE);
      await page.goto(server.url);
      await page.waitForFunction(() => window.__bench.firstFrame !== null);
      const b = await page.evaluate(() => window.__bench);
      firsts.push(b.firstField); frames.push(b.firstFrame);
      // 4. The first keystroke on a fresh page.
      await page.click('[name="/AutoMLJobName"]');
      await page.keyboard.press('a');
      await page.waitForFunction(() => window.__bench.keys.length === 1 && window.__bench.keys[0].frame !== null && window.__bench.keys[0].ready !== null);
      firstKeys.push(await page.evaluate(() => window.__bench.keys[0]));
      await context.close();
    }
    console.log(`navigation to first field in the DOM (${LOADS} fresh loads): median ${ms(median(firsts))} (min ${ms(Math.min(...firsts))}, max ${ms(Math.max(...firsts))})`);
    console.log(`navigation to first field painted (next frame):      median ${ms(median(frames))} (target 300 ms)`);
    console.log(`first keystroke on a fresh page: ready to paint median ${ms(median(firstKeys.map((k) => k.ready)))}, max ${ms(Math.max(...firstKeys.map((k) => k.ready)))}; to next frame median ${ms(median(firstKeys.map((k) => k.frame)))} (target: within one 16 ms frame)`);

    // 3. Keystrokes on a big request with every section open.
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await page.addInitScript(PROBE);
    await page.goto(server.url);
    await page.waitForSelector('[name="/AutoMLJobName"]');
    await page.fill('#import-text', JSON.stringify(bigRequest()));
    await page.click('#import-button');
    // The import answers once the rules package is here; then open each closed section, one at
    // a time (a list of them taken at once goes stale as the first click redraws the form).
    await page.waitForSelector('[name="/Tags/49/Value"]', { state: 'attached' });
    const closed = page.locator('.section-toggle[aria-expanded="false"]');
    for (let left = await closed.count(); left > 0; left--) {
      await closed.first().click();
      await page.waitForFunction((n) => document.querySelectorAll('.section-toggle[aria-expanded="false"]').length < n, left);
    }
    const fields = await page.locator('input[type="text"]').count();
    const controls = await page.locator('input, select, textarea, button').count();
    const results = {};
    for (const pointer of ['/AutoMLJobName', '/Tags/49/Value', '/InputDataConfig/1/TargetAttributeName']) {
      await page.evaluate(() => { window.__bench.keys = []; });
      const input = page.locator(`[name="${pointer}"]`);
      await input.click();
      for (let i = 0; i < KEYS; i++) {
        await page.keyboard.press(i % 4 === 3 ? 'Backspace' : 'x');
        await page.waitForTimeout(20);
      }
      await page.waitForFunction((n) => window.__bench.keys.length >= n && window.__bench.keys.every((k) => k.ready !== null && k.frame !== null && k.settled !== null), KEYS);
      results[pointer] = await page.evaluate(() => window.__bench.keys);
    }
    console.log(`keystrokes on a request with 2 channels, 50 tags, every section open (${fields} text fields, ${controls} controls), ${KEYS} per field:`);
    const all = [], settled = [], nextFrame = [];
    for (const [pointer, keys] of Object.entries(results)) {
      const ready = keys.map((k) => k.ready);
      all.push(...ready);
      settled.push(...keys.map((k) => k.settled));
      nextFrame.push(...keys.map((k) => k.frame));
      console.log(`  ${pointer.padEnd(40)} ready to paint: median ${ms(median(ready))}, p95 ${ms(pct(ready, 95))}; to next frame: median ${ms(median(keys.map((k) => k.frame)))}, p95 ${ms(pct(keys.map((k) => k.frame), 95))}; findings shown: median ${ms(median(keys.map((k) => k.settled)))}, p95 ${ms(pct(keys.map((k) => k.settled), 95))}`);
    }
    console.log(`  ${'all fields'.padEnd(40)} ready to paint: median ${ms(median(all))}, p95 ${ms(pct(all, 95))} (target p95 4 ms); to next frame: median ${ms(median(nextFrame))}, p95 ${ms(pct(nextFrame, 95))}; findings shown: median ${ms(median(settled))}, p95 ${ms(pct(settled, 95))}`);

    // 5. The same DOM without the page's code.
    const html = (await page.evaluate(() => document.documentElement.outerHTML))
      .replace(/<script[\s\S]*?<\/script>/g, '')
      .replace(/<link rel="(modulepreload|preload)"[^>]*>/g, '');
    await context.close();
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'automl-bench-static-'));
    for (const f of fs.readdirSync(DIST)) if (f.endsWith('.css')) fs.copyFileSync(path.join(DIST, f), path.join(dir, f));
    fs.writeFileSync(path.join(dir, 'index.html'), `<!doctype html>${html}`);
    const still = await serve(dir);
    try {
      const context2 = await browser.newContext({ viewport: { width: 1280, height: 900 } });
      const page2 = await context2.newPage();
      await page2.addInitScript(PROBE);
      await page2.goto(still.url);
      const ready = [], frames = [];
      for (const pointer of Object.keys(results)) {
        await page2.evaluate(() => { window.__bench.keys = []; });
        await page2.locator(`[name="${pointer}"]`).click();
        for (let i = 0; i < KEYS; i++) {
          await page2.keyboard.press(i % 4 === 3 ? 'Backspace' : 'x');
          await page2.waitForTimeout(20);
        }
        await page2.waitForFunction((n) => window.__bench.keys.length >= n && window.__bench.keys.every((k) => k.ready !== null && k.frame !== null), KEYS);
        const keys = await page2.evaluate(() => window.__bench.keys);
        ready.push(...keys.map((k) => k.ready));
        frames.push(...keys.map((k) => k.frame));
      }
      console.log(`  ${'control: same DOM, static, no script'.padEnd(40)} ready to paint: median ${ms(median(ready))}, p95 ${ms(pct(ready, 95))}; to next frame: median ${ms(median(frames))}, p95 ${ms(pct(frames, 95))} (the browser's own cost)`);
      await context2.close();
    } finally {
      await still.close();
      fs.rmSync(dir, { recursive: true, force: true });
    }
    // 6. The first use of what loads on demand.
    await onDemand(browser, server);
    // 7. Long lists.
    await lists(browser, server);
  } finally {
    await browser.close();
    await server.close();
  }
}

await main();
