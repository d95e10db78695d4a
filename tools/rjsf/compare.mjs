// Our page side by side with react-jsonschema-form (tools/rjsf), run by scripts/compare-rjsf.sh.
// A benchmark: prints figures, asserts nothing.
//
//   1. bytes of every file each page loads (as the server saw the requests): raw, gzip -9, zopfli
//      (the gzip a gzip_static host serves from our dist/) and brotli 11;
//   2. navigation to the first field (AutoMLJobName) in the DOM and painted (next animation
//      frame): median, min, max of fresh loads, each in a new browser context, the two pages
//      loaded in turn;
//   3. keystroke latency in the name field of a fresh form, keydown to next frame;
//   4. every fixture of crates/rules/tests/fixtures: rejected by the service or the CLI (our
//      .expected has an error) against flagged by rjsf's validator (@rjsf/validator-ajv8 with
//      the generated schema, the same code the form runs, here in node), and whether rjsf's form
//      could hold the request at all.
//
// Environment: OURS (default dist), RJSF (default tools/rjsf/dist), LOADS (default 7), KEYS (40).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { customizeValidator } from '@rjsf/validator-ajv8';
import { serve } from '../../tests/e2e/server.mjs';
import { ARGS, CHROMIUM } from '../../tests/e2e/browser.mjs';

const HERE = path.dirname(new URL(import.meta.url).pathname);
const REPO = path.resolve(HERE, '../..');
const require = createRequire(import.meta.url);
const { chromium } = require(path.join(REPO, 'tools/node_modules/playwright-core'));

const OURS = path.resolve(REPO, process.env.OURS || 'dist');
const RJSF = path.resolve(REPO, process.env.RJSF || 'tools/rjsf/dist');
const FIXTURES = path.join(REPO, 'crates/rules/tests/fixtures');
const SCHEMA = JSON.parse(fs.readFileSync(path.join(HERE, 'src/schema.json'), 'utf8'));
const LOADS = Number(process.env.LOADS || 7);
const KEYS = Number(process.env.KEYS || 40);

const PAGES = [
  { name: 'our page', dir: OURS, first: '[name="/AutoMLJobName"]' },
  { name: 'rjsf', dir: RJSF, first: '#root_AutoMLJobName' },
];

const median = (xs) => { const s = [...xs].sort((a, b) => a - b); const m = s.length >> 1; return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2; };
const pct = (xs, p) => { const s = [...xs].sort((a, b) => a - b); return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)]; };
const ms = (x) => `${x.toFixed(1)} ms`;
const kb = (n) => `${(n / 1024).toFixed(1)} KB`;

// Runs in the page before its own scripts: when the first field appears, and per keystroke.
const PROBE = (selector) => {
  window.__bench = { firstField: null, firstFrame: null, keys: [] };
  const seen = () => {
    if (window.__bench.firstField === null && document.querySelector(selector)) {
      window.__bench.firstField = performance.now();
      requestAnimationFrame(() => { window.__bench.firstFrame = performance.now(); });
      return true;
    }
    return false;
  };
  new MutationObserver((_, obs) => { if (seen()) obs.disconnect(); }).observe(document, { childList: true, subtree: true });
  let t0 = null;
  document.addEventListener('keydown', () => { t0 = performance.now(); }, true);
  window.addEventListener('input', () => {
    if (t0 === null) return;
    const start = t0;
    t0 = null;
    const rec = { frame: null };
    window.__bench.keys.push(rec);
    requestAnimationFrame(() => { rec.frame = performance.now() - start; });
  }, true);
};

