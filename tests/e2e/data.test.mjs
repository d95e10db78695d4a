// "Check my data" on the release page: the panel's code (a wasm-split chunk) and the worker's
// files load only when a file is chosen (visibly; Cancel and a failed load are handled),
// a file is checked against the request (600 rows: the job would start, with the class
// chart; 499 rows: an error at the training channel; validation headers unlike the
// training file's), bad files get a located message, Cancel stops a large file while the
// form stays usable, a worker whose files do not load is reported at the channel and retried
// on the next choice, and no request leaves the page.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { serve } from './server.mjs';
import { launch, open, field } from './browser.mjs';

const DIST = process.env.DIST || path.resolve('dist');
const FIXTURES = path.resolve(path.dirname(new URL(import.meta.url).pathname), 'fixtures');
// Two channels, training then validation, target `churned`, plain CSV, no sample weights.
const REQUEST = JSON.parse(fs.readFileSync(path.join(FIXTURES, 'full-request.json'), 'utf8'));
for (const c of REQUEST.InputDataConfig) {
  delete c.CompressionType;
  delete c.SampleWeightAttributeName;
}
const FULL = JSON.stringify(REQUEST);
const WORKER = /preflight-worker/;
// The panel's own code, split from the page's wasm (scripts/split-page.py).
const PANEL = /split_data_panel-[0-9a-f]+\.wasm$/;
// Code the panel shares with another chunk (V2's tables) and the first load does not have:
// wasm-split's shared chunks, fetched with the panel's.
const SHARED = /chunk_\d+-[0-9a-f]+\.wasm$/;
let server;

before(async () => {
  server = await serve(DIST, { prefix: '/editor/' });
});
after(() => server.close());

/**
 * A fresh page with `request` imported (FULL: two channels), once `ready` is on the page.
 * Afterwards no request went to another host, and no console error other than what
 * `expected` matches (the load failure a test provokes) was logged.
 */
async function withPage(body, { request = FULL, ready = '#data-file-1', viewport = undefined, expected = null } = {}) {
  const b = await launch(server.origin, viewport ? { viewport } : {});
  try {
    await open(b.page, server.url);
    await b.page.fill('#import-text', request);
    await b.page.click('#import-button');
    await b.page.waitForSelector(ready);
    await body(b);
    assert.deepEqual(b.offsite, [], 'no request to another host');
    assert.deepEqual(expected ? b.errors.filter((e) => !expected.test(e)) : b.errors, [], 'no console errors');
  } finally {
    await b.close();
  }
}

/** A churn CSV: `rows` data rows, header `header`, a class in every third row. */
function csv(rows, header = 'id,age,plan,churned') {
  const lines = [header];
  for (let i = 0; i < rows; i++) lines.push(`${i},${20 + (i % 50)},"basic, monthly",${i % 3 === 0 ? 'yes' : 'no'}`);
  return Buffer.from(lines.join('\n') + '\n');
}

function file(name, buffer, mimeType = 'text/csv') {
  return { name, mimeType, buffer };
}

/** Waits until the data panel's verdict says something, and returns it. */
async function verdict(page) {
  const v = page.locator('#data-check [role="status"]');
  await page.waitForFunction(() => document.querySelector('#data-check [role="status"]').textContent.trim() !== '', null, { timeout: 30000 });
  return (await v.textContent()).trim();
}

/**
 * Opens the Check panel's findings as a person does (a click on their summary), and waits for
 * their list: its entries are a chunk fetched when the findings first open (src/components/summary.rs).
 */
async function openFindings(page) {
  if (!(await page.locator('details.findings').evaluate((d) => d.open))) await page.click('details.findings > summary');
  await page.locator('.finding-list').waitFor({ state: 'attached', timeout: 10000 });
}

/** The text of the Check panel's list of findings, opened. */
async function findingList(page) {
  await openFindings(page);
  return page.locator('.finding-list').innerText();
}

test('the first visit fetches neither the panel\'s code nor the worker; choosing a file does, and nothing else', async () => {
  await withPage(async ({ page }) => {
    await page.waitForTimeout(300);
    assert.deepEqual(server.requests.filter((u) => WORKER.test(u) || PANEL.test(u) || SHARED.test(u)), [], 'neither is fetched on load');
    const before = server.requests.length;
    // Chosen from the keyboard: the input keeps focus when the panel takes the stand-in's place.
    await page.focus('#data-file-0');
    await page.setInputFiles('#data-file-0', file('train.csv', csv(600)));
    assert.match(await verdict(page), /job would start/);
    assert.equal(await page.evaluate(() => document.activeElement.id), 'data-file-0', 'focus stays on the input');
    const after = server.requests.slice(before).map((u) => path.basename(u));
    assert.equal(after.filter((u) => PANEL.test(u)).length, 1, `the panel's chunk once: ${after}`);
    const shared = after.filter((u) => SHARED.test(u));
    assert.equal(new Set(shared).size, shared.length, `each shared chunk once: ${after}`);
    assert.deepEqual(after.filter((u) => !PANEL.test(u) && !SHARED.test(u)).sort(), ['preflight-worker.js', 'preflight-worker_bg.wasm', 'preflight-worker_loader.js']);
  });
});

