// What a first visit does not use loads on demand (issue 14, 2; src/on_demand.rs): the import
// readers and the exports other than the JSON body are the automl-job-rules package in
// dist/rules/, fetched on their first use, which waits visibly ("Loading…") and never freezes
// the page; once loaded they work offline.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { serve } from './server.mjs';
import { launch, open, field } from './browser.mjs';

const DIST = process.env.DIST || path.resolve('dist');
const FIXTURES = path.resolve(path.dirname(new URL(import.meta.url).pathname), 'fixtures');
const FULL = fs.readFileSync(path.join(FIXTURES, 'full-request.json'), 'utf8');
const MODULE = /\/rules\/automl_job_rules(_bg\.wasm|\.js)$/;
let server;

before(async () => {
  server = await serve(DIST, { prefix: '/editor/' });
});
after(() => server.close());

/** A browser whose requests for the on-demand module wait until `release()` is called. */
async function withHeldModule(body) {
  const b = await launch(server.origin);
  let release;
  const held = new Promise((resolve) => { release = resolve; });
  await b.page.route(MODULE, async (route) => { await held; await route.continue(); });
  const fetched = [];
  b.page.on('request', (r) => { if (MODULE.test(new URL(r.url()).pathname)) fetched.push(new URL(r.url()).pathname); });
  try {
    await open(b.page, server.url);
    await body(b, release, fetched);
    assert.deepEqual(b.errors, [], 'no console errors');
    assert.deepEqual(b.offsite, [], 'no request to another host');
  } finally {
    await b.close();
  }
}

test('a first visit does not fetch the on-demand module; the first export that needs it waits visibly, then it is fetched once', async () => {
  await withHeldModule(async ({ page }, release, fetched) => {
    // Typed in, checked, exported as the JSON body: all without the module.
    await field(page, '/AutoMLJobName').fill('bad_name');
    await page.keyboard.press('Tab');
    assert.equal(await field(page, '/AutoMLJobName').getAttribute('aria-invalid'), 'true');
    await page.waitForFunction(() => document.getElementById('export-text').textContent.includes('"AutoMLJobName": "bad_name"'));
    await page.waitForTimeout(300);
    assert.deepEqual(fetched, [], 'nothing on demand at first');

    await page.check('input[name="export-target"][value="cli"]');
    await page.waitForFunction(() => document.querySelector('pre:has(#export-text)').getAttribute('aria-busy') === 'true');
    assert.equal(await page.locator('#export-text').textContent(), 'Loading the AWS CLI (bash, zsh) export…');
    assert.equal(await page.locator('#export-copy').isDisabled(), true, 'Copy waits for the export');
    // The page does not freeze meanwhile.
    await field(page, '/AutoMLJobName').fill('good-name');
    await page.keyboard.press('Tab');
    assert.notEqual(await field(page, '/AutoMLJobName').getAttribute('aria-invalid'), 'true');
    release();
    await page.waitForFunction(() => /aws sagemaker create-auto-ml-job/.test(document.getElementById('export-text').textContent), null, { timeout: 20000 });
    assert.match(await page.locator('#export-text').textContent(), /--auto-ml-job-name 'good-name'/);
    assert.equal(await page.locator('pre:has(#export-text)').getAttribute('aria-busy'), null);
    assert.equal(await page.locator('#export-copy').isDisabled(), false);

    // Another export and an import use the module already loaded.
    await page.check('input[name="export-target"][value="boto3"]');
    await page.waitForFunction(() => /import boto3/.test(document.getElementById('export-text').textContent));
    await page.fill('#import-text', FULL);
    await page.click('#import-button');
    await page.waitForFunction(() => document.querySelector('[name="/AutoMLJobName"]').value === 'churn-2024-ensemble');
    assert.deepEqual(fetched, ['/editor/rules/automl_job_rules.js', '/editor/rules/automl_job_rules_bg.wasm'], 'fetched once');
  });
});

test('the first import waits visibly for the import reader, then imports', async () => {
  await withHeldModule(async ({ page }, release, fetched) => {
    await page.fill('#import-text', FULL);
    await page.click('#import-button');
    await page.waitForFunction(() => document.getElementById('import-status').textContent === 'Loading the import reader…');
    assert.equal(await page.locator('#import-text').getAttribute('aria-busy'), 'true');
    // Typing elsewhere still works while it loads.
    await field(page, '/RoleArn').fill('arn:aws:iam::123456789012:role/typed');
    assert.equal(await field(page, '/RoleArn').inputValue(), 'arn:aws:iam::123456789012:role/typed');
    release();
    await page.waitForFunction(() => document.querySelector('[name="/AutoMLJobName"]').value === 'churn-2024-ensemble', null, { timeout: 20000 });
    assert.equal(await page.locator('#import-status').textContent(), '');
    assert.equal(await page.locator('#import-text').getAttribute('aria-busy'), null);
    assert.equal(await page.locator('#import-text').inputValue(), '');
    assert.equal(await page.locator('#import-error').isVisible(), false);
    assert.match(await page.locator('.summary .verdict').innerText(), /Ready to send/);
    assert.equal(fetched.length, 2);
  });
});

test('a first import while offline says the reader could not load and keeps the draft; online again, it imports', async () => {
  const b = await launch(server.origin);
  try {
    await open(b.page, server.url);
    await field(b.page, '/AutoMLJobName').fill('my-draft');
    await b.context.setOffline(true);
    await b.page.fill('#import-text', FULL);
    await b.page.click('#import-button');
    await b.page.waitForFunction(() => /Could not load the import reader/.test(document.getElementById('import-error').textContent), null, { timeout: 20000 });
    assert.match(await b.page.locator('#import-error').innerText(), /check the connection and import again\. Your draft is unchanged\./);
    assert.equal(await field(b.page, '/AutoMLJobName').inputValue(), 'my-draft');
    await b.context.setOffline(false);
    await b.page.click('#import-button');
    await b.page.waitForFunction(() => document.querySelector('[name="/AutoMLJobName"]').value === 'churn-2024-ensemble', null, { timeout: 20000 });
    assert.equal(await b.page.locator('#import-error').isVisible(), false);
    assert.deepEqual(b.offsite, []);
  } finally {
    await b.close();
  }
});
