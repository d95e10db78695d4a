// The release page used as a person uses it, in Debian's headless Chromium: typing, the
// summary, import, exports compared with the command line, the saved draft, share links,
// accessibility (axe-core), phones, and no request to any other host.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { serve } from './server.mjs';
import { launch, open, field, AXE_SOURCE } from './browser.mjs';

const DIST = process.env.DIST || path.resolve('dist');
const FIXTURES = path.resolve(path.dirname(new URL(import.meta.url).pathname), 'fixtures');
const FULL = fs.readFileSync(path.join(FIXTURES, 'full-request.json'), 'utf8');
const CLI = path.resolve(process.env.AUTOML_JOB || 'target/debug/automl-job');
let server;

before(async () => {
  server = await serve(DIST, { prefix: '/editor/' });
});
after(() => server.close());

/** Runs a test body with a fresh browser, then checks nothing went wrong or off-site. */
async function withPage(options, body) {
  const b = await launch(server.origin, options);
  try {
    await open(b.page, server.url);
    await body(b);
    assert.deepEqual(b.offsite, [], 'no request to another host');
    assert.deepEqual(b.errors, [], 'no console errors');
  } finally {
    await b.close();
  }
}

async function importText(page, text) {
  await page.fill('#import-text', text);
  await page.click('#import-button');
  // The import reader loads on its first use (tests/e2e/on_demand.test.mjs): wait until the
  // import is done (the box emptied) or refused (its error shown).
  await page.waitForFunction(() => {
    const box = document.getElementById('import-text');
    return !box.hasAttribute('aria-busy') && (box.value === '' || !document.getElementById('import-error').hidden);
  }, null, { timeout: 20000 });
}

/** A drag's DataTransfer in the page, holding one file. */
function fileTransfer(page, name, text, type = 'application/json') {
  return page.evaluateHandle(([name, text, type]) => {
    const dt = new DataTransfer();
    dt.items.add(new File([text], name, { type }));
    return dt;
  }, [name, text, type]);
}

/** The request as the page's JSON export shows it. */
async function jsonExport(page) {
  await page.check('input[name="export-target"][value="json"]');
  return page.locator('#export-text').textContent();
}

test('typing a bad name shows the error under the field, and fixing it clears it', async () => {
  await withPage({}, async ({ page }) => {
    const name = field(page, '/AutoMLJobName');
    await name.click();
    await page.keyboard.type('my_job');
    await page.keyboard.press('Tab');
    assert.equal(await name.getAttribute('aria-invalid'), 'true');
    const messages = page.locator('[id="messages:/AutoMLJobName"]');
    assert.match(await messages.innerText(), /letters, digits and hyphens/);
    // The error is announced with the field: aria-describedby points at it.
    assert.match(await name.getAttribute('aria-describedby'), /messages:\/AutoMLJobName/);
    await name.fill('my-job');
    // The findings follow the keystroke's frame (see Store::edit), so wait for them.
    await page.waitForFunction(() => document.querySelector('[name="/AutoMLJobName"]').getAttribute('aria-invalid') === 'false', null, { timeout: 5000 });
    assert.equal(await messages.count() === 0 ? '' : (await messages.innerText()).trim(), '');
  });
});

test('a summary entry moves focus to its field, opening its section', async () => {
  await withPage({}, async ({ page }) => {
    await importText(page, JSON.stringify({ ...JSON.parse(FULL), Tags: [{ Key: 'aws:x', Value: 'y' }] }));
    await page.click('.section-toggle:has-text("Tags")'); // close it
    // The page draws the change on its next tick: wait for it, as for the focus below.
    await page.locator('#section-body-tags').waitFor({ state: 'hidden', timeout: 5000 });
    assert.equal(await page.locator('#section-body-tags').isVisible(), false);
    await page.click('.finding-list a[href="#field:/Tags/0/Key"]');
    await page.waitForFunction(() => document.activeElement?.id === 'field:/Tags/0/Key');
    assert.equal(await page.locator('#section-body-tags').isVisible(), true);
  });
});

