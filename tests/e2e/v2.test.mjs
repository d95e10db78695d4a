// CreateAutoMLJobV2 in the release page (issue 12): a time-series forecasting request
// written from nothing to "ready to send", as a person writes it, kept across a reload and
// exported as a create-auto-ml-job-v2 command.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { serve } from './server.mjs';
import { launch, open, field } from './browser.mjs';

const DIST = process.env.DIST || path.resolve('dist');
let server;

before(async () => {
  server = await serve(DIST, { prefix: '/editor/' });
});
after(() => server.close());

const TS = '/AutoMLProblemTypeConfig/TimeSeriesForecastingJobConfig';

test('a V2 time-series forecasting request written from nothing is ready to send', async () => {
  const b = await launch(server.origin);
  try {
    const { page } = b;
    await open(page, server.url);
    await page.check('[id="operation:v2"]');
    await page.waitForSelector('[id="problem-type:TimeSeriesForecastingJobConfig"]');
    assert.match(await page.locator('h1').textContent(), /CreateAutoMLJobV2/);
    await page.check('[id="problem-type:TimeSeriesForecastingJobConfig"]');
    await page.waitForSelector(`[name="${TS}/ForecastHorizon"]`);
    // Only the chosen problem type's settings are on the page.
    assert.equal(await page.locator('#section-tabular').count(), 0);
    const fill = async (pointer, text) => {
      await field(page, pointer).fill(text);
      await field(page, pointer).blur();
    };
    await fill('/AutoMLJobName', 'sales-forecast');
    await fill('/RoleArn', 'arn:aws:iam::111122223333:role/autopilot');
    await fill('/AutoMLJobInputDataConfig/0/ContentType', 'text/csv;header=present');
    await fill('/AutoMLJobInputDataConfig/0/DataSource/S3DataSource/S3Uri', 's3://my-bucket/sales/train/');
    await fill('/OutputDataConfig/S3OutputPath', 's3://my-bucket/sales/out/');
    await fill(`${TS}/TimeSeriesConfig/TargetAttributeName`, 'demand');
    await fill(`${TS}/TimeSeriesConfig/TimestampAttributeName`, 'timestamp');
    await fill(`${TS}/TimeSeriesConfig/ItemIdentifierAttributeName`, 'item_id');
    await fill(`${TS}/ForecastFrequency`, 'D');
    // A horizon of 0 is refused at its field; 14 is fine.
    await fill(`${TS}/ForecastHorizon`, '0');
    await page.waitForSelector(`[id="messages:${TS}/ForecastHorizon"] li`);
    await fill(`${TS}/ForecastHorizon`, '14');
    await page.waitForFunction(
      () => /^Ready to send/.test(document.querySelector('.export-state')?.textContent ?? ''),
      null,
      { timeout: 10000 },
    );
    await page.check('input[name="export-target"][value="json"]');
    // The export follows 120 ms after the last keystroke.
    await page.waitForFunction(() => /"ForecastHorizon": 14/.test(document.getElementById('export-text').textContent));
    const body = JSON.parse(await page.locator('#export-text').textContent());
    assert.deepEqual(body.AutoMLProblemTypeConfig.TimeSeriesForecastingJobConfig.ForecastHorizon, 14);
    assert.equal(body.AutoMLJobInputDataConfig[0].DataSource.S3DataSource.S3Uri, 's3://my-bucket/sales/train/');
    assert.equal(body.InputDataConfig, undefined);
    await page.check('input[name="export-target"][value="cli"]');
    // The AWS CLI export loads on first use.
    await page.waitForFunction(() => /^aws /.test(document.getElementById('export-text').textContent));
    assert.match(await page.locator('#export-text').textContent(), /^aws sagemaker create-auto-ml-job-v2 /);
    // Kept across a reload, as V2.
    await page.waitForTimeout(400);
    await page.reload();
    await page.waitForSelector(`[name="${TS}/ForecastHorizon"]`);
    assert.ok(await page.locator('[id="operation:v2"]').isChecked());
    assert.equal(await field(page, `${TS}/ForecastHorizon`).inputValue(), '14');
    assert.deepEqual(b.errors, []);
    assert.deepEqual(b.offsite, []);
  } finally {
    await b.close();
  }
});

test('switching a written request to V2 waits visibly for the conversion, which loads on demand, then converts', async () => {
  const b = await launch(server.origin);
  // The conversion is the rules package's (dist/rules/), held here until released.
  const MODULE = /\/rules\/automl_job_rules(_bg\.wasm|\.js)$/;
  let release;
  const held = new Promise((resolve) => { release = resolve; });
  await b.page.route(MODULE, async (route) => { await held; await route.continue(); });
  const fetched = [];
  b.page.on('request', (r) => { if (MODULE.test(new URL(r.url()).pathname)) fetched.push(new URL(r.url()).pathname); });
  try {
    const { page } = b;
    await open(page, server.url);
    // The Example button of a V1 request, then of nothing else: no conversion needed.
    await page.click('button:text-is("Start from an example")');
    await page.waitForFunction(() => document.querySelector('[name="/AutoMLJobName"]').value === 'churn-prediction-1');
    assert.deepEqual(fetched, [], 'a first visit does not fetch the conversion');
    await page.check('[id="operation:v2"]');
    await page.waitForSelector('#operation-offer[aria-busy="true"]');
    assert.equal(await page.locator('#operation-offer-title').textContent(), 'Preparing the conversion…');
    assert.equal(await page.locator('#operation-convert').count(), 0, 'no Convert before the conversion');
    // The page does not freeze meanwhile.
    await field(page, '/AutoMLJobName').fill('churn-2');
    await page.keyboard.press('Tab');
    assert.equal(await field(page, '/AutoMLJobName').inputValue(), 'churn-2');
    release();
    await page.waitForSelector('#operation-convert', { timeout: 20000 });
    assert.equal(await page.locator('#operation-offer').getAttribute('aria-busy'), null);
    assert.match(await page.locator('#operation-offer-title').textContent(), /^Convert this request to CreateAutoMLJobV2: 5 members move, none has no place there\.$/);
    await page.click('#operation-convert');
    await page.waitForSelector('[id="problem-type:TabularJobConfig"]');
    assert.ok(await page.locator('[id="operation:v2"]').isChecked());
    assert.equal(await field(page, '/AutoMLJobName').inputValue(), 'churn-2');
    assert.equal(await field(page, '/AutoMLProblemTypeConfig/TabularJobConfig/TargetAttributeName').inputValue(), 'churned');
    assert.match(await page.locator('#status').textContent(), /^Converted the request to CreateAutoMLJobV2: 5 members moved\./);
    // The Example button of a V2 request: its tabular V2 form, at once.
    await page.click('button:text-is("Start from an example")');
    await page.waitForFunction(() => document.querySelector('[name="/AutoMLJobName"]').value === 'churn-prediction-1');
    assert.ok(await page.locator('[id="operation:v2"]').isChecked());
    assert.equal(await field(page, '/AutoMLProblemTypeConfig/TabularJobConfig/TargetAttributeName').inputValue(), 'churned');
    assert.deepEqual(fetched, ['/editor/rules/automl_job_rules.js', '/editor/rules/automl_job_rules_bg.wasm'], 'fetched once');
    assert.deepEqual(b.errors, []);
    assert.deepEqual(b.offsite, []);
  } finally {
    await b.close();
  }
});
