// Offline use (dist/sw.js, written by scripts/write-sw.py from scripts/sw/worker.js, registered
// by the start-up script from scripts/sw/register.js): after one visit the page reloads and
// checks offline; after a second visit what loads on demand (V2's chunk, the data panel's chunk
// and worker, the rules package) works offline too; a first visit fetches nothing it does not
// use; a new build's worker keeps the build before's cache (a tab still showing that build loads
// its chunks offline) and deletes older ones. The only tests with the service worker
// allowed (tests/e2e/browser.mjs blocks it elsewhere), each with a server of its own, which
// serves with Cache-Control: no-cache as a static host that lets the browser keep its files.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { serve } from './server.mjs';
import { launch, open, field } from './browser.mjs';

const DIST = process.env.DIST || path.resolve('dist');
const HERE = path.dirname(new URL(import.meta.url).pathname);
const WRITE_SW = path.resolve(HERE, '../../scripts/write-sw.py');
// Two channels, target `churned`, plain CSV, no sample weights (as tests/e2e/data.test.mjs).
const REQUEST = JSON.parse(fs.readFileSync(path.join(HERE, 'fixtures', 'full-request.json'), 'utf8'));
for (const c of REQUEST.InputDataConfig) {
  delete c.CompressionType;
  delete c.SampleWeightAttributeName;
}
const FULL = JSON.stringify(REQUEST);
const PREFIX = '/editor/';

/** The manifest scripts/write-sw.py writes into DIR/sw.js (which is minified), checked to be
 * the one there. */
function manifest(dir) {
  const m = JSON.parse(execFileSync('python3', [WRITE_SW, '--print', dir], { encoding: 'utf8' }));
  const sw = fs.readFileSync(path.join(dir, 'sw.js'), 'utf8');
  for (const name of [m.VERSION, ...m.START.slice(1), ...m.LATER]) assert.ok(sw.includes(JSON.stringify(name)), `sw.js names ${name}`);
  return { version: m.VERSION, start: m.START, later: m.LATER };
}

/** A server of DIR and a browser with the service worker allowed; both closed after `body`. */
async function withBrowser(dir, body) {
  const server = await serve(dir, { prefix: PREFIX, cacheControl: 'no-cache' });
  const b = await launch(server.origin, { serviceWorkers: 'allow', abortOffsite: false });
  try {
    await body(b, server);
    assert.deepEqual(b.offsite, [], 'no request to another host');
  } finally {
    await b.close();
    await server.close();
  }
}

/** A copy of dist/ (the tests deploy new builds into it), served, with a browser, as
 * [`withBrowser`]; the copy is removed afterwards. */
async function withCopy(body) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'automl-web-dist-'));
  try {
    fs.cpSync(DIST, dir, { recursive: true });
    await withBrowser(dir, (b, server) => body(dir, b, server));
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** Asks the browser to look for a new sw.js now (as it does on a navigation). */
function update(page) {
  return page.evaluate(async () => (await navigator.serviceWorker.getRegistration()).update().catch(() => {}));
}

/** The names of the page's caches, in the order they were made, and the paths (under the
 * prefix) the cache `name` holds, sorted. Only that cache is opened: opening one a worker has
 * just deleted would make it again. */
function caches(page, name) {
  return page.evaluate(async ([prefix, name]) => {
    const names = await caches.keys();
    if (!names.includes(name)) return { names, held: [] };
    const held = (await (await caches.open(name)).keys()).map((r) => new URL(r.url).pathname.slice(prefix.length) || './');
    return { names, held: held.sort() };
  }, [PREFIX, name]);
}

/** Waits until the cache `name` holds every one of `files` ("./" is the page); returns the
 * names of the page's caches. */
async function cachedAll(page, name, files) {
  const deadline = Date.now() + 20000;
  for (;;) {
    const { names, held } = await caches(page, name);
    if (files.every((f) => held.includes(f))) return names;
    if (Date.now() > deadline) assert.fail(`${name} holds ${held}, not all of ${files}; caches: ${names}`);
    await page.waitForTimeout(100);
  }
}

/** A first visit, until the worker controls the page and keeps what the page loaded. */
async function firstVisit(page, server, dir = DIST) {
  const { version, start } = manifest(dir);
  await open(page, server.url);
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 20000 });
  return cachedAll(page, `automl-job ${PREFIX} ${version}`, start);
}