test('a boto3 program and describe-auto-ml-job output import into the form, what is not the request named as left out', async () => {
  await withPage({}, async ({ page }) => {
    // Our own boto3 export, with the client given a Region as people write it.
    const program = execFileSync(CLI, ['export', '--to', 'boto3', path.join(FIXTURES, 'full-request.json')], { encoding: 'utf8' })
      .replace('boto3.client("sagemaker")', 'boto3.client("sagemaker", region_name="eu-west-1")');
    await importText(page, program);
    assert.equal(await field(page, '/AutoMLJobName').inputValue(), 'churn-2024-ensemble');
    assert.equal(await field(page, '/ModelDeployConfig/AutoGenerateEndpointName').inputValue(), 'true');
    assert.match(await page.locator('.summary .verdict').innerText(), /Ready to send/);
    assert.equal((await jsonExport(page)), execFileSync(CLI, ['export', '--to', 'json', path.join(FIXTURES, 'full-request.json')], { encoding: 'utf8' }));
    assert.match(await page.locator('#status').innerText(), /Left out region_name="eu-west-1": they are settings of the boto3 client or session/);

    // A notebook cell: names and f-strings are read; a role worked out at run time is a hole
    // at its field, focused, named in the summary, until a value is typed there.
    const cell = "bucket = 'my-bucket'\nrole = sagemaker.get_execution_role()\nsm.create_auto_ml_job(\n    AutoMLJobName='from-a-notebook',\n    OutputDataConfig={'S3OutputPath': f's3://{bucket}/out/'},\n    RoleArn=role,\n)\n";
    await importText(page, cell);
    assert.equal(await field(page, '/AutoMLJobName').inputValue(), 'from-a-notebook');
    assert.equal(await field(page, '/OutputDataConfig/S3OutputPath').inputValue(), 's3://my-bucket/out/');
    assert.equal(await field(page, '/RoleArn').inputValue(), '{role}');
    await page.waitForFunction(() => document.activeElement && document.activeElement.name === '/RoleArn', null, { timeout: 5000 });
    const roleMessages = page.locator('[id="messages:/RoleArn"]');
    assert.match(await roleMessages.innerText(), /\{role\}: fill in the value of role, which the program sets to sagemaker\.get_execution_role\(\) when it runs \(set on line 2, used on line 6\)/);
    assert.match(await page.locator('.summary .verdict').innerText(), /1 value to fill in: computed when the program runs/);
    await field(page, '/RoleArn').fill('arn:aws:iam::123456789012:role/AutoML');
    await page.waitForFunction(() => !/fill in the value/.test(document.getElementById('messages:/RoleArn').textContent), null, { timeout: 5000 });
    assert.doesNotMatch(await page.locator('.summary .verdict').innerText(), /to fill in: computed/);
    assert.equal(await page.locator('#import-error').isVisible(), false);

    // A notebook dropped on the import box, with values its session and a timestamp give
    // when it runs: each a hole at its field, the first focused, filled one by one.
    const notebook = {
      cells: [
        { cell_type: 'markdown', metadata: {}, source: ['# Churn\n'] },
        { cell_type: 'code', metadata: {}, outputs: [], execution_count: 1, source: ['%%time\n', 'import sagemaker\n', 'from time import gmtime, strftime\n', 'bucket = sagemaker.Session().default_bucket()\n', "prefix = 'churn'\n", "role = 'arn:aws:iam::123456789012:role/AutoML'"] },
        { cell_type: 'code', metadata: {}, outputs: [], execution_count: 2, source: "sm.create_auto_ml_job(AutoMLJobName='churn-' + strftime('%d-%H-%M', gmtime()), RoleArn=role,\n    OutputDataConfig={'S3OutputPath': 's3://{}/{}/nb/'.format(bucket, prefix)},\n    AutoMLJobConfig={'CompletionCriteria': {'MaxCandidates': int(os.environ['N'])}})" },
      ],
      metadata: {}, nbformat: 4, nbformat_minor: 5,
    };
    const ipynb = await fileTransfer(page, 'churn.ipynb', JSON.stringify(notebook, null, 1), '');
    await page.dispatchEvent('#import-text', 'drop', { dataTransfer: ipynb });
    await page.waitForFunction(() => document.querySelector('[name="/RoleArn"]').value === 'arn:aws:iam::123456789012:role/AutoML');
    assert.equal(await field(page, '/OutputDataConfig/S3OutputPath').inputValue(), 's3://{bucket}/churn/nb/');
    assert.equal(await field(page, '/AutoMLJobName').inputValue(), "churn-{strftime('%d-%H-%M', gmtime())}");
    assert.equal(await field(page, '/AutoMLJobConfig/CompletionCriteria/MaxCandidates').inputValue(), '');
    assert.match(await page.locator('.summary .verdict').innerText(), /3 values to fill in: computed when the program runs/);
    await page.waitForFunction(() => document.activeElement && document.activeElement.name === '/OutputDataConfig/S3OutputPath', null, { timeout: 5000 });
    assert.match(await page.locator('[id="messages:/OutputDataConfig/S3OutputPath"]').innerText(), /\{bucket\}: fill in the value of bucket, which the program sets to sagemaker\.Session\(\)\.default_bucket\(\) when it runs \(set in In \[1\], line 4, used in In \[2\], line 2\)/);
    assert.match(await page.locator('[id="messages:/AutoMLJobConfig/CompletionCriteria/MaxCandidates"]').innerText(), /\{int\(os\.environ\['N'\]\)\}: fill in/);
    await field(page, '/OutputDataConfig/S3OutputPath').fill('s3://my-bucket/churn/nb/');
    await field(page, '/AutoMLJobName').fill('churn-05-12-00');
    await page.waitForFunction(() => /1 value to fill in/.test(document.querySelector('.summary .verdict').textContent), null, { timeout: 5000 });
    await field(page, '/AutoMLJobConfig/CompletionCriteria/MaxCandidates').fill('20');
    await page.waitForFunction(() => !/to fill in: computed/.test(document.querySelector('.summary .verdict').textContent), null, { timeout: 5000 });
    await page.keyboard.press('Tab');
    await page.check('input[name="export-target"][value="json"]');
    await page.waitForFunction(() => /"MaxCandidates": 20/.test(document.getElementById('export-text').textContent), null, { timeout: 5000 });
    const filled = JSON.parse(await jsonExport(page));
    assert.equal(filled.OutputDataConfig.S3OutputPath, 's3://my-bucket/churn/nb/');
    assert.equal(filled.AutoMLJobName, 'churn-05-12-00');
    assert.equal(filled.AutoMLJobConfig.CompletionCriteria.MaxCandidates, 20);

    // describe-auto-ml-job output: the request it holds, what describe reports named as left out.
    const described = { ...JSON.parse(FULL), AutoMLJobArn: 'arn:aws:sagemaker:us-east-1:123456789012:automl-job/old', AutoMLJobStatus: 'Completed', CreationTime: '2024-05-02T10:11:12+00:00', BestCandidate: { CandidateName: 'c' } };
    await importText(page, JSON.stringify(described, null, 2));
    assert.equal(await field(page, '/AutoMLJobName').inputValue(), 'churn-2024-ensemble');
    assert.match(await page.locator('#status').innerText(), /Left out AutoMLJobArn, AutoMLJobStatus, CreationTime, BestCandidate: they are what describe-auto-ml-job reports about the job.*AutoMLJobName is still the described job's/);
    // The old job's name is a warning at the field until the new job has its own.
    const nameMessages = page.locator('[id="messages:/AutoMLJobName"]');
    await page.waitForFunction(() => /imported from/.test(document.getElementById('messages:/AutoMLJobName').textContent), null, { timeout: 5000 });
    // textContent: the section may be off-screen (content-visibility) after the holes above.
    assert.match(await nameMessages.textContent(), /still the name of the job this request was imported from/);
    assert.match(await page.locator('.summary .verdict').innerText(), /1 warning/);
    await field(page, '/AutoMLJobName').fill('churn-2024-ensemble-2');
    await page.waitForFunction(() => !/imported from/.test(document.getElementById('messages:/AutoMLJobName').textContent), null, { timeout: 5000 });
    assert.doesNotMatch(await page.locator('.summary .verdict').innerText(), /warning/);
  });
});

test('a JSON body and a CLI command import into the form; a bad import keeps the draft', async () => {
  await withPage({}, async ({ page }) => {
    await importText(page, FULL);
    assert.equal(await field(page, '/AutoMLJobName').inputValue(), 'churn-2024-ensemble');
    assert.equal(await field(page, '/InputDataConfig/1/ChannelType').inputValue(), 'validation');
    assert.equal(await field(page, '/AutoMLJobConfig/SecurityConfig/VpcConfig/Subnets/1').inputValue(), 'subnet-0fedcba9876543210');
    assert.equal(await field(page, '/AutoMLJobConfig/CandidateGenerationConfig/AlgorithmsConfig/0/AutoMLAlgorithms/2').inputValue(), 'catboost');
    assert.equal(await field(page, '/ModelDeployConfig/AutoGenerateEndpointName').inputValue(), 'true');
    assert.match(await page.locator('.summary .verdict').innerText(), /Ready to send/);
    assert.equal((await jsonExport(page)), execFileSync(CLI, ['export', '--to', 'json', path.join(FIXTURES, 'full-request.json')], { encoding: 'utf8' }));

    await importText(page, '{"AutoMLJobName": "x",\n  "RoleArn": }');
    const error = page.locator('#import-error');
    assert.match(await error.innerText(), /line 2, column 14/);
    assert.match(await error.innerText(), /draft is unchanged/);
    assert.equal(await field(page, '/AutoMLJobName').inputValue(), 'churn-2024-ensemble');

    const command = "aws sagemaker create-auto-ml-job \\\n  --auto-ml-job-name 'from-the-cli' \\\n  --input-data-config '[{\"DataSource\":{\"S3DataSource\":{\"S3DataType\":\"S3Prefix\",\"S3Uri\":\"s3://my-bucket/in\"}},\"TargetAttributeName\":\"y\"}]' \\\n  --output-data-config '{\"S3OutputPath\":\"s3://my-bucket/out\"}' \\\n  --role-arn arn:aws:iam::123456789012:role/r \\\n  --no-generate-candidate-definitions-only --region eu-west-1\n";
    await importText(page, command);
    assert.equal(await field(page, '/AutoMLJobName').inputValue(), 'from-the-cli');
    // The AWS CLI's own options are not part of the request: left out, and said so.
    assert.match(await page.locator('#status').innerText(), /Left out --region eu-west-1: they are the AWS CLI's own options/);
    assert.equal(await field(page, '/InputDataConfig/0/TargetAttributeName').inputValue(), 'y');
    assert.equal(await field(page, '/GenerateCandidateDefinitionsOnly').inputValue(), 'false');
    assert.equal(await error.isVisible(), false);

    // A .json file dropped on the import box.
    const dropped = await fileTransfer(page, 'dropped.json', JSON.stringify({ ...JSON.parse(FULL), AutoMLJobName: 'dropped-file' }));
    const steps = async () => Number((await page.getAttribute('.undo', 'title')).match(/\((\d+) steps? available\)/)[1]);
    let before = await steps();
    await page.dispatchEvent('#import-text', 'drop', { dataTransfer: dropped });
    await page.waitForFunction(() => document.querySelector('[name="/AutoMLJobName"]').value === 'dropped-file');
    assert.equal(await steps(), before + 1, 'imported once');

    // A file dropped anywhere else on the page is imported too (once), not opened by the
    // browser in place of the page; text dragged over a field is left to the browser.
    const dragOver = (withFile) => page.evaluate((withFile) => {
      const dt = new DataTransfer();
      if (withFile) dt.items.add(new File(['{}'], 'a.json', { type: 'application/json' }));
      else dt.setData('text/plain', 'words');
      const ev = new DragEvent('dragover', { dataTransfer: dt, bubbles: true, cancelable: true });
      document.querySelector('[name="/RoleArn"]').dispatchEvent(ev);
      return ev.defaultPrevented;
    }, withFile);
    assert.equal(await dragOver(true), true, 'a file may be dropped on a field');
    assert.equal(await dragOver(false), false, 'text dragged over a field is the browser\'s');
    const elsewhere = await fileTransfer(page, 'elsewhere.json', JSON.stringify({ ...JSON.parse(FULL), AutoMLJobName: 'dropped-elsewhere' }));
    before = await steps();
    await page.dispatchEvent('[name="/RoleArn"]', 'drop', { dataTransfer: elsewhere });
    await page.waitForFunction(() => document.querySelector('[name="/AutoMLJobName"]').value === 'dropped-elsewhere');
    assert.equal(await steps(), before + 1, 'imported once');

    // A file that is no request (an image dragged from another tab) is refused by its type,
    // and the draft stays.
    const image = await fileTransfer(page, 'chart.png', '\x89PNG', 'image/png');
    before = await steps();
    await page.dispatchEvent('[name="/RoleArn"]', 'drop', { dataTransfer: image });
    await page.waitForFunction(() => /chart\.png is a image\/png file/.test(document.getElementById('import-error').textContent));
    assert.equal(await steps(), before, 'nothing imported');
    assert.equal(await field(page, '/AutoMLJobName').inputValue(), 'dropped-elsewhere');
    assert.match(await page.locator('#status').innerText(), /Could not import that/);

    // A file too large to be a request is refused by its size, before it is read.
    const big = await page.evaluateHandle(() => {
      const dt = new DataTransfer();
      dt.items.add(new File([new Uint8Array(9 * 1024 * 1024)], 'huge.json', { type: 'application/json' }));
      return dt;
    });
    before = await steps();
    await page.dispatchEvent('[name="/RoleArn"]', 'drop', { dataTransfer: big });
    await page.waitForFunction(() => /huge\.json is 9216 KB; a request is at most 4096 KB/.test(document.getElementById('import-error').textContent));
    assert.equal(await steps(), before, 'nothing imported');

    // The toolbar's "Import…" brings the Import box (often below the fold) into view.
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.click('.toolbar button:text-is("Import…")');
    assert.equal(await page.evaluate(() => document.activeElement.id), 'import-text');
    const inView = await page.evaluate(() => {
      const r = document.getElementById('import-text').getBoundingClientRect();
      return [r.top, r.bottom, innerHeight, scrollY];
    });
    assert.ok(inView[0] >= 0 && inView[1] <= inView[2] + 1, `the Import box is in view: ${inView}`);

    // A .json file chosen with the file picker.
    await page.setInputFiles('.import input[type="file"]', path.join(FIXTURES, 'full-request.json'));
    await page.waitForFunction(() => document.querySelector('[name="/AutoMLJobName"]').value === 'churn-2024-ensemble');
  });
});

test('a failed import brings its error into view at 1280×900, focus staying where it was', async () => {
  await withPage({}, async ({ page }) => {
    const inView = () => page.evaluate(() => {
      const r = document.getElementById('import-error').getBoundingClientRect();
      return r.height > 0 && r.top >= 0 && r.bottom <= innerHeight + 1 ? 'in view' : `off-screen: ${r.top}..${r.bottom} of ${innerHeight}`;
    });
    await importText(page, '{"AutoMLJobName": "x",\n  "RoleArn": }');
    await page.waitForFunction(() => /line 2, column 14/.test(document.getElementById('import-error').textContent));
    await page.waitForTimeout(100);
    assert.equal(await inView(), 'in view');
    assert.equal(await page.evaluate(() => document.activeElement.id), 'import-button', 'focus stays on Import');

    // A file dropped at the top of the page, with the Import box far below.
    await page.fill('#import-text', '');
    await importText(page, '{"AutoMLJobName": "ok"}');
    await page.evaluate(() => window.scrollTo(0, 0));
    const name = field(page, '/AutoMLJobName');
    await name.focus();
    const image = await fileTransfer(page, 'chart.png', '\x89PNG', 'image/png');
    await page.dispatchEvent('[name="/AutoMLJobName"]', 'drop', { dataTransfer: image });
    await page.waitForFunction(() => /chart\.png is a image\/png file/.test(document.getElementById('import-error').textContent));
    await page.waitForTimeout(100);
    assert.equal(await inView(), 'in view');
    assert.equal(await page.evaluate(() => document.activeElement.getAttribute('name')), '/AutoMLJobName', 'focus stays in the field');
  });
});

test('every export copies exactly what `automl-job export` prints', { skip: !fs.existsSync(CLI) && 'automl-job not built' }, async () => {
  await withPage({ permissions: ['clipboard-read', 'clipboard-write'] }, async ({ page }) => {
    // An invalid request exports too (the panel says it would be rejected).
    const request = JSON.parse(FULL);
    request.Tags.push({ Key: "it's $(touch x) `ls` \\ !", Value: 'é😀 %PATH%' });
    request.AutoMLJobName = 'bad_name';
    const file = path.join(fs.mkdtempSync('/tmp/automl-web-'), 'request.json');
    fs.writeFileSync(file, JSON.stringify(request));
    await importText(page, JSON.stringify(request));
    assert.match(await page.locator('.summary .verdict').innerText(), /would reject this: \d+ errors?/);
    assert.match(await page.locator('.export .export-state').innerText(), /^The service would reject this: \d+ errors?, listed under Check\.$/);
    for (const target of ['json', 'cli', 'cli-input-json', 'powershell', 'cmd', 'boto3']) {
      await page.check(`input[name="export-target"][value="${target}"]`);
      const label = (await page.locator(`label:has(input[value="${target}"])`).innerText()).trim();
      await page.click('#export-copy');
      await page.waitForFunction((l) => document.querySelector('.export .notice').textContent.startsWith(`Copied (${l}): the service would reject it (`), label);
      const copied = await page.evaluate(() => navigator.clipboard.readText());
      const expected = execFileSync(CLI, ['export', '--to', target, '--allow-invalid', file], { encoding: 'utf8' });
      assert.equal(copied, expected, `${target} export`);
    }
  });
});

test('a command in the AWS CLI shorthand syntax, pasted with its prompt, imports into the form', async () => {
  await withPage({}, async ({ page }) => {
    const command = "$ aws sagemaker create-auto-ml-job --auto-ml-job-name short-hand \\\n"
      + "  --input-data-config 'DataSource={S3DataSource={S3DataType=S3Prefix,S3Uri=s3://my-bucket/in}},TargetAttributeName=y' \\\n"
      + "  --output-data-config S3OutputPath=s3://my-bucket/out --role-arn arn:aws:iam::123456789012:role/r \\\n"
      + "  --auto-ml-job-config 'CompletionCriteria={MaxCandidates=900}' --tags Key=team,Value=ml Key=env,Value=prod\n";
    await importText(page, command);
    assert.equal(await field(page, '/AutoMLJobName').inputValue(), 'short-hand');
    assert.equal(await field(page, '/InputDataConfig/0/DataSource/S3DataSource/S3Uri').inputValue(), 's3://my-bucket/in');
    assert.equal(await field(page, '/OutputDataConfig/S3OutputPath').inputValue(), 's3://my-bucket/out');
    assert.equal(await field(page, '/Tags/1/Value').inputValue(), 'prod');
    assert.equal(await field(page, '/AutoMLJobConfig/CompletionCriteria/MaxCandidates').inputValue(), '900');
    // 900 is above the maximum: the import shows it, located, like any finding.
    await page.waitForFunction(() => /750/.test(document.getElementById('messages:/AutoMLJobConfig/CompletionCriteria/MaxCandidates').textContent), null, { timeout: 5000 });
  });
});

test('several Undo steps and the wording switch survive a reload', async () => {
  await withPage({}, async ({ page }) => {
    await field(page, '/AutoMLJobName').fill('my-draft');
    await page.keyboard.press('Tab');
    await page.click('button:has-text("New request")');
    await importText(page, FULL);
    await page.check('#show-wording');
    await page.waitForTimeout(400); // the draft is saved 300 ms after the last change
    await page.reload();
    await page.waitForSelector('[name="/AutoMLJobName"]');
    assert.equal(await field(page, '/AutoMLJobName').inputValue(), 'churn-2024-ensemble');
    assert.equal(await page.isChecked('#show-wording'), true);
    assert.match(await page.locator('button.undo').getAttribute('title'), /^Undo “Imported the request” \(2 steps available\)$/);
    await page.click('button.undo');
    assert.equal(await field(page, '/AutoMLJobName').inputValue(), '');
    await page.click('button.undo');
    assert.equal(await field(page, '/AutoMLJobName').inputValue(), 'my-draft');
    assert.equal(await page.locator('button.undo').count(), 0);
    await page.click('button.redo');
    await page.click('button.redo');
    assert.equal(await field(page, '/AutoMLJobName').inputValue(), 'churn-2024-ensemble');
  });
});

// Regression (found side by side with react-jsonschema-form): the panel renders 120 ms after
// the last keystroke, and Copy handed out that older rendering.
test('copy and download right after a keystroke carry the keystroke', async () => {
  await withPage({ permissions: ['clipboard-read', 'clipboard-write'] }, async ({ page }) => {
    await field(page, '/AutoMLJobName').fill('churn');
    await page.waitForTimeout(300);
    await field(page, '/AutoMLJobName').press('End');
    await page.keyboard.type('-x');
    await page.click('#export-copy');
    await page.waitForFunction(() => document.querySelector('.export .notice').textContent !== '');
    // Only members missing: incomplete, in the verdict's words (not "rejected").
    assert.equal(await page.locator('.export .notice').textContent(), 'Copied (JSON body): incomplete, 4 required members to fill in.');
    assert.match(await page.evaluate(() => navigator.clipboard.readText()), /"AutoMLJobName": "churn-x"/);
    await field(page, '/AutoMLJobName').press('End');
    await page.keyboard.type('y');
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('#export-download')]);
    const text = fs.readFileSync(await download.path(), 'utf8');
    assert.match(text, /"AutoMLJobName": "churn-xy"/);
  });
});

