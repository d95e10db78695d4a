// How much of the first-load wasm a first visit runs: the measure behind issue 14's question
// "what does a first visit not use?". A benchmark: prints figures, asserts nothing.
//
// 1. The main module as scripts/split-page.py keeps it (target/split/main_bg.wasm: after
//    wasm-bindgen, before wasm-opt, with its function names) is instrumented with binaryen.js
//    (tools/node_modules/binaryen, the wasm-opt 132 the build uses): each defined function
//    sets an exported global of its own when it first runs.
// 2. A copy of dist/ with that module in place of the optimised one (integrity hashes dropped)
//    is served on loopback and opened in Debian's headless Chromium in a fresh profile: the
//    first paint, then a first visit's typing (a job name, a role, the training data's S3 URI,
//    its target column and the output path, character by character).
// 3. The globals say which functions ran. Their bodies are weighed in the module's code
//    section (bytes before wasm-opt, and gzip -9 of the bodies that ran and of those that did
//    not), and what did not run is added up by the module of the page or the crate it is in.
//
// Hand-written (no library instruments wasm for a browser run; binaryen's own wasm-split
// --instrument is not in its npm package). Usage: scripts/bench-first-visit.sh
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { serve } from './server.mjs';
import { launch, open, field } from './browser.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const dist = process.env.DIST || path.join(root, 'dist');
const keep = path.join(root, 'target/split/main_bg.wasm');
const binaryen = (await import(path.join(root, 'tools/node_modules/binaryen/index.js'))).default;

if (!fs.existsSync(keep) || !fs.existsSync(path.join(dist, 'index.html'))) {
  console.error('first-visit-code: build the page first (scripts/build-page.sh)');
  process.exit(2);
}

// 1. Instrument.
const original = fs.readFileSync(keep);
const mod = binaryen.readBinary(original);
const F = binaryen.Features;
// The features rustc 1.95 emits (scripts/split-page.py's FEATURES); more would let binaryen
// write encodings Chromium does not read.
mod.setFeatures(F.BulkMemory | F.NontrappingFPToInt | F.SignExt | F.MutableGlobals | F.ReferenceTypes | F.Multivalue);
const names = [];
for (let i = 0; i < mod.getNumFunctions(); i++) {
  const fn = mod.getFunctionByIndex(i);
  const info = binaryen.getFunctionInfo(fn);
  if (info.module) continue; // an import
  const global = `__ran${names.length}`;
  mod.addGlobal(global, binaryen.i32, true, mod.i32.const(0));
  mod.addGlobalExport(global, global);
  binaryen.Function.setBody(fn, mod.block(null, [mod.global.set(global, mod.i32.const(1)), info.body], info.results));
  names.push(info.name);
}
const instrumented = mod.emitBinary();
mod.dispose();