async function load(browser, page, server, first) {
  server.requests.length = 0;
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  try {
    const tab = await context.newPage();
    await tab.addInitScript(PROBE, page.first);
    await tab.goto(server.url);
    await tab.waitForFunction(() => window.__bench.firstFrame !== null, null, { timeout: 20000 });
    const b = await tab.evaluate(() => window.__bench);
    const m = { first: b.firstField, frame: b.firstFrame };
    if (first) {
      await tab.waitForLoadState('networkidle');
      m.files = [...new Set(server.requests.map((u) => new URL(u, 'http://x').pathname))];
      await tab.click(page.first);
      for (let k = 0; k < KEYS; k++) {
        await tab.keyboard.press(k % 4 === 3 ? 'Backspace' : 'x');
        await tab.waitForTimeout(20);
      }
      await tab.waitForFunction((n) => window.__bench.keys.length >= n && window.__bench.keys.every((k) => k.frame !== null), KEYS);
      m.keys = (await tab.evaluate(() => window.__bench.keys)).map((k) => k.frame);
    }
    return m;
  } finally {
    await context.close();
  }
}

/** Fresh loads of both pages, interleaved (A B A B ...) so that a busy machine weighs on both alike. */
async function measure(browser) {
  const servers = await Promise.all(PAGES.map((p) => serve(p.dir)));
  try {
    const results = PAGES.map(() => ({ files: null, keys: [], firsts: [], frames: [] }));
    for (let i = 0; i < LOADS; i++) {
      for (const [n, page] of PAGES.entries()) {
        const m = await load(browser, page, servers[n], i === 0);
        const r = results[n];
        r.firsts.push(m.first); r.frames.push(m.frame);
        if (m.files) { r.files = m.files; r.keys = m.keys; }
      }
    }
    return results;
  } finally {
    await Promise.all(servers.map((s) => s.close()));
  }
}

// Zopfli's gzip (15 iterations), as scripts/build-page.sh writes our page's .gz copies: the
// same compressor for both pages, from the venv scripts/setup.sh fills; null without it.
const PYTHON = path.join(REPO, '.tools/venv/bin/python');
const ZOPFLI = 'import sys, zopfli.gzip; print(len(zopfli.gzip.compress(sys.stdin.buffer.read(), numiterations=15)))';
function zopfli(data) {
  try {
    return Number(execFileSync(PYTHON, ['-c', ZOPFLI], { input: data, stdio: ['pipe', 'pipe', 'ignore'] }));
  } catch {
    return null;
  }
}

function sizes(dir, files) {
  const total = { raw: 0, gz: 0, zopfli: 0, br: 0 };
  const rows = [];
  const row = (name, s) => `    ${name.padEnd(50)} ${String(s.raw).padStart(8)} B ${String(s.gz).padStart(8)} B gzip `
    + `${String(s.zopfli ?? '?').padStart(8)} B zopfli ${String(s.br).padStart(8)} B brotli`;
  for (const f of files) {
    const file = path.join(dir, f === '/' ? 'index.html' : decodeURIComponent(f.slice(1)));
    if (!fs.existsSync(file) || fs.statSync(file).isDirectory()) { rows.push(`    ${f.slice(1).padEnd(50)} (asked for, not there: 404)`); continue; }
    const data = fs.readFileSync(file);
    const s = {
      raw: data.length,
      gz: zlib.gzipSync(data, { level: 9 }).length,
      zopfli: zopfli(data),
      br: zlib.brotliCompressSync(data, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11, [zlib.constants.BROTLI_PARAM_SIZE_HINT]: data.length } }).length,
    };
    for (const k of Object.keys(total)) total[k] = total[k] === null || s[k] === null ? null : total[k] + s[k];
    rows.push(row(path.relative(dir, file), s));
  }
  rows.push(row('total', total));
  rows.push(`    ${''.padEnd(50)} ${kb(total.raw)}, ${kb(total.gz)} gzip -9, ${total.zopfli === null ? 'zopfli not in .tools/venv (scripts/setup.sh)' : `${kb(total.zopfli)} zopfli`}, ${kb(total.br)} brotli 11`);
  return { rows, ...total };
}

// ---- fixtures -------------------------------------------------------------------------------