test('the draft survives a reload, and "new request" can be undone', async () => {
  await withPage({}, async ({ page }) => {
    await field(page, '/AutoMLJobName').fill('kept-across-reloads');
    await field(page, '/InputDataConfig/0/TargetAttributeName').fill('label');
    await page.reload();
    await page.waitForSelector('[name="/AutoMLJobName"]');
    assert.equal(await field(page, '/AutoMLJobName').inputValue(), 'kept-across-reloads');
    assert.equal(await field(page, '/InputDataConfig/0/TargetAttributeName').inputValue(), 'label');
    await page.click('button:has-text("New request")');
    assert.equal(await field(page, '/AutoMLJobName').inputValue(), '');
    await page.click('button:has-text("Undo")');
    assert.equal(await field(page, '/AutoMLJobName').inputValue(), 'kept-across-reloads');
  });
});

test('a share link opens the same request in a fresh profile', async () => {
  let link, sent;
  await withPage({ permissions: ['clipboard-read', 'clipboard-write'] }, async ({ page }) => {
    await importText(page, FULL);
    sent = await jsonExport(page);
    await page.click('button:has-text("Copy share link")');
    await page.waitForFunction(() => /share link/.test(document.querySelector('.notice').textContent));
    link = await page.evaluate(() => navigator.clipboard.readText());
  });
  assert.ok(link.startsWith(server.url + '#r=1.'), link);
  assert.ok(link.length < 2000, `link of ${link.length} characters`);
  const before = server.requests.length;
  const b = await launch(server.origin);
  try {
    await b.page.goto(link);
    await b.page.waitForSelector('[name="/AutoMLJobName"]');
    assert.equal(await jsonExport(b.page), sent);
    // A first visit has no draft to put back: no Undo is promised, and none is shown.
    assert.equal(await b.page.locator('#status').innerText(), 'Opened the request from the share link.');
    assert.equal(await b.page.locator('button.undo, .undo-here:visible').count(), 0);
    assert.equal(new URL(b.page.url()).hash, '', 'the fragment is dropped once read');
    // The fragment never reached the server.
    for (const url of server.requests.slice(before)) assert.ok(!url.includes('r=1.'), url);
    assert.deepEqual(b.offsite, []);
    assert.deepEqual(b.errors, []);
  } finally {
    await b.close();
  }
});