/** The paths (under the prefix) of the server's requests from `from` on. */
function paths(server, from = 0) {
  return server.requests.slice(from).map((u) => new URL(u, server.origin).pathname.slice(PREFIX.length) || './');
}

/** Checks a keystroke as the form does: a bad job name is marked invalid. */
async function checksKeystroke(page) {
  await field(page, '/AutoMLJobName').fill('bad_name');
  await page.keyboard.press('Tab');
  assert.equal(await field(page, '/AutoMLJobName').getAttribute('aria-invalid'), 'true');
}

test('a first visit fetches what it uses once, and nothing that loads on demand', async () => {
  await withBrowser(DIST, async (b, server) => {
    const { version, start, later } = manifest(DIST);
    const all = await firstVisit(b.page, server);
    assert.deepEqual(all, [`automl-job ${PREFIX} ${version}`]);
    await checksKeystroke(b.page);
    // Time for anything an idle page would still fetch.
    await b.page.waitForTimeout(1500);
    const fetched = paths(server);
    assert.deepEqual(fetched.filter((p) => later.includes(p)), [], 'nothing on demand');
    // The worker kept the first load from the browser's HTTP cache: each file reached the
    // server once, as without a worker, and sw.js once more.
    assert.deepEqual([...fetched].sort(), [...start, 'sw.js'].sort());
    assert.deepEqual(b.errors, []);
  });
});

test('after one visit the page reloads offline, draws the form and checks a keystroke', async () => {
  await withBrowser(DIST, async (b, server) => {
    const { page, context } = b;
    await firstVisit(page, server);
    await context.setOffline(true);
    const from = server.requests.length;
    await page.reload();
    await page.waitForSelector('[name="/AutoMLJobName"]', { timeout: 20000 });
    await checksKeystroke(page);
    assert.deepEqual(paths(server, from), [], 'offline: nothing reached the server');
    assert.deepEqual(b.errors, []);
  });
});

test('after a second visit, V2, the data check and the AWS CLI export work offline', async () => {
  await withBrowser(DIST, async (b, server) => {
    const { page, context } = b;
    const { version, start, later } = manifest(DIST);
    await firstVisit(page, server);
    const second = server.requests.length;
    // A returning visitor: the worker controls the page from its start, and at idle fetches
    // the rest of the page's files, each once.
    await page.reload();
    await page.waitForSelector('[name="/AutoMLJobName"]', { timeout: 20000 });
    await cachedAll(page, `automl-job ${PREFIX} ${version}`, [...start, ...later]);
    const fetched = paths(server, second);
    assert.deepEqual(fetched.filter((p) => later.includes(p)).sort(), [...later].sort(), 'each on-demand file once');

    await context.setOffline(true);
    const from = server.requests.length;
    // V2's chunk (and what it shares with the panel's).
    await page.check('[id="operation:v2"]');
    await page.waitForSelector('[id="problem-type:TimeSeriesForecastingJobConfig"]', { timeout: 20000 });
    assert.match(await page.locator('h1').textContent(), /CreateAutoMLJobV2/);
    // The rules package: the AWS CLI export.
    await page.check('input[name="export-target"][value="cli"]');
    await page.waitForFunction(() => /^aws sagemaker create-auto-ml-job-v2 /.test(document.getElementById('export-text').textContent), null, { timeout: 20000 });
    // The import, then "Check my data" with a CSV: the panel's chunk and the data worker.
    await page.fill('#import-text', FULL);
    await page.click('#import-button');
    await page.waitForSelector('#data-file-1', { timeout: 20000 });
    const rows = ['id,age,plan,churned'];
    for (let i = 0; i < 600; i++) rows.push(`${i},${20 + (i % 50)},"basic, monthly",${i % 3 === 0 ? 'yes' : 'no'}`);
    await page.setInputFiles('#data-file-0', { name: 'train.csv', mimeType: 'text/csv', buffer: Buffer.from(rows.join('\n') + '\n') });
    await page.waitForFunction(() => document.querySelector('#data-check [role="status"]').textContent.trim() !== '', null, { timeout: 30000 });
    assert.match(await page.locator('#data-check [role="status"]').textContent(), /job would start/);
    assert.deepEqual(paths(server, from), [], 'offline: nothing reached the server');
    assert.deepEqual(b.errors, []);
  });
});

