// Long lists (issue 10, 3.1): a request with 60,000 tags (3.8 MB, under the import limit)
// froze the page for good, and through the saved draft every later visit too. The page now
// draws the 50 tags the service accepts and one row that counts the rest. These tests import
// such a request as a person does (a file, a share link) and assert on what a person sees,
// with generous timeouts so that a busy machine does not fail them: not on timing.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { serve } from './server.mjs';
import { launch, open, field } from './browser.mjs';

const DIST = process.env.DIST || path.resolve('dist');
const FIXTURES = path.resolve(path.dirname(new URL(import.meta.url).pathname), 'fixtures');
const FULL = JSON.parse(fs.readFileSync(path.join(FIXTURES, 'full-request.json'), 'utf8'));
const WAIT = { timeout: 20000 };
const N = 60000;
let server;

before(async () => {
  server = await serve(DIST, { prefix: '/editor/' });
});
after(() => server.close());

/** The valid full request with `n` tags (60,000 come to about 3.8 MB). */
function manyTags(n) {
  const r = structuredClone(FULL);
  r.Tags = Array.from({ length: n }, (_, i) => ({ Key: `key-${String(i).padStart(5, '0')}`, Value: `value of tag ${String(i).padStart(5, '0')} in a long list` }));
  return JSON.stringify(r);
}

const rows = (page) => page.locator('#section-body-tags ol.items > li');
const more = (page) => page.locator('#section-body-tags .more-items');

/** Waits until the Tags list shows 50 rows and the row counting `extra` more. */
async function showsFiftyAndMore(page, extra) {
  await page.waitForFunction((extra) => {
    const more = document.querySelector('#section-body-tags .more-items');
    return document.querySelectorAll('#section-body-tags ol.items > li').length === 50
      && more && more.textContent.startsWith(`${extra} tags more, after the first 50`);
  }, extra, WAIT);
  assert.equal(await rows(page).count(), 50);
  assert.equal(await field(page, '/Tags/49/Key').inputValue(), 'key-00049');
  assert.equal(await field(page, '/Tags/50/Key').count(), 0, 'the 51st tag is not drawn');
  assert.match(await more(page).textContent(), /the service accepts at most 50/);
}

/** Waits until the saved draft holds `n` tags (it is saved 300 ms after the last change). */
async function savedWithTags(page, n) {
  await page.waitForFunction((n) => {
    const text = localStorage.getItem('automl-job-web.draft');
    return text !== null && (JSON.parse(text).Tags || []).length === n;
  }, n, WAIT);
}

test('a request with 60,000 tags imports, shows 50 and a count, removes the rest with Undo at hand, and reloads', async () => {
  const body = manyTags(N);
  assert.ok(body.length > 3.8e6 && body.length < 4 * 1024 * 1024, `${body.length} bytes`);
  const b = await launch(server.origin);
  try {
    const { page } = b;
    await open(page, server.url);
    await page.setInputFiles('.import input[type="file"]', { name: 'many-tags.json', mimeType: 'application/json', buffer: Buffer.from(body) });
    await page.waitForFunction(() => /Imported the request/.test(document.querySelector('.notice').textContent), null, WAIT);
    await showsFiftyAndMore(page, N - 50);
    // The count is a finding at the list: the rest stays in the check and the exports.
    assert.match(await page.locator('[id="field:/Tags"] > .messages').textContent(), /50/);
    await page.check('input[name="export-target"][value="json"]');
    await page.waitForFunction(() => /Copy and Download carry all of it/.test(document.querySelector('.export').textContent), null, WAIT);
    // The page answers: typing in a field is shown.
    await field(page, '/Tags/0/Value').fill('typed');
    assert.equal(await field(page, '/Tags/0/Value').inputValue(), 'typed');

    // Removing the rest is one step, and Undo brings every one of them back.
    await page.click(`button:has-text("Remove the ${N - 50} tags after the first 50")`, WAIT);
    await page.waitForFunction(() => !document.querySelector('#section-body-tags .more-items'), null, WAIT);
    assert.equal(await rows(page).count(), 50);
    assert.match(await page.locator('.notice').first().innerText(), new RegExp(`Removed the ${N - 50} tags after the first 50`));
    await savedWithTags(page, 50);
    await page.click('button.undo', WAIT);
    await showsFiftyAndMore(page, N - 50);
    assert.equal(await field(page, '/Tags/0/Value').inputValue(), 'typed');

    // The saved draft comes back on a reload, and the page answers again.
    await savedWithTags(page, N);
    await page.reload();
    await page.waitForSelector('[name="/AutoMLJobName"]', WAIT);
    await showsFiftyAndMore(page, N - 50);
    assert.equal(await field(page, '/Tags/0/Value').inputValue(), 'typed');
    assert.equal(await field(page, '/AutoMLJobName').inputValue(), 'churn-2024-ensemble');
    assert.deepEqual(b.errors, []);
    assert.deepEqual(b.offsite, []);
  } finally {
    await b.close();
  }
});

test('a share link to a request with 60,000 tags opens in a fresh profile and reloads', async () => {
  let link;
  const one = await launch(server.origin, { permissions: ['clipboard-read', 'clipboard-write'] });
  try {
    await open(one.page, server.url);
    await one.page.setInputFiles('.import input[type="file"]', { name: 'many-tags.json', mimeType: 'application/json', buffer: Buffer.from(manyTags(N)) });
    await showsFiftyAndMore(one.page, N - 50);
    await one.page.click('button:has-text("Copy share link")');
    await one.page.waitForFunction(() => /share link/.test(document.querySelector('.notice').textContent), null, WAIT);
    link = await one.page.evaluate(() => navigator.clipboard.readText());
    assert.deepEqual(one.errors, []);
  } finally {
    await one.close();
  }
  assert.match(link, /#r=1\./);
  const b = await launch(server.origin);
  try {
    const { page } = b;
    await page.goto(link);
    await page.waitForSelector('[name="/AutoMLJobName"]', WAIT);
    await showsFiftyAndMore(page, N - 50);
    assert.match(await page.locator('.notice').first().innerText(), /share link/);
    await savedWithTags(page, N);
    await page.reload();
    await page.waitForSelector('[name="/AutoMLJobName"]', WAIT);
    await showsFiftyAndMore(page, N - 50);
    assert.deepEqual(b.errors, []);
    assert.deepEqual(b.offsite, []);
  } finally {
    await b.close();
  }
});