async function axe(page) {
  await page.evaluate(AXE_SOURCE); // evaluated through the DevTools protocol, not as page script
  return page.evaluate(async () => {
    const result = await window.axe.run(document, { resultTypes: ['violations'] });
    if (result.passes.length < 10) return [`axe-core ran only ${result.passes.length} rules`];
    return result.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
  });
}

for (const [colorScheme, viewport] of [['light'], ['dark'], ['light', { width: 320, height: 640 }]]) {
  const where = viewport ? `, ${viewport.width} px phone with its bottom bar` : '';
  test(`axe-core finds no violation (${colorScheme}${where}, every section open, every error shown)`, async () => {
    await withPage(viewport ? { colorScheme, viewport } : { colorScheme }, async ({ page }) => {
      assert.deepEqual(await axe(page), [], 'pristine page');
      // The valid state has colours of its own ("Ready to send" in green).
      await page.click('button:has-text("Start from an example")');
      assert.match(await page.locator('.summary .verdict').innerText(), /Ready to send/);
      assert.deepEqual(await axe(page), [], 'a valid request');
      const request = JSON.parse(FULL);
      request.AutoMLJobName = 'bad_name';
      request.Tags[0].Key = 'aws:reserved';
      await importText(page, JSON.stringify(request));
      await page.click('button:has-text("Check all")');
      for (const toggle of await page.locator('.section-toggle[aria-expanded="false"]').all()) await toggle.click();
      await page.locator('.findings summary').click();
      assert.deepEqual(await axe(page), [], 'with errors shown');
    });
  });
}