test('what a first visit used before the worker took control, and after, is kept for offline use', async () => {
  await withBrowser(DIST, async (b, server) => {
    const { context } = b;
    const { version, start } = manifest(DIST);
    const name = `automl-job ${PREFIX} ${version}`;
    // A V2 draft saved by a page without the worker (its registration refused, as Playwright's
    // 'block' does): the next page draws V2 at start, fetching V2's chunk before its worker exists.
    const before = await context.newPage();
    await before.addInitScript(() => { ServiceWorkerContainer.prototype.register = async () => undefined; });
    await open(before, server.url);
    await before.check('[id="operation:v2"]');
    await before.waitForSelector('[id="problem-type:TimeSeriesForecastingJobConfig"]', { timeout: 20000 });
    await before.waitForTimeout(500);
    await before.close();
    const { page } = b;
    const from = server.requests.length;
    await open(page, server.url);
    await page.waitForSelector('[id="problem-type:TimeSeriesForecastingJobConfig"]', { timeout: 20000 });
    const v2 = paths(server, from).filter((p) => /^(split_v2|chunk_)/.test(p));
    assert.ok(v2.some((p) => p.startsWith('split_v2')), `V2's chunk fetched at start: ${v2}`);
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 20000 });
    // The page told the worker what it had fetched: kept from the HTTP cache, not fetched again.
    await cachedAll(page, name, [...start, ...v2]);
    // Used after the worker took control: the AWS CLI export's rules package, kept as it loads.
    await page.check('input[name="export-target"][value="cli"]');
    await page.waitForFunction(() => /^aws sagemaker create-auto-ml-job-v2 /.test(document.getElementById('export-text').textContent), null, { timeout: 20000 });
    await cachedAll(page, name, ['rules/automl_job_rules.js', 'rules/automl_job_rules_bg.wasm']);
    const fetched = paths(server, from);
    for (const file of [...v2, 'rules/automl_job_rules.js', 'rules/automl_job_rules_bg.wasm']) {
      assert.equal(fetched.filter((p) => p === file).length, 1, `${file} once: ${fetched}`);
    }
    // Offline, a reload draws V2 and exports it.
    await context.setOffline(true);
    const offline = server.requests.length;
    await page.reload();
    await page.waitForSelector('[id="problem-type:TimeSeriesForecastingJobConfig"]', { timeout: 20000 });
    await page.check('input[name="export-target"][value="json"]');
    await page.check('input[name="export-target"][value="cli"]');
    await page.waitForFunction(() => /^aws sagemaker create-auto-ml-job-v2 /.test(document.getElementById('export-text').textContent), null, { timeout: 20000 });
    assert.deepEqual(paths(server, offline), [], 'offline: nothing reached the server');
    assert.deepEqual(b.errors, []);
  });
});

/** The next build in DIR: index.html changed (`mark` appended), without the files `drop`
 * names, sw.js written again with its manifest; its cache's name. */
function nextBuild(dir, mark, drop = /$^/) {
  for (const f of fs.readdirSync(dir)) if (drop.test(f)) fs.rmSync(path.join(dir, f));
  fs.appendFileSync(path.join(dir, 'index.html'), `<!-- ${mark} -->\n`);
  execFileSync('python3', [WRITE_SW, dir], { stdio: 'pipe' });
  return `automl-job ${PREFIX} ${manifest(dir).version}`;
}

/** The names of the page's caches, in the order they were made, once the worker whose cache is
 * `name` has activated (its activation deletes caches, and takes a while). */
async function cacheNames(page, name) {
  const deadline = Date.now() + 20000;
  for (;;) {
    const [names, done] = await page.evaluate(async () => {
      const r = await navigator.serviceWorker.getRegistration();
      return [await caches.keys(), !!r && !r.installing && !r.waiting && r.active?.state === 'activated'];
    });
    if (done && names.includes(name)) return names;
    if (Date.now() > deadline) assert.fail(`no worker of ${name} activated; caches: ${names}`);
    await page.waitForTimeout(100);
  }
}