const LONE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Object keys that appear twice in one object of the JSON text (JSON.parse keeps the last). */
function duplicateKeys(text) {
  const dups = [];
  const stack = [];
  let i = 0;
  const str = () => { let j = i + 1; while (text[j] !== '"') j += text[j] === '\\' ? 2 : 1; const s = text.slice(i, j + 1); i = j + 1; return JSON.parse(s); };
  while (i < text.length) {
    const c = text[i];
    if (c === '{') { stack.push({ keys: new Set(), expectKey: true }); i++; }
    else if (c === '[') { stack.push(null); i++; }
    else if (c === '}' || c === ']') { stack.pop(); i++; }
    else if (c === ',') { const top = stack[stack.length - 1]; if (top) top.expectKey = true; i++; }
    else if (c === '"') {
      const top = stack[stack.length - 1];
      const s = str();
      if (top && top.expectKey) { if (top.keys.has(s)) dups.push(s); top.keys.add(s); top.expectKey = false; }
    } else i++;
  }
  return dups;
}

/**
 * Why rjsf's form (default widgets, the generated schema) could not hold `value`, if it could
 * not: it has no import, so a request exists there only as what a person can type or pick.
 */
function unrepresentable(value, schema, at = '') {
  const where = at || '/';
  const out = [];
  if (value === null) return [`${where}: null (a cleared field is left out, never null)`];
  switch (schema.type) {
    case 'object':
      if (typeof value !== 'object' || Array.isArray(value)) return [`${where}: ${Array.isArray(value) ? 'an array' : typeof value} where the form has a group of fields`];
      for (const [k, v] of Object.entries(value)) {
        if (!schema.properties[k]) out.push(`${at}/${k}: unknown member (no field for it)`);
        else out.push(...unrepresentable(v, schema.properties[k], `${at}/${k}`));
      }
      return out;
    case 'array':
      if (!Array.isArray(value)) return [`${where}: ${typeof value} where the form has a list`];
      if (schema.maxItems !== undefined && value.length > schema.maxItems) out.push(`${where}: ${value.length} entries (Add is hidden at ${schema.maxItems})`);
      value.forEach((v, n) => out.push(...unrepresentable(v, schema.items, `${at}/${n}`)));
      return out;
    case 'string':
      if (typeof value !== 'string') return [`${where}: ${typeof value} in a text field`];
      if (schema.enum && !schema.enum.includes(value)) return [`${where}: "${value}" is not an option of the select`];
      if (LONE.test(value)) return [`${where}: a lone surrogate cannot be typed`];
      if (/[\n\r]/.test(value)) return [`${where}: a text input drops line breaks`];
      if (value === '') return [`${where}: an emptied text field is left out, never ""`];
      return [];
    case 'integer':
    case 'number':
      if (typeof value !== 'number') return [`${where}: ${typeof value} in a number field`];
      if (!Number.isFinite(value)) return [`${where}: ${value} cannot be typed in a number field`];
      return [];
    case 'boolean':
      return typeof value === 'boolean' ? [] : [`${where}: ${typeof value} where the form has a checkbox`];
    default:
      return [];
  }
}

function fixtures() {
  const validator = customizeValidator();
  const rows = [];
  for (const f of fs.readdirSync(FIXTURES).filter((n) => n.endsWith('.json')).sort()) {
    const name = f.slice(0, -5);
    const text = fs.readFileSync(path.join(FIXTURES, f), 'utf8');
    const expected = fs.readFileSync(path.join(FIXTURES, `${name}.expected`), 'utf8');
    const errors = expected.split('\n').filter((l) => l.startsWith('error ')).map((l) => l.split(' ').slice(1).join(' ').trim());
    const row = { name, rejected: errors.length > 0, ours: errors, flagged: null, ajv: [], form: [] };
    let data;
    try {
      data = JSON.parse(text);
    } catch (e) {
      row.form = [`not JSON for JSON.parse (${e.message.split('\n')[0]}); rjsf has no import`];
      rows.push(row);
      continue;
    }
    const { errors: ajv } = validator.validateFormData(data, SCHEMA);
    row.flagged = ajv.length > 0;
    row.ajv = ajv.map((e) => `${e.property || '.'} ${e.message}`);
    row.form = [...duplicateKeys(text).map((k) => `duplicate key "${k}" (JSON.parse keeps the last)`), ...unrepresentable(data, SCHEMA)];
    rows.push(row);
  }
  return rows;
}