test('usable on a 320 px phone: no sideways scrolling, first field in view', async () => {
  await withPage({ viewport: { width: 320, height: 640 } }, async ({ page }) => {
    const request = JSON.parse(FULL);
    request.AutoMLJobName = 'a_name_that_is_far_too_long_for_the_service_to_take';
    request.RoleArn = 'arn:aws:iam::123:role/' + 'x'.repeat(80);
    await importText(page, JSON.stringify(request));
    await page.click('button:has-text("Check all")');
    await page.check('#show-wording');
    for (const toggle of await page.locator('.section-toggle[aria-expanded="false"]').all()) await toggle.click();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    assert.ok(overflow <= 0, `page is ${overflow}px wider than the screen`);
    await page.evaluate(() => window.scrollTo(0, 0));
    assert.ok(await field(page, '/AutoMLJobName').isVisible());
    // Long export lines wrap in the box when asked, and the text is the same.
    await page.check('input[name="export-target"][value="cli"]');
    const box = page.locator('pre:has(#export-text)');
    // The AWS CLI export loads on its first use.
    await page.waitForFunction(() => !document.querySelector('pre:has(#export-text)').hasAttribute('aria-busy'), null, { timeout: 20000 });
    const before = await page.locator('#export-text').textContent();
    const wide = () => box.evaluate((el) => el.scrollWidth - el.clientWidth);
    assert.ok(await wide() > 0, 'the AWS CLI command is wider than a phone');
    await page.check('#export-wrap');
    assert.ok(await wide() <= 0, 'wrapped, nothing to scroll sideways');
    assert.equal(await page.locator('#export-text').textContent(), before);
    // "Import…" brings the Import box into view above the bottom bar, not under it.
    await page.click('.toolbar button:text-is("Import…")');
    const [importBottom, bar] = await page.evaluate(() => [
      document.getElementById('import-text').getBoundingClientRect().bottom,
      document.querySelector('.mobile-status').getBoundingClientRect().top,
    ]);
    assert.ok(importBottom <= bar, `the Import box ends at ${importBottom}px, under the bar at ${bar}px`);
  });
});

test('keyboard only: skip link, sections, focus is always visible', async () => {
  await withPage({}, async ({ page }) => {
    await page.keyboard.press('Tab');
    assert.equal(await page.evaluate(() => document.activeElement.textContent), 'Skip to the form');
    await page.keyboard.press('Enter');
    assert.equal(await page.evaluate(() => document.activeElement.name), '/AutoMLJobName', 'the skip link lands on the first field');
    await page.keyboard.press('Shift+Tab');
    const active = await page.evaluate(() => document.activeElement.className);
    assert.match(active, /section-toggle/);
    const outline = await page.evaluate(() => getComputedStyle(document.activeElement).outlineStyle);
    assert.equal(outline, 'solid', 'focused control has a visible outline');
    // Open "Limits" from the keyboard and reach its first field.
    for (let i = 0; i < 60; i++) {
      const text = await page.evaluate(() => document.activeElement.textContent);
      if (/^Limits/.test(text.trim())) break;
      await page.keyboard.press('Tab');
    }
    await page.keyboard.press('Enter');
    await page.keyboard.press('Tab');
    assert.equal(await page.evaluate(() => document.activeElement.name), '/AutoMLJobConfig/CompletionCriteria/MaxCandidates');
  });
});

test('Enter in any field submits nothing: the page stays, the text stays, focus stays', async () => {
  await withPage({}, async ({ page }) => {
    const before = page.url();
    // Each section is a form of its own, each tag too (so the browser's autofill looks at a
    // few controls per keystroke, not hundreds): Enter in a form's lone text field submits
    // it, and the page must stop every such submission.
    await importText(page, FULL);
    for (const t of await page.locator('.section-toggle[aria-expanded="false"]').all()) await t.click();
    const tags = await page.locator('[name$="/Key"][name^="/Tags/"]').count();
    const sections = await page.locator('.section').count();
    assert.equal(await page.locator('form').count(), sections - 1 + tags, 'a form per section, and per tag in the Tags section');
    assert.equal(await page.locator('form form').count(), 0, 'no form inside another');
    await page.evaluate(() => {
      window.__submits = [];
      addEventListener('submit', (ev) => window.__submits.push(ev.defaultPrevented));
    });
    const fields = await page.locator('input[type="text"], select').all();
    for (const f of fields) {
      await f.focus();
      await page.keyboard.press('Enter');
    }
    const submits = await page.evaluate(() => window.__submits);
    assert.ok(submits.length > 0, 'some form has a lone text field (Enter submits it)');
    assert.ok(submits.every((prevented) => prevented), 'every submission is stopped');
    assert.equal(page.url(), before, 'no navigation');
    const name = field(page, '/AutoMLJobName');
    await name.fill('churn-job');
    await name.press('Enter');
    assert.equal(await name.inputValue(), 'churn-job');
    assert.equal(await page.evaluate(() => document.activeElement.name), '/AutoMLJobName');
  });
});

// The page answers a key in its next task (Leptos updates the DOM asynchronously, and Undo goes
// through the page's history): wait up to 5 s for a field to show `want` instead of reading it
// at once, which raced under load.
async function valueBecomes(locator, want, message) {
  const deadline = Date.now() + 5000;
  let got = await locator.inputValue();
  while (got !== want && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 20));
    got = await locator.inputValue();
  }
  assert.equal(got, want, message);
}

test('arrow keys step numbers, and Ctrl+Z takes a step back like typing', async () => {
  await withPage({}, async ({ page }) => {
    await page.click('.section-toggle:has-text("Limits")');
    const candidates = field(page, '/AutoMLJobConfig/CompletionCriteria/MaxCandidates');
    await candidates.click();
    await page.keyboard.press('ArrowUp');
    await page.keyboard.press('ArrowUp');
    await valueBecomes(candidates, '251');
    await page.keyboard.press('Control+z');
    await valueBecomes(candidates, '250');
    const fraction = field(page, '/AutoMLJobConfig/DataSplitConfig/ValidationFraction');
    await fraction.click();
    await page.keyboard.press('ArrowUp');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    await valueBecomes(fraction, '0.1', 'from the default 0.2, by 0.05');
    await page.keyboard.press('Control+z');
    await valueBecomes(fraction, '0.15');
    await page.keyboard.press('Control+Shift+z');
    await valueBecomes(fraction, '0.1', 'redo');
    await page.keyboard.press('Control+z');
    await valueBecomes(fraction, '0.15');
    // The draft follows the field's undo, as it follows typing.
    await page.keyboard.press('Tab');
    await jsonExport(page);
    // The export follows 120 ms after the last edit.
    await page.waitForFunction(() => document.getElementById('export-text').textContent.includes('ValidationFraction'), null, { timeout: 5000 });
    const body = JSON.parse(await jsonExport(page));
    assert.equal(body.AutoMLJobConfig.CompletionCriteria.MaxCandidates, 250);
    assert.equal(body.AutoMLJobConfig.DataSplitConfig.ValidationFraction, 0.15);
  });
});