test('the panel\'s code loads visibly with the first file; Cancel meanwhile keeps nothing, and the form answers', async () => {
  await withPage(async ({ page }) => {
    const start = server.requests.length;
    let release;
    const held = new Promise((resolve) => { release = resolve; });
    await page.route(PANEL, async (r) => { await held; return r.continue(); });
    await page.setInputFiles('#data-file-0', file('train.csv', csv(600)));
    const waiting = page.locator('#data-channel-0 .data-progress');
    await waiting.waitFor({ timeout: 5000 });
    assert.equal((await waiting.locator('span').textContent()).trim(), 'Loading the data checker for train.csv…');
    assert.equal((await page.locator('#data-check [aria-live="polite"]').textContent()).trim(), 'Loading the data checker for train.csv…', 'screen readers are told');
    assert.equal(await page.locator('#data-file-1').isDisabled(), true, 'one file at a time');
    // The page goes on working meanwhile.
    await field(page, '/AutoMLJobName').fill('churn-while-loading');
    await page.waitForFunction(() => document.querySelector('[name="/AutoMLJobName"]').value === 'churn-while-loading');
    await page.click('#data-channel-0 .data-cancel');
    assert.equal(await waiting.count(), 0, 'the wait is gone at once');
    await page.waitForFunction(() => document.activeElement.id === 'data-file-0', null, { timeout: 2000 });
    assert.equal((await page.locator('#data-check [aria-live="polite"]').textContent()).trim(), '');
    assert.equal(await page.locator('#data-file-1').isDisabled(), false);
    release();
    // The panel arrives with no file to read: it asks for no worker and says nothing.
    await page.waitForTimeout(500);
    assert.deepEqual(server.requests.slice(start).filter((u) => WORKER.test(u)), [], 'a cancelled file starts no worker');
    assert.equal((await page.locator('#data-check [role="status"]').textContent()).trim(), '');
    await page.unroute(PANEL);
    await page.setInputFiles('#data-file-0', file('train.csv', csv(600)));
    assert.match(await verdict(page), /^The job would start with these files/);
    assert.equal(await field(page, '/AutoMLJobName').inputValue(), 'churn-while-loading');
  });
});

test('the panel\'s code does not load: a message at the channel, the request kept, and choosing again retries', async () => {
  await withPage(async (b) => {
    const { page } = b;
    let aborted = 0;
    await page.route(PANEL, (r) => { aborted += 1; return r.abort(); });
    await page.setInputFiles('#data-file-0', file('train.csv', csv(600)));
    const message = page.locator('#data-channel-0 .msg.error');
    await message.waitFor({ timeout: 10000 });
    assert.equal(
      (await message.textContent()).trim(),
      'train.csv: The data checker could not be loaded (its code did not arrive: offline?). The request is untouched; choose the file again to retry.',
    );
    assert.equal(aborted, 1);
    assert.equal(await page.locator('#data-channel-0 .data-progress').count(), 0, 'no wait left behind');
    assert.equal(await field(page, '/AutoMLJobName').inputValue(), REQUEST.AutoMLJobName);
    // Back online: the same choice fetches the code again and checks the file.
    await page.unroute(PANEL);
    await page.setInputFiles('#data-file-0', file('train.csv', csv(600)));
    assert.match(await verdict(page), /^The job would start with these files/);
    assert.equal(await message.count(), 0);
    assert.deepEqual(b.offsite, [], 'no request to another host');
    // Only the blocked chunk's own load failure reaches the console.
    assert.deepEqual(b.errors.filter((e) => !/Failed to load resource|Failed to fetch/.test(e)), [], 'no other console errors');
  }, { expected: /Failed to load resource|Failed to fetch/ });
});

test('600 rows with the target: the job would start, with the class chart and column kinds', async () => {
  await withPage(async ({ page }) => {
    await page.setInputFiles('#data-file-0', file('train.csv', csv(600)));
    assert.match(await verdict(page), /^The job would start with these files/);
    const summary = page.locator('#data-channel-0 .data-summary');
    // A file under 0.1 MB in KB; shares rounded half up (400 of 600 is 66.67 %).
    assert.match(await summary.locator('.data-head').textContent(), /^train\.csv: CSV, \d+ KB, 600 rows, 4 columns$/);
    const chart = summary.locator('table.class-chart');
    assert.match(await chart.locator('caption').textContent(), /Target churned: 2 values/);
    const rows = await chart.locator('tbody tr').allTextContents();
    assert.equal(rows.length, 2);
    assert.match(rows[0], /no\s*400\s*66\.7 %/);
    assert.match(rows[1], /yes\s*200\s*33\.3 %/);
    assert.equal(await chart.locator('svg.bar').count(), 2);
    await summary.locator('.data-columns summary').click();
    const kinds = await summary.locator('.data-columns tbody tr').allTextContents();
    assert.match(kinds[1], /age\s*numeric\s*0 \(0\.0 %\)/);
    assert.match(kinds[2], /plan\s*text/);
    // Removing the file leaves focus on the channel's input, ready for another.
    await page.click('#data-channel-0 button:has-text("Remove this file")');
    await page.waitForFunction(() => document.activeElement.id === 'data-file-0', null, { timeout: 2000 });
    assert.equal(await summary.count(), 0);
  });
});

