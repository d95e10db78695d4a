// The Check panel's list of findings loaded on demand (issue 14, 2; src/components/summary.rs):
// in a page built with `--cfg automl_split`, the list's entries are a wasm chunk of their own
// (split_finding_list*.wasm), fetched when the findings first open. A first visit (the list
// closed) does not fetch it; opening the findings says "Loading the list…" until it is here,
// the page answering meanwhile; a chunk that cannot load says so, and Try again loads it.
// A dist/ built without the split has no chunk: these tests are skipped.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { serve } from './server.mjs';
import { launch, field } from './browser.mjs';

const DIST = process.env.DIST || path.resolve('dist');
const SPLIT = fs.existsSync(DIST) && fs.readdirSync(DIST).some((f) => /^split_finding_list.*\.wasm$/.test(f));
const skip = SPLIT ? false : 'dist/ is not split (no split_finding_list*.wasm)';
const CHUNK = /\/split_finding_list[^/]*\.wasm$/;
let server;

before(async () => {
  server = await serve(DIST, { prefix: '/editor/' });
});
after(() => server?.close());

/**
 * A browser whose requests for the list's chunk are held until `release()` (then served), or
 * refused while `refuse` is set. `fetched` lists them.
 */
async function withChunk(body, { refuse = false, url = null } = {}) {
  const b = await launch(server.origin);
  const chunk = { refuse, fetched: [] };
  let release;
  const held = new Promise((resolve) => { release = resolve; });
  await b.page.route(CHUNK, async (route) => {
    chunk.fetched.push(new URL(route.request().url()).pathname);
    if (chunk.refuse) return route.abort();
    await held;
    return route.continue();
  });
  try {
    await b.page.goto(url ?? server.url);
    await b.page.waitForSelector('[name="/AutoMLJobName"]', { timeout: 20000 });
    await body(b, release, chunk);
    assert.deepEqual(b.offsite, [], 'no request to another host');
  } finally {
    await b.close();
  }
}

/** The console errors a refused chunk leaves (the failed fetch), and nothing else. */
function onlyChunkErrors(errors) {
  return errors.filter((e) => !/split_finding_list|Failed to load resource|failed to load split module|Failed to fetch|net::ERR_FAILED/i.test(e));
}

test('a first visit does not fetch the list; opening the findings waits visibly for it, the page answering meanwhile', { skip }, async () => {
  await withChunk(async ({ page, errors }, release, chunk) => {
    await field(page, '/AutoMLJobName').fill('bad name!');
    await page.keyboard.press('Tab');
    await page.waitForTimeout(300);
    assert.deepEqual(chunk.fetched, [], 'the closed findings do not fetch the list');
    assert.equal(await page.locator('details.findings').evaluate((d) => d.open), false);
    await page.click('details.findings > summary');
    await page.waitForSelector('.list-load[role="status"]');
    assert.equal(await page.locator('.list-load').textContent(), 'Loading the list…');
    assert.equal(await page.locator('.finding-list').count(), 0);
    // The page answers meanwhile: a keystroke lands, its finding follows once the list is here.
    await field(page, '/AutoMLJobName').fill('churn');
    assert.equal(await field(page, '/AutoMLJobName').inputValue(), 'churn');
    release();
    await page.waitForSelector('.finding-list a', { timeout: 20000 });
    assert.equal(await page.locator('.list-load').count(), 0, 'the loading line goes');
    // An entry leads to its field, as without the split.
    await page.click('.finding-list a[href="#field:/RoleArn"]');
    await page.waitForFunction(() => document.activeElement?.id === 'field:/RoleArn');
    // Closed and opened again: no second fetch, no wait.
    await page.click('details.findings > summary');
    await page.click('details.findings > summary');
    assert.ok(await page.locator('.finding-list a').first().isVisible());
    assert.equal(chunk.fetched.length, 1, 'fetched once');
    assert.deepEqual(errors, []);
  });
});

test('"Check all" opens the findings and loads the list', { skip }, async () => {
  await withChunk(async ({ page, errors }, release, chunk) => {
    release();
    await page.click('button:text-is("Check all")');
    await page.waitForSelector('.finding-list a', { timeout: 20000 });
    assert.equal(await page.locator('details.findings').evaluate((d) => d.open), true);
    assert.equal(chunk.fetched.length, 1);
    assert.deepEqual(errors, []);
  });
});

test('a list that cannot load says so, and loads on Try again', { skip }, async () => {
  await withChunk(async ({ page, errors }, release, chunk) => {
    await page.click('details.findings > summary');
    await page.waitForSelector('.list-load[role="alert"]', { timeout: 20000 });
    assert.match(await page.locator('.list-load').textContent(), /^The list of findings could not load\. Try again$/);
    // The rest of the Check panel still says what it says.
    assert.match(await page.locator('details.findings > summary').textContent(), /to review$/);
    chunk.refuse = false;
    release();
    await page.click('.list-load button:text-is("Try again")');
    await page.waitForSelector('.finding-list a', { timeout: 20000 });
    assert.equal(await page.locator('.list-load').count(), 0);
    assert.equal(chunk.fetched.length, 2, 'one refused, one served');
    assert.deepEqual(onlyChunkErrors(errors), []);
  }, { refuse: true });
});