test('a tab still showing the build before loads that build\'s chunks offline under the new worker', async () => {
  await withCopy(async (dir, b, server) => {
    const { page, context } = b;
    const { version, start, later } = manifest(dir);
    const old = `automl-job ${PREFIX} ${version}`;
    await firstVisit(page, server, dir);
    await page.reload();
    await page.waitForSelector('[name="/AutoMLJobName"]', { timeout: 20000 });
    await cachedAll(page, old, [...start, ...later]);
    // A new build is deployed while the tab is open: its V2 chunk is not the old one (here:
    // gone from the host and from the new manifest), and its worker takes this tab over.
    const changed = page.evaluate(() => new Promise((done) => navigator.serviceWorker.addEventListener('controllerchange', done)));
    const name = nextBuild(dir, 'the next build', /^split_v2-/);
    assert.ok(!manifest(dir).later.some((f) => f.startsWith('split_v2-')));
    await update(page);
    // (The new worker claims the tab once its activation, which deletes caches, is done.)
    await changed;
    assert.deepEqual(await cacheNames(page, name), [old, name], 'the build before\'s cache is kept');
    // The tab was the old worker's from its start: the new worker fills its cache; let it
    // finish before going offline (none of its requests may be counted below).
    const next = manifest(dir);
    await cachedAll(page, name, [...next.start, ...next.later]);

    await context.setOffline(true);
    const from = server.requests.length;
    await page.check('[id="operation:v2"]');
    await page.waitForSelector('[id="problem-type:TimeSeriesForecastingJobConfig"]', { timeout: 20000 });
    assert.match(await page.locator('h1').textContent(), /CreateAutoMLJobV2/);
    assert.deepEqual(paths(server, from), [], 'offline: nothing reached the server');
    assert.deepEqual(b.errors, []);
  });
});

test('a build whose worker could not install is not kept as the build before', async () => {
  await withCopy(async (dir, b, server) => {
    const { page } = b;
    const first = `automl-job ${PREFIX} ${manifest(dir).version}`;
    await firstVisit(page, server, dir);
    // The next build names a file of its first load the host does not have (its files
    // uploaded after its sw.js): its worker cannot install, and leaves a partial cache.
    fs.writeFileSync(path.join(dir, 'late.css'), '');
    fs.appendFileSync(path.join(dir, 'index.html'), '<link rel="stylesheet" href="./late.css">\n');
    const failed = nextBuild(dir, 'a build that cannot install');
    assert.ok(manifest(dir).start.includes('late.css'));
    fs.rmSync(path.join(dir, 'late.css'));
    await update(page);
    const deadline = Date.now() + 20000;
    for (;;) {
      const [names, busy] = await page.evaluate(async () => {
        const r = await navigator.serviceWorker.getRegistration();
        return [await caches.keys(), !!(r.installing || r.waiting)];
      });
      if (names.includes(failed) && !busy) break;
      if (Date.now() > deadline) assert.fail(`the failed install did not end; caches: ${names}`);
      await page.waitForTimeout(100);
    }
    // The build after installs: the first build's cache, whose worker ran the tab, is the
    // one kept beside it.
    const next = nextBuild(dir, 'the build after');
    await update(page);
    assert.deepEqual(await cacheNames(page, next), [first, next]);
    assert.deepEqual(b.errors.filter((e) => !/late\.css|sw\.js|service ?worker/i.test(e)), []);
  });
});

test('a new build\'s worker keeps the build before\'s cache, fills its own, and the third deletes the first', async () => {
  await withCopy(async (dir, b, server) => {
    const { page } = b;
    const first = `automl-job ${PREFIX} ${manifest(dir).version}`;
    await firstVisit(page, server, dir);
    // The next build: index.html changed, sw.js written again with its manifest.
    const name = nextBuild(dir, 'the next build');
    const { start, later } = manifest(dir);
    assert.notEqual(name, first);
    await page.reload();
    await page.waitForSelector('[name="/AutoMLJobName"]', { timeout: 20000 });
    // The page was the old worker's from its start (a returning visitor's): the new worker,
    // once in control (its activation done), is asked to fetch the rest of the page's files.
    await cachedAll(page, name, [...start, ...later]);
    // The build before's cache stays (a tab may still run it), beside the new one.
    assert.deepEqual(await cacheNames(page, name), [first, name]);
    const kept = await page.evaluate(async (name) => (await (await caches.open(name)).match('./')).text(), name);
    assert.match(kept, /<!-- the next build -->/, 'the new index.html is the one kept');
    // A third build deletes the first's cache: two builds at most.
    const third = nextBuild(dir, 'the build after');
    await page.reload();
    await page.waitForSelector('[name="/AutoMLJobName"]', { timeout: 20000 });
    await cachedAll(page, third, [...start, ...later]);
    assert.deepEqual(await cacheNames(page, third), [name, third]);
    assert.deepEqual(b.errors, []);
  });
});