test('499 rows: an error at the training channel, in the Check panel too', async () => {
  await withPage(async ({ page }) => {
    await page.setInputFiles('#data-file-0', file('train.csv', csv(499)));
    assert.match(await verdict(page), /job would fail with these files: 1 error/);
    const at = page.locator('[id="messages:/InputDataConfig/0/DataSource/S3DataSource/S3Uri"]');
    await at.waitFor({ timeout: 5000 });
    assert.match(await at.innerText(), /499 data rows: Autopilot needs at least 500/);
    assert.match(await findingList(page), /499 data rows/);
    // Another file replaces it, and its findings.
    await page.setInputFiles('#data-file-0', file('train.csv', csv(500)));
    await page.waitForFunction(() => /would start/.test(document.querySelector('#data-check [role="status"]').textContent));
    assert.equal(await page.locator('.finding-list:has-text("499 data rows")').count(), 0);
    // The target renamed in the form: the check is stale until the kept file is read again.
    assert.equal(await page.locator('.data-stale').count(), 0);
    await field(page, '/InputDataConfig/0/TargetAttributeName').fill('Churned');
    await page.waitForSelector('.data-stale', { timeout: 5000 });
    await page.click('.data-stale button');
    await page.waitForFunction(() => document.activeElement.id === 'data-check-title', null, { timeout: 2000 });
    await openFindings(page);
    await page.waitForFunction(() => /no column named 'Churned'/.test(document.querySelector('.finding-list')?.innerText ?? ''), null, { timeout: 30000 });
    assert.match(await page.locator('[id="messages:/InputDataConfig/0/TargetAttributeName"]').innerText(), /did you mean 'churned'/);
    assert.equal(await page.locator('.data-stale').count(), 0);
  });
});

test('a validation file whose headers differ from the training file is an error at the validation channel', async () => {
  await withPage(async ({ page }) => {
    await page.setInputFiles('#data-file-0', file('train.csv', csv(600)));
    assert.match(await verdict(page), /would start/);
    await page.setInputFiles('#data-file-1', file('valid.csv', csv(50, 'id,Age,plan,churned')));
    await page.waitForFunction(() => /would fail/.test(document.querySelector('#data-check [role="status"]').textContent), null, { timeout: 30000 });
    const at = page.locator('[id="messages:/InputDataConfig/1/DataSource/S3DataSource/S3Uri"]');
    await at.waitFor({ timeout: 5000 });
    assert.match(await at.innerText(), /Age/);
  });
});

test('bad files get a located message and the form keeps its request', async () => {
  const gz = zlib.gzipSync(csv(600));
  const cases = [
    ['empty.csv', Buffer.alloc(0), /empty\.csv is empty/],
    ['header.csv', Buffer.from('id,age,plan,churned\n'), /0 data rows/],
    ['garbage.csv', Buffer.from(Array.from({ length: 5000 }, (_, i) => (i * 7919) % 256)), /garbage\.csv/],
    ['cut.csv.gz', gz.subarray(0, gz.length >> 1), /cut\.csv\.gz/],
  ];
  await withPage(async ({ page }) => {
    for (const [name, buffer, expected] of cases) {
      await page.setInputFiles('#data-file-0', file(name, buffer, 'application/octet-stream'));
      await page.waitForFunction((n) => document.querySelector('#data-channel-0 .data-head')?.textContent.startsWith(n), name, { timeout: 30000 });
      assert.match(await verdict(page), /would fail/, name);
      assert.match(await findingList(page), expected, name);
    }
    assert.equal(await field(page, '/AutoMLJobName').inputValue(), JSON.parse(FULL).AutoMLJobName);
  });
});