function printFixtures(rows) {
  const clip = (s, n) => (s.length > n ? s.slice(0, n - 1) + '…' : s);
  const parsed = rows.filter((r) => r.flagged !== null);
  const rejected = parsed.filter((r) => r.rejected);
  const valid = parsed.filter((r) => !r.rejected);
  const misses = rejected.filter((r) => !r.flagged);
  const falseFlags = valid.filter((r) => r.flagged);
  console.log(`\nfixtures (${rows.length} in crates/rules/tests/fixtures; rejected = its .expected has an error):`);
  console.log('  rejected requests rjsf does not flag, and valid requests it flags:');
  console.log(`    ${'fixture'.padEnd(42)} ${'verdict'.padEnd(26)} ${'form can hold it'.padEnd(16)} what we report`);
  for (const r of [...misses, ...falseFlags]) {
    const verdict = r.rejected ? 'rejected, rjsf misses' : 'valid, rjsf flags';
    const what = r.rejected ? r.ours.join('; ') : `rjsf: ${r.ajv.join('; ')}`;
    console.log(`    ${r.name.padEnd(42)} ${verdict.padEnd(26)} ${(r.form.length ? 'no' : 'yes').padEnd(16)} ${clip(what, 110)}`);
  }
  console.log('  requests rjsf\'s form cannot hold (no import; only what can be typed or picked):');
  for (const r of rows.filter((x) => x.form.length)) {
    console.log(`    ${r.name.padEnd(42)} ${(r.rejected ? 'rejected' : 'valid').padEnd(9)} ${clip(r.form.join('; '), 130)}`);
  }
  const notJson = rows.filter((r) => r.flagged === null);
  const caughtHoldable = rejected.filter((r) => r.flagged && !r.form.length).length;
  const holdableRejected = rejected.filter((r) => !r.form.length).length;
  console.log(`  rjsf catches ${rejected.length - misses.length} of ${rejected.length} rejected requests; flags ${falseFlags.length} of ${valid.length} valid ones`);
  console.log(`    (${notJson.length} more fixture${notJson.length === 1 ? '' : 's'} are not JSON for JSON.parse and never reach rjsf: ${notJson.map((r) => r.name).join(', ')};`);
  console.log(`     of the rejected requests its form can hold, it catches ${caughtHoldable} of ${holdableRejected}; our checker: all ${rows.filter((r) => r.rejected).length} by construction of the .expected files)`);
}

async function main() {
  const missing = PAGES.filter((p) => !fs.existsSync(path.join(p.dir, 'index.html')));
  if (missing.length) {
    console.error(`compare: no build in ${missing.map((p) => p.dir).join(', ')}: run scripts/compare-rjsf.sh`);
    process.exit(2);
  }
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS, headless: true });
  try {
    const loadavg = () => os.loadavg()[0].toFixed(1);
    const before = loadavg();
    const results = await measure(browser);
    console.log(`machine: ${os.cpus().length} CPUs, load average ${before} before and ${loadavg()} after the loads (times on a busy machine vary)`);
    for (const [n, page] of PAGES.entries()) {
      const m = results[n];
      console.log(`\n${page.name} (${path.relative(REPO, page.dir)}):`);
      console.log('  files loaded (raw, gzip -9, zopfli as our .gz copies, brotli 11 as our .br copies):');
      const s = sizes(page.dir, m.files);
      s.rows.forEach((r) => console.log(r));
      console.log(`  navigation to first field in the DOM (${LOADS} fresh loads): median ${ms(median(m.firsts))} (min ${ms(Math.min(...m.firsts))}, max ${ms(Math.max(...m.firsts))})`);
      console.log(`  navigation to first field painted (next frame):    median ${ms(median(m.frames))} (min ${ms(Math.min(...m.frames))}, max ${ms(Math.max(...m.frames))})`);
      console.log(`  keystrokes in the name field of a fresh form (${KEYS}), keydown to next frame: median ${ms(median(m.keys))}, p95 ${ms(pct(m.keys, 95))}`);
    }
  } finally {
    await browser.close();
  }
  printFixtures(fixtures());
}

await main();
