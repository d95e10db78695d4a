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

// Importing V2 material (issue 12): the operation is the one the text names, told by the
// rules package (its `api`), so a create-auto-ml-job-v2 command with no V2-only member opens
// as V2 — it opened as V1 when the page told the operation from the body alone.
async function importText(page, text) {
  await page.fill('#import-text', text);
  await page.click('#import-button');
  // The import reader loads on first use: wait until the import is done (the box emptied)
  // or refused (its error shown).
  await page.waitForFunction(() => {
    const box = document.getElementById('import-text');
    return !box.hasAttribute('aria-busy') && (box.value === '' || !document.getElementById('import-error').hidden);
  }, null, { timeout: 20000 });
  assert.equal(await page.locator('#import-error').isHidden(), true, await page.locator('#import-error').innerText());
}

const messages = (page, pointer) => page.locator(`[id="messages:${pointer}"]`).innerText();
const S3_URI = '/AutoMLJobInputDataConfig/0/DataSource/S3DataSource/S3Uri';

/** A SageMaker Studio notebook cell: the bucket and the role are known only when it runs. */
const NOTEBOOK_CELL = `import boto3
import sagemaker
from sagemaker import get_execution_role

bucket = sagemaker.Session().default_bucket()
role = get_execution_role()
prefix = 'retention/autopilot'

sm = boto3.client('sagemaker', region_name='eu-central-1')
sm.create_auto_ml_job_v2(
    AutoMLJobName='retention-v2',
    AutoMLJobInputDataConfig=[{
        'ChannelType': 'training',
        'ContentType': 'text/csv;header=present',
        'DataSource': {'S3DataSource': {'S3DataType': 'S3Prefix',
                                        'S3Uri': 's3://{}/{}/train/'.format(bucket, prefix)}},
    }],
    OutputDataConfig={'S3OutputPath': 's3://{}/{}/output/'.format(bucket, prefix)},
    AutoMLProblemTypeConfig={'TabularJobConfig': {'TargetAttributeName': 'left_company'}},
    RoleArn=role,
)
`;

/** What `aws sagemaker describe-auto-ml-job-v2` printed about a finished job. */
const DESCRIBED = JSON.stringify({
  AutoMLJobName: 'demand-2024',
  AutoMLJobArn: 'arn:aws:sagemaker:us-east-1:111122223333:automl-job/demand-2024',
  AutoMLJobInputDataConfig: [{
    ChannelType: 'training',
    ContentType: 'text/csv;header=present',
    CompressionType: 'None',
    DataSource: { S3DataSource: { S3DataType: 'S3Prefix', S3Uri: 's3://example-bucket/demand/train/' } },
  }],
  OutputDataConfig: { S3OutputPath: 's3://example-bucket/demand/output/' },
  RoleArn: 'arn:aws:iam::111122223333:role/service-role/AmazonSageMaker-ExecutionRole',
  AutoMLProblemTypeConfig: { TabularJobConfig: { TargetAttributeName: 'units', ProblemType: 'Regression' } },
  AutoMLJobObjective: { MetricName: 'RMSE' },
  AutoMLProblemTypeConfigName: 'Tabular',
  CreationTime: '2024-03-01T10:00:00.000000+00:00',
  EndTime: '2024-03-01T12:00:00.000000+00:00',
  LastModifiedTime: '2024-03-01T12:00:00.000000+00:00',
  AutoMLJobStatus: 'Completed',
  AutoMLJobSecondaryStatus: 'Completed',
}, null, 4);

test('V2 commands, notebook cells and describe-auto-ml-job-v2 output import as V2', async () => {
  const b = await launch(server.origin);
  try {
    const { page } = b;
    await open(page, server.url);
    const notice = () => page.locator('#status').innerText();
    const isV2 = async () => {
      assert.ok(await page.locator('[id="operation:v2"]').isChecked(), 'V2 chosen');
      assert.match(await page.locator('h1').textContent(), /CreateAutoMLJobV2/);
      assert.match(await notice(), /Read as a CreateAutoMLJobV2 request/);
    };

    // (a) A V2 command whose body has no V2-only member, given while the page is in V1 with
    // a draft of its own: the page switches to V2, and one Undo step brings the V1 draft back.
    assert.ok(await page.locator('[id="operation:v1"]').isChecked());
    await field(page, '/AutoMLJobName').fill('my-v1-draft');
    await page.keyboard.press('Tab');
    await importText(page, 'aws sagemaker create-auto-ml-job-v2 --auto-ml-job-name churn-v2 --role-arn arn:aws:iam::111122223333:role/x');
    await isV2();
    assert.equal(await field(page, '/AutoMLJobName').inputValue(), 'churn-v2');
    assert.equal(await field(page, '/RoleArn').inputValue(), 'arn:aws:iam::111122223333:role/x');
    assert.equal(await page.locator('[name="/ProblemType"]').count(), 0);
    assert.match(await page.locator('button.undo').getAttribute('title'), /^Undo “Imported the request”/);
    await page.click('button.undo');
    await page.waitForSelector('[name="/ProblemType"]');
    assert.ok(await page.locator('[id="operation:v1"]').isChecked());
    assert.equal(await field(page, '/AutoMLJobName').inputValue(), 'my-v1-draft');

    // (b) A notebook cell calling create_auto_ml_job_v2 with run-time values: holes at their
    // fields, the written parts kept, the client's region named as left out.
    await importText(page, NOTEBOOK_CELL);
    await isV2();
    assert.match(await notice(), /Left out region_name='eu-central-1': they are settings of the boto3 client or session/);
    assert.match(await notice(), /3 values to fill in: computed when the program runs/);
    assert.equal(await field(page, S3_URI).inputValue(), 's3://{bucket}/retention/autopilot/train/');
    assert.equal(await field(page, '/OutputDataConfig/S3OutputPath').inputValue(), 's3://{bucket}/retention/autopilot/output/');
    assert.match(await messages(page, S3_URI), /default_bucket\(\)/);
    assert.match(await messages(page, '/OutputDataConfig/S3OutputPath'), /default_bucket\(\)/);
    assert.match(await messages(page, '/RoleArn'), /get_execution_role\(\)/);
    // Focus goes to the first hole.
    assert.equal(await page.evaluate(() => document.activeElement.getAttribute('name')), S3_URI);
    assert.equal(await field(page, '/AutoMLProblemTypeConfig/TabularJobConfig/TargetAttributeName').inputValue(), 'left_company');

    // (c) describe-auto-ml-job-v2 output: what describe reports about the old job is named
    // as left out, and the job still needs a name of its own.
    await importText(page, DESCRIBED);
    await isV2();
    assert.match(await notice(), /Left out AutoMLJobArn, AutoMLProblemTypeConfigName, CreationTime, EndTime, LastModifiedTime, AutoMLJobStatus, AutoMLJobSecondaryStatus: they are what describe-auto-ml-job-v2 reports about the job/);
    assert.match(await notice(), /AutoMLJobName is still the described job's/);
    assert.equal(await field(page, S3_URI).inputValue(), 's3://example-bucket/demand/train/');
    assert.equal(await page.locator('[name="/AutoMLJobObjective/MetricName"]').inputValue(), 'RMSE');

    // The export is of V2.
    await page.check('input[name="export-target"][value="cli"]');
    await page.waitForFunction(() => /^aws /.test(document.getElementById('export-text').textContent));
    assert.match(await page.locator('#export-text').textContent(), /^aws sagemaker create-auto-ml-job-v2 /);
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