test('Cancel stops a large file promptly; the form answers while it is read', async () => {
  const big = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'automl-data-')), 'big.csv');
  const block = csv(20000, 'id,age,plan,churned');
  const out = fs.openSync(big, 'w');
  fs.writeSync(out, 'id,age,plan,churned\n');
  for (let written = 0; written < 300e6; written += block.length) fs.writeSync(out, block.subarray(20));
  fs.closeSync(out);
  try {
    await withPage(async ({ page }) => {
      await page.setInputFiles('#data-file-0', big);
      await page.waitForFunction(() => /MB\/s/.test(document.querySelector('#data-channel-0 .data-rate')?.textContent), null, { timeout: 30000, polling: 50 });
      assert.match(await page.locator('#data-channel-0 .data-rate').textContent(), /MB of 3\d\d\.\d MB · \d+\.\d MB\/s · \d+ s left/);
      // The form answers while the file is read.
      const name = field(page, '/AutoMLJobName');
      const t0 = Date.now();
      await name.fill('still-typing');
      assert.equal(await name.inputValue(), 'still-typing');
      assert.ok(Date.now() - t0 < 2000, 'typing is not held up');
      await page.click('#data-channel-0 .data-cancel');
      await page.waitForSelector('#data-channel-0 .msg:has-text("Stopped reading big.csv")', { timeout: 2000 });
      await page.waitForFunction(() => document.activeElement.id === 'data-file-0', null, { timeout: 2000 });
      assert.equal(await page.locator('#data-channel-0 progress').count(), 0);
      assert.equal(await page.locator('#data-check [role="status"]').textContent(), '');
    });
  } finally {
    fs.rmSync(path.dirname(big), { recursive: true, force: true });
  }
});

test('a worker whose files do not load: a message at the channel, the request kept, and choosing again retries', async () => {
  await withPage(async (b) => {
    const { page } = b;
    // Offline before first use, or a host without the worker's files.
    const blocked = '**/preflight-worker*';
    let aborted = 0;
    await page.route(blocked, (r) => { aborted += 1; return r.abort(); });
    const t0 = Date.now();
    await page.setInputFiles('#data-file-0', file('train.csv', csv(600)));
    const message = page.locator('#data-channel-0 .msg.error');
    await message.waitFor({ timeout: 25000 });
    assert.equal(
      (await message.textContent()).trim(),
      'train.csv: The data checker could not be loaded (preflight-worker_bg.wasm): offline? The request is untouched; choose the file again to retry.',
    );
    assert.ok(Date.now() - t0 < 25000, 'the message comes within the timeout');
    assert.ok(aborted > 0, 'the worker was asked for');
    assert.equal(await page.locator('#data-channel-0 progress').count(), 0, 'no progress left behind');
    assert.equal(await page.locator('#data-channel-0 .data-cancel').count(), 0);
    assert.equal(await page.locator('#data-check [role="status"]').textContent(), '');
    assert.equal(await field(page, '/AutoMLJobName').inputValue(), REQUEST.AutoMLJobName);
    assert.equal(await field(page, '/InputDataConfig/0/TargetAttributeName').inputValue(), 'churned');
    // Back online: the same choice again starts a new worker and checks the file.
    await page.unroute(blocked);
    await page.setInputFiles('#data-file-0', file('train.csv', csv(600)));
    assert.match(await verdict(page), /^The job would start with these files/);
    assert.equal(await message.count(), 0);
    assert.equal(await field(page, '/AutoMLJobName').inputValue(), REQUEST.AutoMLJobName);
    assert.deepEqual(b.offsite, [], 'no request to another host');
    // Only the blocked files' own load failures reach the console.
    assert.deepEqual(b.errors.filter((e) => !/Failed to load resource|preflight-worker/.test(e)), [], 'no other console errors');
  }, { expected: /Failed to load resource|preflight-worker/ });
});