test('a duration typed with units: "4h is 14400 seconds." and "Use 14400" show under the field at once, so the very next Tab reaches the button, which writes it in seconds; Ctrl+Z takes it back; axe-core finds nothing; it fits a 320 px phone', async () => {
  await withPage({}, async ({ page }) => {
    await page.click('.section-toggle:has-text("Limits")');
    const pointer = '/AutoMLJobConfig/CompletionCriteria/MaxAutoMLJobRuntimeInSeconds';
    const total = field(page, pointer);
    await total.click();
    await page.keyboard.type('4h');
    // Live, with no pause in typing: what it is in seconds, and the button, under the field.
    const fix = page.getByRole('button', { name: 'Use 14400 seconds' });
    assert.equal(await page.locator('.fix').innerText(), '4h is 14400 seconds. Use 14400');
    assert.equal(await fix.innerText(), 'Use 14400');
    await page.keyboard.press('Tab');
    assert.equal(await page.evaluate(() => document.activeElement.textContent), 'Use 14400', 'the next Tab stop');
    assert.equal(await page.evaluate(() => getComputedStyle(document.activeElement).outlineStyle), 'solid', 'focus is visible');
    // Leaving the field shows its finding, as ever; still one button.
    await page.waitForFunction((p) => /4h is 14400 — write 14400/.test(document.getElementById(`messages:${p}`).textContent), pointer, { timeout: 5000 });
    assert.equal(await page.getByRole('button', { name: /14400/ }).count(), 1, 'one button');
    assert.deepEqual(await axe(page), [], 'with the button shown');
    // On a 320 px phone, the button fits.
    await page.setViewportSize({ width: 320, height: 640 });
    assert.deepEqual(await axe(page), [], 'on a phone, with the button shown');
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    assert.ok(overflow <= 0, `page is ${overflow}px wider than the screen`);
    const right = await fix.evaluate((el) => el.getBoundingClientRect().right);
    assert.ok(right <= 320, `the button ends at ${right}px`);
    await fix.focus();
    await page.keyboard.press('Enter');
    assert.equal(await total.inputValue(), '14400');
    assert.equal(await page.evaluate(() => document.activeElement.name), pointer, 'focus is back in the field');
    await page.waitForFunction((p) => document.getElementById(`messages:${p}`).textContent === '', pointer, { timeout: 5000 });
    assert.equal(await page.locator('.fix').count(), 0);
    await page.keyboard.press('Control+z');
    assert.equal(await total.inputValue(), '4h', 'the field\'s own undo');
  });
});

test('Ctrl+Z outside a text field is the page\'s Undo, Ctrl+Shift+Z its Redo', async () => {
  await withPage({}, async ({ page }) => {
    await page.click('button:text-is("Start from an example")');
    const name = field(page, '/AutoMLJobName');
    const example = await name.inputValue();
    assert.notEqual(example, '');
    // Focus on a button, not in a text field.
    await page.focus('button:text-is("Check all")');
    await page.keyboard.press('Control+z');
    await page.waitForFunction(() => document.querySelector('[name="/AutoMLJobName"]').value === '');
    assert.equal(await page.evaluate(() => document.activeElement.id), 'status', 'focus on what happened');
    await page.keyboard.press('Control+Shift+z');
    await page.waitForFunction((v) => document.querySelector('[name="/AutoMLJobName"]').value === v, example);
    // In a text field, Ctrl+Z is the field's own: the request stays.
    await name.click();
    await page.keyboard.type('-2');
    await page.keyboard.press('Control+z');
    await page.keyboard.press('Tab');
    assert.equal(await page.locator('.summary .verdict').count() > 0, true);
    assert.ok((await name.inputValue()).startsWith(example.slice(0, 5)), 'the example is still there');
  });
});

test('download saves the selected export as its file', async () => {
  await withPage({}, async ({ page }) => {
    await importText(page, FULL);
    await page.check('input[name="export-target"][value="boto3"]');
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('#export-download')]);
    assert.equal(download.suggestedFilename(), 'create-auto-ml-job.py');
    const saved = fs.readFileSync(await download.path(), 'utf8');
    assert.equal(saved, await page.locator('#export-text').textContent());
    assert.match(saved, /import boto3/);
  });
});

test('once loaded, the page keeps working offline', async () => {
  await withPage({}, async ({ page, context }) => {
    // The import reader and the exports load on their first use; after that, offline too.
    await importText(page, '{}');
    // The import opens the findings, whose list is a chunk fetched on first open: here before
    // going offline, as the import reader is.
    await page.locator('.finding-list').waitFor({ state: 'attached', timeout: 10000 });
    await context.setOffline(true);
    await field(page, '/AutoMLJobName').fill('bad_name');
    await page.keyboard.press('Tab');
    assert.equal(await field(page, '/AutoMLJobName').getAttribute('aria-invalid'), 'true');
    await importText(page, FULL);
    assert.match(await page.locator('.summary .verdict').innerText(), /Ready to send/);
    await page.check('input[name="export-target"][value="boto3"]');
    await page.waitForFunction(() => /import boto3/.test(document.getElementById('export-text').textContent));
    await context.setOffline(false);
  });
});

test('a damaged share link says so and leaves the saved draft alone', async () => {
  const b = await launch(server.origin);
  try {
    await open(b.page, server.url);
    await field(b.page, '/AutoMLJobName').fill('my-draft');
    await b.page.waitForTimeout(400); // saved 300 ms after the last change
    // Pasted into the open tab (only the fragment changes), then opened afresh.
    await b.page.goto(server.url + '#r=1.%%%broken');
    await b.page.waitForFunction(() => /damaged/.test(document.querySelector('.notice').textContent), null, { timeout: 5000 });
    assert.equal(await field(b.page, '/AutoMLJobName').inputValue(), 'my-draft');
    await b.page.goto('about:blank');
    await open(b.page, server.url + '#r=1.%%%broken');
    assert.match(await b.page.locator('.notice').first().innerText(), /damaged/);
    assert.equal(await field(b.page, '/AutoMLJobName').inputValue(), 'my-draft');
    assert.deepEqual(b.errors, []);
    assert.deepEqual(b.offsite, []);
  } finally {
    await b.close();
  }
});

/** A share link to `request` (made with the page's own "Copy share link"). */
async function shareLink(request) {
  let link;
  await withPage({ permissions: ['clipboard-read', 'clipboard-write'] }, async ({ page }) => {
    await importText(page, request);
    await page.click('button:has-text("Copy share link")');
    await page.waitForFunction(() => /share link/.test(document.querySelector('.notice').textContent));
    link = await page.evaluate(() => navigator.clipboard.readText());
  });
  return link;
}