// 2. Serve and visit.
const copy = fs.mkdtempSync(path.join(os.tmpdir(), 'automl-first-visit-'));
fs.cpSync(dist, copy, { recursive: true, filter: (f) => !/\.(gz|br)$/.test(f) });
const html = fs.readFileSync(path.join(copy, 'index.html'), 'utf8');
const main = /href="\.\/(automl-job-web-[0-9a-f]+_bg\.wasm)"/.exec(html);
if (!main) throw new Error('first-visit-code: index.html names no automl-job-web-HASH_bg.wasm');
fs.writeFileSync(path.join(copy, main[1]), instrumented);
fs.writeFileSync(path.join(copy, 'index.html'), html.replace(/ integrity="[^"]*"/g, ''));

const server = await serve(copy, { prefix: '/first-visit/' });
const browser = await launch(new URL(server.url).origin);
const ran = {};
try {
  const { page } = browser;
  await page.addInitScript(() =>
    addEventListener('TrunkApplicationStarted', (e) => { window.__instance = e.detail.wasm; }));
  const which = () => page.evaluate((n) => {
    if (!window.__instance) throw new Error('the page did not start (no TrunkApplicationStarted)');
    const out = [];
    for (let i = 0; i < n; i++) if (window.__instance[`__ran${i}`].value) out.push(i);
    return out;
  }, names.length);
  await open(page, server.url);
  await page.waitForTimeout(1000);
  ran['the first paint'] = await which();
  const type = async (pointer, text) => {
    const input = field(page, pointer);
    await input.click();
    await input.pressSequentially(text);
  };
  await type('/AutoMLJobName', 'churn-2026-12-06');
  await type('/RoleArn', 'arn:aws:iam::111122223333:role/service-role/AmazonSageMaker-ExecutionRole');
  await type('/InputDataConfig/0/DataSource/S3DataSource/S3Uri', 's3://sagemaker-us-east-1-111122223333/churn/train.csv');
  await type('/InputDataConfig/0/TargetAttributeName', 'Churn?');
  await type('/OutputDataConfig/S3OutputPath', 's3://sagemaker-us-east-1-111122223333/churn/output');
  await page.keyboard.press('Tab');
  await page.waitForTimeout(1000);
  ran['five fields typed'] = await which();
  if (browser.errors.length) console.error('first-visit-code: the page said', browser.errors);
} finally {
  await browser.close();
  await server.close();
  fs.rmSync(copy, { recursive: true, force: true });
}

// 3. Weigh. The code section's bodies are in the order binaryen lists the defined functions.
function leb(bytes, at) {
  let value = 0, shift = 0, byte;
  do {
    byte = bytes[at++];
    value += (byte & 0x7f) * 2 ** shift;
    shift += 7;
  } while (byte & 0x80);
  return [value, at];
}
const bodies = [];
for (let at = 8; at < original.length;) {
  const id = original[at];
  const [size, start] = leb(original, at + 1);
  if (id === 10) {
    let [count, p] = leb(original, start);
    for (; count > 0; count--) {
      const [length, body] = leb(original, p);
      bodies.push(original.subarray(body, body + length));
      p = body + length;
    }
  }
  at = start + size;
}
if (bodies.length !== names.length) throw new Error(`first-visit-code: ${bodies.length} bodies, ${names.length} functions`);

const gz = (parts) => zlib.gzipSync(Buffer.concat(parts), { level: 9 }).length;
const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
console.log(`The first-load module (${keep}, before wasm-opt): ${names.length} functions, ` +
  `${kb(bodies.reduce((s, b) => s + b.length, 0))} of code.`);
for (const [when, list] of Object.entries(ran)) {
  const set = new Set(list);
  const yes = bodies.filter((_, i) => set.has(i));
  const no = bodies.filter((_, i) => !set.has(i));
  const bytes = (parts) => parts.reduce((s, b) => s + b.length, 0);
  console.log(`  ${when}: ran ${yes.length} functions, ${kb(bytes(yes))} (${kb(gz(yes))} gzip); ` +
    `not run ${no.length}, ${kb(bytes(no))} (${kb(gz(no))} gzip)`);
}

// Where the code not run is: the first module of the page (or of the rules) a function's
// v0-mangled name mentions, as scripts/size-gate.py --print counts it (Leptos' code
// instantiated for a component counts with the component), else the crate it is in.
// `_R…14automl_job_web10components6import…` -> page::components::import.
function owner(name) {
  const mention = /(14automl_job_web|12automl_rules)(?=\d)/g;
  for (let at; (at = mention.exec(name));) {
    // The identifiers right after the crate's: a length, an optional "_" separator, the name.
    const parts = [];
    let rest = name.slice(at.index + at[0].length);
    while (parts.length < 2) {
      const m = /^(\d+)_?/.exec(rest);
      if (!m) break;
      const n = Number(m[1]);
      parts.push(rest.slice(m[0].length, m[0].length + n));
      rest = rest.slice(m[0].length + n);
    }
    if (parts.length) return `${at[1].includes('rules') ? 'automl_rules' : 'page'}::${parts.join('::')}`;
  }
  const crate = /C(?:s\w*?_)?\d+([a-z_]\w*)/.exec(name.slice(2));
  return `(crate) ${crate ? crate[1].replace(/^(\w+?)(\d+\w*)?$/, '$1') : 'other'}`;
}
const last = new Set(Object.values(ran).at(-1));
const by = new Map();
bodies.forEach((b, i) => {
  const key = owner(names[i]);
  const row = by.get(key) || { no: 0, yes: 0 };
  row[last.has(i) ? 'yes' : 'no'] += b.length;
  by.set(key, row);
});
console.log('  not run after typing, by where it is (bytes before wasm-opt; run beside it):');
for (const [key, row] of [...by].sort((a, b) => b[1].no - a[1].no).slice(0, 20)) {
  console.log(`    ${kb(row.no).padStart(9)} not run  ${kb(row.yes).padStart(9)} run  ${key}`);
}