test('a CreateAutoMLJobV2 request: records, not lines, are counted, and findings land at the V2 members', async () => {
  // A V2 tabular body as a person pastes it; its data exported from a CRM: a free-text note
  // quoted over two lines in every fifth record, and a Latin-1 byte in a name (not UTF-8).
  const v2 = {
    AutoMLJobName: 'crm-churn-v2',
    RoleArn: 'arn:aws:iam::111122223333:role/service-role/AmazonSageMaker-ExecutionRole',
    AutoMLJobInputDataConfig: [{
      ChannelType: 'training',
      ContentType: 'text/csv;header=present',
      DataSource: { S3DataSource: { S3DataType: 'S3Prefix', S3Uri: 's3://sagemaker-us-east-1-111122223333/crm-churn/train/' } },
    }],
    OutputDataConfig: { S3OutputPath: 's3://sagemaker-us-east-1-111122223333/crm-churn/output' },
    AutoMLProblemTypeConfig: { TabularJobConfig: { TargetAttributeName: 'churned', ProblemType: 'BinaryClassification' } },
    AutoMLJobObjective: { MetricName: 'F1' },
  };
  const crm = (records) => {
    const parts = [Buffer.from('id,name,note,churned\n')];
    for (let i = 0; i < records; i++) {
      const note = i % 5 === 0 ? '"called twice,\nasked for a refund"' : 'renewed';
      parts.push(Buffer.from(`${i},`), i === 7 ? Buffer.from([0x4a, 0xf6, 0x72, 0x67]) : Buffer.from(`c${i}`), Buffer.from(`,${note},${i % 4 === 0 ? 'yes' : 'no'}\n`));
    }
    return Buffer.concat(parts);
  };
  await withPage(async (b) => {
    const { page } = b;
    await page.waitForSelector('[id="operation:v2"]:checked');
    // 499 records over 599 lines: still too few.
    await page.setInputFiles('#data-file-0', file('train.csv', crm(499)));
    assert.match(await verdict(page), /job would fail with these files: 1 error/);
    const channel = page.locator('[id="messages:/AutoMLJobInputDataConfig/0/DataSource/S3DataSource/S3Uri"]');
    await channel.waitFor({ timeout: 5000 });
    assert.match(await channel.innerText(), /499 data rows: Autopilot needs at least 500/);
    // 500 records: the job would start; the byte that is not UTF-8 is a warning, not a stop.
    await page.setInputFiles('#data-file-0', file('train.csv', crm(500)));
    await page.waitForFunction(() => /would start/.test(document.querySelector('#data-check [role="status"]').textContent), null, { timeout: 30000 });
    assert.match(await page.locator('#data-channel-0 .data-summary .data-head').textContent(), /500 rows, 4 columns/);
    // The target renamed in the V2 form, checked again: the finding is at TabularJobConfig.
    await field(page, '/AutoMLProblemTypeConfig/TabularJobConfig/TargetAttributeName').fill('Churned');
    await page.waitForSelector('.data-stale', { timeout: 5000 });
    await page.click('.data-stale button');
    await page.waitForFunction(() => document.activeElement.id === 'data-check-title', null, { timeout: 2000 });
    await openFindings(page);
    await page.waitForFunction(() => /no column named 'Churned'/.test(document.querySelector('.finding-list')?.innerText ?? ''), null, { timeout: 30000 });
    assert.match(await page.locator('[id="messages:/AutoMLProblemTypeConfig/TabularJobConfig/TargetAttributeName"]').innerText(), /did you mean 'churned'/);
    assert.deepEqual(b.offsite, [], 'no request to another host');
    assert.deepEqual(b.errors, [], 'no console errors');
  }, { request: JSON.stringify(v2), ready: '#data-file-0' });
});

/** Waits until the verdict matches `re`. */
async function verdictMatches(page, re) {
  await page.waitForFunction((src) => new RegExp(src).test(document.querySelector('#data-check [role="status"]').textContent), re.source, { timeout: 30000 });
}

test('a file follows its channel when another channel is removed; a removed channel\'s file is said, and comes back with Undo', async () => {
  await withPage(async ({ page }) => {
    await page.setInputFiles('#data-file-0', file('train.csv', csv(600)));
    await verdictMatches(page, /would start/);
    await page.setInputFiles('#data-file-1', file('valid.csv', csv(60)));
    await page.waitForFunction(() => document.querySelector('#data-channel-1 .data-head')?.textContent.startsWith('valid.csv'), null, { timeout: 30000 });
    // The training channel removed: the validation file stays with its channel (now the only one).
    await page.click('[id="remove:/InputDataConfig/0"]');
    await page.waitForFunction(() => !document.querySelector('#data-file-1'), null, { timeout: 5000 });
    await page.waitForSelector('.data-gone', { timeout: 5000 });
    assert.equal((await page.locator('.data-gone').textContent()).trim(), 'train.csv: its channel was removed from the request; choose it again');
    assert.equal((await page.locator('#data-channel-0 label').textContent()).trim(), 'Validation data (channel 1)');
    assert.match(await page.locator('#data-channel-0 .data-head').textContent(), /^valid\.csv/);
    assert.equal(await page.locator('#data-check .data-head:has-text("train.csv")').count(), 0);
    assert.doesNotMatch(await page.locator('#data-check [role="status"]').textContent(), /would start/);
    await page.click('.data-stale button');
    await page.waitForFunction(() => document.activeElement.id === 'data-check-title', null, { timeout: 2000 });
    await page.waitForFunction(() => !document.querySelector('.data-stale') && !document.querySelector('#data-check progress'), null, { timeout: 30000 });
    const said = (await page.locator('#data-check [role="status"]').textContent()).trim();
    assert.equal(said, 'The job would not start: the request has no training channel.');
    assert.match(await page.locator('#data-channel-0 .data-head').textContent(), /^valid\.csv/);
  });
  await withPage(async ({ page }) => {
    await page.setInputFiles('#data-file-0', file('train.csv', csv(600)));
    await verdictMatches(page, /would start/);
    await page.setInputFiles('#data-file-1', file('valid_other_headers.csv', csv(60, 'id,Age,plan,churned')));
    await verdictMatches(page, /would fail/);
    // The validation channel removed: its file goes, said at the panel; the rest is checked again.
    await page.click('[id="remove:/InputDataConfig/1"]');
    await page.waitForSelector('.data-gone', { timeout: 5000 });
    assert.equal((await page.locator('.data-gone').textContent()).trim(), 'valid_other_headers.csv: its channel was removed from the request; choose it again');
    await page.click('.data-stale button');
    await page.waitForFunction(() => document.activeElement.id === 'data-check-title', null, { timeout: 2000 });
    await verdictMatches(page, /^The job would start/);
    // Undo puts the channel back, and its file with it: checked again, the headers differ again.
    await page.click('button.undo');
    await page.waitForSelector('#data-file-1', { timeout: 5000 });
    assert.equal(await page.locator('.data-gone').count(), 0);
    await page.waitForSelector('.data-stale', { timeout: 5000 });
    await page.click('.data-stale button');
    await page.waitForFunction(() => document.activeElement.id === 'data-check-title', null, { timeout: 2000 });
    await verdictMatches(page, /would fail/);
    assert.match(await page.locator('#data-channel-1 .data-head').textContent(), /^valid_other_headers\.csv/);
    const at = page.locator('[id="messages:/InputDataConfig/1/DataSource/S3DataSource/S3Uri"]');
    await at.waitFor({ timeout: 5000 });
    assert.match(await at.innerText(), /Age/);
    assert.doesNotMatch(await page.locator('#data-check').innerText(), /has no channel for/);
  });
});