test('opening a share link keeps the saved draft one Undo away, after a reload too', async () => {
  const link = await shareLink(FULL);
  const b = await launch(server.origin);
  try {
    await open(b.page, server.url);
    await field(b.page, '/AutoMLJobName').fill('my-draft');
    await b.page.waitForTimeout(400); // saved 300 ms after the last change
    await b.page.goto('about:blank');
    await open(b.page, link);
    assert.equal(await field(b.page, '/AutoMLJobName').inputValue(), 'churn-2024-ensemble');
    // Regression: the line promised Undo where no Undo was shown. It is right beside it.
    assert.equal(await b.page.locator('#status').innerText(), 'Opened the request from the share link. Undo puts your previous draft back.');
    const here = b.page.locator('.notice-row .undo-here');
    assert.ok(await here.isVisible(), 'an Undo beside the line');
    const [line, button] = await Promise.all([b.page.locator('#status').boundingBox(), here.boundingBox()]);
    assert.ok(Math.abs((line.y + line.height / 2) - (button.y + button.height / 2)) < 40, 'on the same line or just below');
    await here.click();
    assert.equal(await field(b.page, '/AutoMLJobName').inputValue(), 'my-draft');
    await b.page.click('button.redo');
    assert.equal(await field(b.page, '/AutoMLJobName').inputValue(), 'churn-2024-ensemble');
    await b.page.waitForTimeout(400);
    await b.page.reload();
    await b.page.waitForSelector('[name="/AutoMLJobName"]');
    assert.equal(await field(b.page, '/AutoMLJobName').inputValue(), 'churn-2024-ensemble');
    assert.equal(await b.page.locator('button.undo').count(), 1, 'undo survives the reload');
    await b.page.click('button.undo');
    assert.equal(await field(b.page, '/AutoMLJobName').inputValue(), 'my-draft');
    await b.page.waitForTimeout(400);
    await b.page.reload();
    await b.page.waitForSelector('[name="/AutoMLJobName"]');
    assert.equal(await field(b.page, '/AutoMLJobName').inputValue(), 'my-draft');
    assert.deepEqual(b.errors, []);
    assert.deepEqual(b.offsite, []);
  } finally {
    await b.close();
  }
});

test('two tabs editing one request: a change saved in one shows in the other, which keeps its own one Undo away', async () => {
  const b = await launch(server.origin);
  try {
    const one = b.page;
    await open(one, server.url);
    await field(one, '/AutoMLJobName').fill('tab-one');
    await one.waitForTimeout(400);
    const two = await b.context.newPage();
    await open(two, server.url);
    assert.equal(await field(two, '/AutoMLJobName').inputValue(), 'tab-one');
    await field(two, '/AutoMLJobName').fill('tab-two');
    const named = (v) => document.querySelector('[name="/AutoMLJobName"]').value === v;
    await one.waitForFunction(named, 'tab-two', { timeout: 5000 });
    assert.match(await one.locator('.notice').first().innerText(), /Another tab changed this request/);
    assert.equal(await one.locator('.other-tab').isVisible(), false, 'the same request: nothing to choose');
    await one.click('.notice-row .undo-here');
    assert.equal(await field(one, '/AutoMLJobName').inputValue(), 'tab-one');
    assert.deepEqual(b.errors, []);
    assert.deepEqual(b.offsite, []);
  } finally {
    await b.close();
  }
});