/** Drops a small CSV named `name` on `selector`, in the page (as a person drops a file). */
async function dropFile(page, selector, name) {
  await page.evaluate(([sel, n]) => {
    const dt = new DataTransfer();
    dt.items.add(new File(['id,age,plan,churned\n1,20,basic,yes\n'], n, { type: 'text/csv' }));
    document.querySelector(sel).dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
  }, [selector, name]);
}

test('a file dropped on another channel while one is loaded or read is refused at that channel; the first is still checked', async () => {
  await withPage(async ({ page }) => {
    // The stand-in: the first file waits for the panel's code.
    let release;
    const held = new Promise((resolve) => { release = resolve; });
    await page.route(PANEL, async (r) => { await held; return r.continue(); });
    await page.setInputFiles('#data-file-0', file('train.csv', csv(600)));
    await page.locator('#data-channel-0 .data-progress').waitFor({ timeout: 5000 });
    await dropFile(page, '#data-channel-1', 'other.csv');
    const note = page.locator('#data-channel-1 .data-refused');
    await note.waitFor({ timeout: 5000 });
    assert.equal((await note.textContent()).trim(), 'One file at a time: drop it again once train.csv is read.');
    assert.equal((await page.locator('#data-channel-0 .data-progress span').textContent()).trim(), 'Loading the data checker for train.csv…');
    release();
    assert.match(await verdict(page), /^The job would start with these files/);
    assert.match(await page.locator('#data-channel-0 .data-head').textContent(), /^train\.csv/);
    assert.equal(await page.locator('#data-channel-1 .data-head').count(), 0, 'the dropped file was not read');
    assert.equal((await page.locator('#data-channel-1 .data-refused').textContent()).trim(), 'One file at a time: drop it again once train.csv is read.');
    await page.unroute(PANEL);
    // The panel: a file chosen for channel 1 is being read when another is dropped on channel 0.
    await page.evaluate(() => {
      const dt = new DataTransfer();
      const rows = ['id,age,plan,churned'];
      for (let i = 0; i < 600; i++) rows.push(`${i},${20 + (i % 50)},basic,${i % 3 ? 'no' : 'yes'}`);
      dt.items.add(new File([rows.join('\n') + '\n'], 'valid.csv', { type: 'text/csv' }));
      const input = document.querySelector('#data-file-1');
      input.files = dt.files;
      input.dispatchEvent(new Event('change', { bubbles: true }));
      const drop = new DataTransfer();
      drop.items.add(new File(['id\n1\n'], 'late.csv', { type: 'text/csv' }));
      document.querySelector('#data-channel-0').dispatchEvent(new DragEvent('drop', { dataTransfer: drop, bubbles: true, cancelable: true }));
    });
    await page.waitForFunction(() => document.querySelector('#data-channel-1 .data-head')?.textContent.startsWith('valid.csv'), null, { timeout: 30000 });
    assert.equal((await page.locator('#data-channel-0 .data-refused').textContent()).trim(), 'One file at a time: drop it again once valid.csv is read.');
    assert.match(await page.locator('#data-channel-0 .data-head').textContent(), /^train\.csv/, 'the training file is kept');
    assert.equal(await page.locator('#data-check .data-head:has-text("late.csv")').count(), 0);
    // Dropped again on its channel, now that nothing is read: it is taken, and the note goes.
    await dropFile(page, '#data-channel-1', 'valid2.csv');
    await page.waitForFunction(() => document.querySelector('#data-channel-1 .data-head')?.textContent.startsWith('valid2.csv'), null, { timeout: 30000 });
    assert.equal(await page.locator('#data-channel-1 .data-refused').count(), 0);
  });
});

test('at 390 px the class chart keeps "Rows" and each count on one line, and a long value wraps inside the panel', async () => {
  await withPage(async (b) => {
    const { page } = b;
    const long = 'premium_annual_contract_with_enterprise_support_and_dedicated_account_manager_renewal';
    const lines = ['id,age,plan,churned'];
    for (let i = 0; i < 600; i++) lines.push(`${i},${20 + (i % 50)},basic,${i % 50 === 0 ? long : i % 3 ? 'no' : 'yes'}`);
    await page.setInputFiles('#data-file-0', file('train.csv', Buffer.from(lines.join('\n') + '\n')));
    const chart = page.locator('#data-channel-0 table.class-chart');
    await chart.waitFor({ timeout: 30000 });
    const got = await page.evaluate(() => {
      const chart = document.querySelector('#data-channel-0 table.class-chart');
      // Line boxes of an element's text (a cell is as tall as its row, so its height says nothing).
      const oneLine = (el) => {
        const range = document.createRange();
        range.selectNodeContents(el);
        return new Set([...range.getClientRects()].map((r) => Math.round(r.top))).size === 1;
      };
      const panel = document.querySelector('#data-check');
      return {
        rowsHeader: oneLine(chart.querySelectorAll('thead th')[1]),
        counts: [...chart.querySelectorAll('td.count')].every(oneLine),
        overflow: panel.scrollWidth - panel.clientWidth,
        page: document.documentElement.scrollWidth - document.documentElement.clientWidth,
        value: [...chart.querySelectorAll('tbody th')].some((th) => th.textContent === 'premium_annual_contract_with_enterprise_support_and_dedicated_account_manager_renewal'),
      };
    });
    assert.deepEqual(got, { rowsHeader: true, counts: true, overflow: 0, page: 0, value: true });
  }, { viewport: { width: 390, height: 844 }, ready: '#data-file-0' });
});

/** Converts the draft to CreateAutoMLJobV2 through the operation choice. */
async function convertToV2(page) {
  await page.check('[id="operation:v2"]');
  await page.waitForSelector('#operation-convert', { timeout: 20000 });
  await page.click('#operation-convert');
  await page.waitForSelector('[id="problem-type:TabularJobConfig"]');
}

test('a request converted to CreateAutoMLJobV2 keeps its data findings at their fields (TabularJobConfig\'s target)', async () => {
  await withPage(async ({ page }) => {
    await page.setInputFiles('#data-file-0', file('train.csv', csv(600, 'id,age,plan,label')));
    await verdictMatches(page, /would fail/);
    const v1 = page.locator('[id="messages:/InputDataConfig/0/TargetAttributeName"]');
    await v1.waitFor({ state: 'attached', timeout: 5000 });
    assert.match(await v1.textContent(), /train\.csv has no column named 'churned'/);
    await convertToV2(page);
    // The finding is at V2's target (TabularJobConfig), in the form and in the Check list.
    const target = '/AutoMLProblemTypeConfig/TabularJobConfig/TargetAttributeName';
    const at = page.locator(`[id="messages:${target}"]`);
    await page.waitForFunction((t) => /train\.csv has no column named 'churned'/.test(document.getElementById(`messages:${t}`)?.textContent ?? ''), target, { timeout: 5000 });
    // Seen there (its section draws once in view: content-visibility).
    await at.scrollIntoViewIfNeeded();
    await page.waitForFunction((t) => /train\.csv has no column named 'churned'/.test(document.getElementById(`messages:${t}`).innerText), target, { timeout: 5000 });
    const link = page.locator('.finding-list a:has-text("train.csv has no column")');
    assert.equal(await link.getAttribute('href'), `#field:${target}`);
    assert.equal(await page.locator('.finding-list a[href^="#field:/InputDataConfig"]').count(), 0, 'nothing left at V1 places');
    // Checked again as V2: the same finding, at the same place.
    await page.click('.data-stale button');
    await page.waitForFunction(() => !document.querySelector('.data-stale') && !document.querySelector('#data-check progress'), null, { timeout: 30000 });
    assert.equal(await page.locator('.finding-list a:has-text("train.csv has no column")').getAttribute('href'), `#field:${target}`);
  });
});

test('the Check panel names a channel by its number and type, in V1 and V2 alike', async () => {
  const short = JSON.parse(FULL);
  short.InputDataConfig[1].DataSource.S3DataSource.S3Uri = 's3://b/validation/';
  const v2 = {
    AutoMLJobName: 'churn-v2',
    RoleArn: REQUEST.RoleArn,
    AutoMLJobInputDataConfig: short.InputDataConfig.map(({ TargetAttributeName, ...c }) => c),
    OutputDataConfig: { S3OutputPath: 's3://example-bucket/churn/output/' },
    AutoMLProblemTypeConfig: { TabularJobConfig: { TargetAttributeName: 'churned', ProblemType: 'BinaryClassification' } },
  };
  for (const request of [short, v2]) {
    await withPage(async ({ page }) => {
      const where = page.locator(`.finding-list a:has-text('names the bucket "b"') .where`);
      await where.waitFor({ timeout: 10000 });
      assert.equal((await where.textContent()).trim(), 'S3 URI, channel 2 (validation)');
    }, { request: JSON.stringify(request), ready: '#data-file-1' });
  }
});