// Regression: a share link opened in a second tab replaced, without a word, the draft the
// first tab was editing (the storage event reached it).
test('a share link opened in a second tab: the first keeps its work, says so and offers both, losing neither', async () => {
  const link = await shareLink(FULL);
  const b = await launch(server.origin);
  try {
    const one = b.page;
    await open(one, server.url);
    await field(one, '/AutoMLJobName').fill('tab-one');
    await one.waitForTimeout(400);
    const two = await b.context.newPage();
    await open(two, link);
    assert.equal(await field(two, '/AutoMLJobName').inputValue(), 'churn-2024-ensemble');
    await one.waitForSelector('.other-tab', { timeout: 5000 });
    assert.equal(await field(one, '/AutoMLJobName').inputValue(), 'tab-one', 'the first tab keeps its work');
    assert.match(await one.locator('.other-tab').innerText(), /^Another tab opened a different request \(“Opened the request from the share link”\)/);
    // In view wherever the person is in the form.
    await one.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
    const top = await one.locator('.other-tab').evaluate((el) => el.getBoundingClientRect().top);
    assert.ok(top >= 0 && top < 5, `the choice stays at the top of the window (at ${top}px)`);
    // Keep mine: the first tab's request is the draft again, and the second tab hears of it
    // the same way, with the same choice.
    await one.click('#keep-mine');
    assert.equal(await one.locator('.other-tab').isVisible(), false);
    assert.match(await one.locator('#status').innerText(), /Undo puts the other tab's request here/);
    await two.waitForSelector('.other-tab', { timeout: 5000 });
    assert.equal(await field(two, '/AutoMLJobName').inputValue(), 'churn-2024-ensemble');
    // The second tab loads the first's; its own is one Undo away, offered beside the line.
    await two.click('#load-other');
    assert.equal(await field(two, '/AutoMLJobName').inputValue(), 'tab-one');
    await two.click('.notice-row .undo-here');
    assert.equal(await field(two, '/AutoMLJobName').inputValue(), 'churn-2024-ensemble');
    // And the first tab's Undo puts the link's request there too: neither is lost.
    await one.waitForSelector('.other-tab', { timeout: 5000 });
    assert.equal(await field(one, '/AutoMLJobName').inputValue(), 'tab-one');
    await one.click('#load-other');
    assert.equal(await field(one, '/AutoMLJobName').inputValue(), 'churn-2024-ensemble');
    assert.deepEqual(b.errors, []);
    assert.deepEqual(b.offsite, []);
  } finally {
    await b.close();
  }
});

test('a share link pasted into an open tab (only the fragment changes) opens, with undo', async () => {
  const link = await shareLink(FULL);
  await withPage({}, async ({ page }) => {
    await field(page, '/AutoMLJobName').fill('my-draft');
    await page.evaluate((l) => { window.location.href = l; }, link);
    await page.waitForFunction(() => document.querySelector('[name="/AutoMLJobName"]').value === 'churn-2024-ensemble', null, { timeout: 5000 });
    assert.match(await page.locator('.notice').first().innerText(), /share link/);
    assert.equal(new URL(page.url()).hash, '', 'the fragment is dropped once read');
    await page.click('button.undo');
    assert.equal(await field(page, '/AutoMLJobName').inputValue(), 'my-draft');
  });
});

test('an empty form states the verdict once on a wide screen, and in the bottom bar on a phone', async () => {
  // Untouched, an empty form is "not written yet" (calm), not "rejected".
  const banners = (page) => page.evaluate(() => [...document.querySelectorAll('.verdict, .mobile-status span')]
    .filter((e) => e.checkVisibility()).map((e) => e.innerText.trim()));
  await withPage({}, async ({ page }) => {
    assert.deepEqual(await banners(page), ['Incomplete: 5 required members to fill in.']);
    assert.equal(await page.locator('.export .export-state').innerText(), 'Incomplete: 5 required members to fill in, listed under Check.');
  });
  await withPage({ viewport: { width: 360, height: 700 } }, async ({ page }) => {
    assert.ok(await page.locator('.mobile-status').isVisible());
    assert.deepEqual(await banners(page), ['Incomplete: 5 required members to fill in.', 'Incomplete: 5 to fill in'], 'the summary, and the bar that keeps it in view');
  });
});

// Regression: after "Check all" on a fresh page the toolbar said "The service would reject
// this: 5 errors" while the Check panel said "Incomplete", and while typing the announced
// verdict flipped between the two: ten announcements for a name, a role and a duration.
test('one verdict: "Check all" says what the Check panel says, and typing announces a change of verdict once', async () => {
  await withPage({}, async ({ page }) => {
    await page.click('button:text-is("Check all")');
    const line = 'Incomplete: 5 required members to fill in.';
    assert.equal(await page.locator('#status').innerText(), line);
    assert.equal(await page.locator('.summary .verdict').innerText(), line);
    // Every change of every live region's text, from here on.
    await page.evaluate(() => {
      window.__heard = [];
      const regions = [...document.querySelectorAll('[role="status"], [role="alert"], [aria-live]')];
      for (const r of regions) {
        new MutationObserver(() => window.__heard.push([r.id || r.className, r.textContent])).observe(r, { childList: true, characterData: true, subtree: true });
      }
    });
    await field(page, '/AutoMLJobName').click();
    await page.keyboard.type('my-job', { delay: 20 });
    await page.keyboard.press('Tab');
    await field(page, '/RoleArn').click();
    await page.keyboard.type('arn:aws:iam::123456789012:role/r', { delay: 20 });
    await page.keyboard.press('Tab');
    await page.click('.section-toggle:has-text("Limits")');
    await field(page, '/AutoMLJobConfig/CompletionCriteria/MaxAutoMLJobRuntimeInSeconds').click();
    await page.keyboard.type('4h', { delay: 20 });
    await page.keyboard.press('Tab');
    await page.waitForTimeout(300);
    await page.getByRole('button', { name: 'Use 14400 seconds' }).click();
    await page.waitForTimeout(1200); // past the pause that reveals a field's findings
    const heard = await page.evaluate(() => window.__heard);
    const verdict = heard.filter(([who]) => who === 'verdict-kind').map(([, text]) => text);
    // Said only when the kind changes, never a count: "my-" (a name may not end with a
    // hyphen), the role until its last character and "4h" until it is written in seconds
    // are each rejected for a moment, and each change is said once (it was ten times, the
    // count with every keystroke, and in two wordings).
    const [R, I] = ['The service would reject this:', 'Incomplete:'];
    assert.ok(verdict.length >= 2 && verdict.length <= 6, JSON.stringify(heard));
    verdict.forEach((text, i) => assert.equal(text, i % 2 ? I : R, JSON.stringify(heard)));
    assert.deepEqual(heard.filter(([who]) => who === 'status'), [], 'the toolbar line is not a second verdict');
    assert.equal(await page.locator('.summary .verdict').innerText(), 'Incomplete: 3 required members to fill in.');
    assert.equal(await page.locator('.mobile-status span').textContent(), 'Incomplete: 3 to fill in');
    assert.equal(await page.locator('.export .export-state').innerText(), 'Incomplete: 3 required members to fill in, listed under Check.');
  });
});

for (const width of [390, 320]) {
  test(`layout at ${width} px: Review opens the findings; every select shows its whole value; a chosen metric stays optional`, async () => {
    await withPage({ viewport: { width, height: 740 } }, async ({ page }) => {
      // "Review" in the bottom bar: the Check panel, with its findings open.
      assert.equal(await page.locator('details.findings').evaluate((d) => d.open), false);
      await page.click('.mobile-status a:text-is("Review")');
      assert.equal(await page.locator('details.findings').evaluate((d) => d.open), true, 'the findings are open');
      // The list's entries load when the findings first open (a short "Loading the list…").
      await page.locator('.finding-list a').first().waitFor({ timeout: 10000 });
      assert.ok(await page.locator('.finding-list a').first().isVisible());
      assert.equal(await page.evaluate(() => document.activeElement.id), 'summary');

      // Every select, every section open: what it shows fits inside it (regression:
      // "not set (service default: chosen wit" was cut off at 390 px).
      while (await page.locator('.section-toggle[aria-expanded="false"]').count()) {
        await page.locator('.section-toggle[aria-expanded="false"]').first().click();
      }
      const cut = () => page.evaluate(() => [...document.querySelectorAll('select')].flatMap((s) => {
        const cs = getComputedStyle(s);
        const c = document.createElement('canvas').getContext('2d');
        c.font = `${cs.fontWeight} ${cs.fontSize} ${cs.fontFamily}`;
        const text = s.options[s.selectedIndex]?.text || '';
        // The arrow takes about 20 px of the content box.
        const room = s.clientWidth - parseFloat(cs.paddingLeft) - parseFloat(cs.paddingRight) - 20;
        const need = c.measureText(text).width;
        return need > room ? [`${s.name}: "${text}" needs ${Math.round(need)}px of ${Math.round(room)}`] : [];
      }));
      assert.deepEqual(await cut(), []);
      const metric = '/AutoMLJobObjective/MetricName';
      const help = page.locator(`[id="help:${metric}"]`);
      assert.match(await help.textContent(), /Not set: chosen with the problem type\./);
      await page.selectOption('[name="/ProblemType"]', 'BinaryClassification');
      assert.match(await help.textContent(), /Not set: F1 \(for BinaryClassification\)\./);
      await page.selectOption(`[name="${metric}"]`, 'Recall');
      assert.deepEqual(await cut(), []);
      // Regression: once chosen, the metric gained a REQUIRED badge.
      assert.equal(await page.locator(`label[for="field:${metric}"] .required`).count(), 0);
      assert.equal(await field(page, metric).getAttribute('aria-required'), 'false');
      assert.equal(await page.locator('label[for="field:/AutoMLJobName"] .required').count(), 1);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      assert.ok(overflow <= 0, `page is ${overflow}px wider than the screen`);
    });
  });
}

// Regression: Import sat at the end of the side column, which on a wide screen is sticky and
// scrolls on its own: finding it took a scroll of that nested box.
test('on a wide screen Import is in view at the top of the side column, wherever the form is scrolled', async () => {
  await withPage({ viewport: { width: 1280, height: 800 } }, async ({ page }) => {
    const where = () => page.evaluate(() => {
      const r = document.getElementById('import-text').getBoundingClientRect();
      return { top: r.top, bottom: r.bottom, height: innerHeight, nested: document.querySelector('.side').scrollTop };
    });
    for (const y of [0, 1200, 100000]) {
      await page.evaluate((y) => window.scrollTo(0, y), y);
      const w = await where();
      assert.ok(w.top >= 0 && w.bottom <= w.height, `scrolled to ${y}: the Import box at ${w.top}..${w.bottom} of ${w.height}`);
      assert.equal(w.nested, 0, 'no scroll of the side column needed');
    }
    // Imported from there, the verdict is just below it.
    await importText(page, FULL);
    assert.ok(await page.locator('.summary .verdict').isVisible());
    assert.match(await page.locator('.summary .verdict').innerText(), /^Ready to send/);
  });
});