/** Drops a file named `name` holding `text` on the element `selector` (as a person drops it). */
async function dropOn(page, selector, name, text = 'id,age,plan,churned\n1,20,basic,yes\n', type = 'text/csv') {
  await page.evaluate(([sel, n, t, ty]) => {
    const dt = new DataTransfer();
    dt.items.add(new File([t], n, { type: ty }));
    document.querySelector(sel).dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
  }, [selector, name, text, type]);
}

test('a data file dropped outside the channels is not imported: with two channels the page says where to drop it, with one it is checked there', async () => {
  await withPage(async ({ page }) => {
    await dropOn(page, 'header.top', 'train.csv');
    const said = page.locator('#import-error');
    await page.waitForFunction(() => document.querySelector('#import-error').textContent !== '', null, { timeout: 5000 });
    assert.equal(
      (await said.textContent()).trim(),
      'train.csv is a data file, not a request, so it was not imported: drop it on the box of the channel it is for under Check my data, or choose it there.',
    );
    assert.doesNotMatch(await page.locator('#status').textContent(), /Could not import/, 'no import was tried');
    // On the Import box too, and by its type.
    await dropOn(page, '#import-text', 'valid', 'x', 'application/gzip');
    await page.waitForFunction(() => /^valid is a data file/.test(document.querySelector('#import-error').textContent));
    assert.equal(await field(page, '/AutoMLJobName').inputValue(), REQUEST.AutoMLJobName, 'the draft is kept');
    assert.equal(await page.locator('#data-check .data-head').count(), 0, 'nothing is guessed');
    // Dropped on its box, it is checked.
    await dropOn(page, '#data-channel-0', 'train.csv', csv(600).toString());
    assert.match(await verdict(page), /^The job would start with these files/);
  });
  const one = JSON.parse(FULL);
  one.InputDataConfig = one.InputDataConfig.slice(0, 1);
  await withPage(async ({ page }) => {
    // The stand-in takes it for the one channel...
    await dropOn(page, 'header.top', 'train.csv', csv(600).toString());
    assert.match(await verdict(page), /^The job would start with these files/);
    assert.match(await page.locator('#data-channel-0 .data-head').textContent(), /^train\.csv/);
    // ...and so does the panel, once loaded.
    await dropOn(page, 'main', 'train2.csv', csv(499).toString());
    await page.waitForFunction(() => document.querySelector('#data-channel-0 .data-head')?.textContent.startsWith('train2.csv'), null, { timeout: 30000 });
    assert.match(await verdict(page), /would fail/);
    assert.equal(await page.locator('#import-error').isHidden(), true, 'no import error');
  }, { request: JSON.stringify(one), ready: '#data-file-0' });
});

test('a header-only CSV draws no empty class chart; its finding says it has no rows', async () => {
  await withPage(async ({ page }) => {
    await page.setInputFiles('#data-file-0', file('header.csv', Buffer.from('id,age,plan,churned\n')));
    await page.waitForFunction(() => document.querySelector('#data-channel-0 .data-head')?.textContent.startsWith('header.csv'), null, { timeout: 30000 });
    assert.match(await page.locator('#data-channel-0 .data-head').textContent(), /0 rows, 4 columns$/);
    assert.equal(await page.locator('#data-channel-0 .class-chart').count(), 0, 'no empty chart');
    await page.locator('#data-channel-0 .data-columns summary').click();
    assert.doesNotMatch(await page.locator('#data-channel-0 .data-columns').innerText(), /%/, 'no share of no rows');
    assert.match(await findingList(page), /header\.csv has 0 data rows/);
  });
});

test('a broken Parquet file is said in plain words: what is wrong and what to do', async () => {
  await withPage(async ({ page }) => {
    const broken = Buffer.concat([Buffer.from('PAR1'), Buffer.alloc(3000, 7)]);
    await page.setInputFiles('#data-file-0', file('broken.parquet', broken, 'application/octet-stream'));
    await verdictMatches(page, /would fail/);
    const said = await page.locator('[id="messages:/InputDataConfig/0/DataSource/S3DataSource/S3Uri"]').textContent();
    assert.match(said, /broken\.parquet is cut short: it starts like a Parquet file but does not end like one/);
    assert.match(said, /copy or export it again in full, then check it again/);
    assert.doesNotMatch(said.split('(its last')[0], /footer|PAR1|magic/);
  });
});
