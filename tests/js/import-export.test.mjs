// `exportAs` and `importText` in the built package print what `automl-job export` and
// `automl-job import` print: every fixture in every form (refused, as the command refuses it,
// when the service would reject it, unless allowInvalid), and every export, fixture text and
// pasted command or program imported back, with the command's notes and findings.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { TARGETS, asPackage, cli, cliCheck, fixtures, loadPackage, tempDir } from './package.mjs';

const { pkg } = await loadPackage();
const all = fixtures();

/** What `exportAs` throws, or null when it does not. */
function thrownBy(fn) {
  try {
    fn();
    return null;
  } catch (err) {
    assert.ok(err instanceof Error, `threw ${err}`);
    return err;
  }
}

test('every fixture in every form: what automl-job export --to TARGET prints, or its refusal', () => {
  let exported = 0;
  for (const fixture of all) {
    for (const target of TARGETS) {
      const run = cli(['export', '--to', target, fixture.file]);
      const allowed = cli(['export', '--to', target, '--allow-invalid', fixture.file]);
      if (run.status === 0) {
        assert.equal(pkg.exportAs(fixture.text, target), run.stdout, `${fixture.name} as ${target}`);
        assert.equal(pkg.exportAs(fixture.text, target, { allowInvalid: true }), run.stdout);
        exported += 1;
        continue;
      }
      const err = thrownBy(() => pkg.exportAs(fixture.text, target));
      assert.ok(err, `${fixture.name} as ${target}: the command refused it (exit ${run.status})`);
      if (run.status === 1) {
        // The service would reject it: the command lists the errors and refuses.
        assert.match(run.stderr, /^error: not exporting a request the service would reject;/m);
        assert.match(err.message, /^not exporting a request the service would reject \(\d+ errors?, the first: /);
        const first = err.message.replace(/^[^:]*: /, '').replace(/\); fix the errors, or pass \{ allowInvalid: true \}$/, '');
        assert.ok(run.stderr.includes(first), `${fixture.name}: the first error, ${first}, is the command's`);
        assert.equal(allowed.status, 0);
        assert.equal(pkg.exportAs(fixture.text, target, { allowInvalid: true }), allowed.stdout, `${fixture.name} as ${target}, allowed`);
      } else {
        // Not JSON: the command prints the one finding, as the package throws it.
        assert.equal(run.status, 2);
        assert.ok(run.stderr.includes(`]: ${err.message}\n`), `${fixture.name}: ${err.message}\n${run.stderr}`);
        assert.equal(allowed.status, 2);
        assert.equal(thrownBy(() => pkg.exportAs(fixture.text, target, { allowInvalid: true }))?.message, err.message);
      }
    }
  }
  assert.ok(exported >= 20 * TARGETS.length, `${exported} exports`);
});

// Pastes the export forms do not cover: what the command leaves out and notes.
const PASTES = {
  'command with --region': `$ aws sagemaker create-auto-ml-job --region eu-west-1 \\
>   --auto-ml-job-name churn --role-arn arn:aws:iam::123456789012:role/r \\
>   --input-data-config '[{"DataSource":{"S3DataSource":{"S3DataType":"S3Prefix","S3Uri":"s3://b/t/"}},"TargetAttributeName":"y"}]' \\
>   --output-data-config S3OutputPath=s3://b/o/`,
  'command with shell variables': `BUCKET=my-bucket
export ROLE="arn:aws:iam::123456789012:role/r"
aws sagemaker create-auto-ml-job --auto-ml-job-name churn --role-arn "\${ROLE}" \\
  --output-data-config S3OutputPath=s3://$BUCKET/out/`,
  'boto3 program': `import boto3
sm = boto3.client("sagemaker", region_name="eu-west-1")
bucket = "my-bucket"
sm.create_auto_ml_job(
    AutoMLJobName="churn",
    InputDataConfig=[{"DataSource": {"S3DataSource": {"S3DataType": "S3Prefix", "S3Uri": f"s3://{bucket}/train/"}}, "TargetAttributeName": "y"}],
    OutputDataConfig={"S3OutputPath": f"s3://{bucket}/out/"},
    AutoMLJobConfig={"CompletionCriteria": {"MaxAutoMLJobRuntimeInSeconds": 4 * 60 * 60}},
    RoleArn="arn:aws:iam::123456789012:role/r",
)`,
  'describe output': JSON.stringify({
    AutoMLJobName: 'old-job',
    AutoMLJobArn: 'arn:aws:sagemaker:eu-west-1:123456789012:automl-job/old-job',
    AutoMLJobStatus: 'Completed',
    RoleArn: 'arn:aws:iam::123456789012:role/r',
    OutputDataConfig: { S3OutputPath: 's3://b/o/' },
  }),
  'unset variable': 'aws sagemaker create-auto-ml-job --auto-ml-job-name churn \\\n  --role-arn $ROLE',
  'V2 command in shorthand': `aws sagemaker create-auto-ml-job-v2 --region us-west-2 --auto-ml-job-name ticket-router \\
  --auto-ml-job-input-data-config 'ChannelType=training,ContentType="text/csv;header=present",DataSource={S3DataSource={S3DataType=S3Prefix,S3Uri=s3://tickets/train/}}' \\
  --output-data-config S3OutputPath=s3://tickets/out/ \\
  --auto-ml-problem-type-config 'TextClassificationJobConfig={ContentColumn=body,TargetLabelColumn=queue}' \\
  --role-arn arn:aws:iam::111122223333:role/r`,
  'V2 boto3 program with holes': `import boto3, sagemaker
bucket = sagemaker.Session().default_bucket()
sm = boto3.client("sagemaker")
sm.create_auto_ml_job_v2(
    AutoMLJobName="fine-tune-faq",
    AutoMLJobInputDataConfig=[{"ChannelType": "training", "DataSource": {"S3DataSource": {"S3DataType": "S3Prefix", "S3Uri": f"s3://{bucket}/faq/"}}}],
    OutputDataConfig={"S3OutputPath": "s3://{}/faq-out/".format(bucket)},
    AutoMLProblemTypeConfig={"TextGenerationJobConfig": {"BaseModelName": "Falcon7BInstruct"}},
    RoleArn=sagemaker.get_execution_role(),
)`,
  'V2 describe output': JSON.stringify({
    AutoMLJobName: 'old-images',
    AutoMLJobArn: 'arn:aws:sagemaker:us-west-2:111122223333:automl-job/old-images',
    AutoMLJobInputDataConfig: [{ ChannelType: 'training', DataSource: { S3DataSource: { S3DataType: 'S3Prefix', S3Uri: 's3://pics/train/' } } }],
    OutputDataConfig: { S3OutputPath: 's3://pics/out/' },
    AutoMLProblemTypeConfig: { ImageClassificationJobConfig: {} },
    AutoMLProblemTypeConfigName: 'ImageClassification',
    RoleArn: 'arn:aws:iam::111122223333:role/r',
  }),
  'both APIs called': `import boto3
sm = boto3.client("sagemaker")
sm.create_auto_ml_job(AutoMLJobName="old-way", RoleArn="arn:aws:iam::111122223333:role/r")
sm.create_auto_ml_job_v2(AutoMLJobName="new-way", RoleArn="arn:aws:iam::111122223333:role/r")`,
  'prose': 'please make me a job',
  'empty': '',
};

test('every export, fixture text and paste imports as automl-job import reads it', () => {
  const inputs = [];
  for (const fixture of all) {
    inputs.push([`${fixture.name}.json`, fixture.text]);
    if (!fixture.name.startsWith('valid-') && !fixture.name.startsWith('v2-valid-')) continue;
    for (const target of TARGETS) inputs.push([`${fixture.name} as ${target}`, pkg.exportAs(fixture.text, target)]);
  }
  inputs.push(...Object.entries(PASTES));
  const dir = tempDir('automl-job-rules-imports-');
  const bodies = [];
  let refused = 0;
  for (const [name, text] of inputs) {
    const run = cli(['import', '-'], text);
    let imported;
    try {
      imported = pkg.importText(text);
    } catch (err) {
      assert.ok(err instanceof Error);
      assert.equal(run.status, 2, `${name}: the command imported what the package refused: ${err.message}`);
      const [, reason, line, column] = err.message.match(/^cannot import the text: (.*) \(line (\d+), column (\d+)\)$/s) ?? [];
      assert.ok(reason, `${name}: ${err.message}`);
      assert.equal(run.stderr, `error: cannot import <stdin>: ${reason}\n  --> <stdin>:${line}:${column}\n`, name);
      assert.deepEqual([err.line, err.column], [Number(line), Number(column)]);
      refused += 1;
      continue;
    }
    assert.notEqual(run.status, 2, `${name}: the command refused it: ${run.stderr}`);
    assert.equal(imported.json, run.stdout, name);
    assert.deepEqual(imported.request, JSON.parse(run.stdout), name);
    for (const note of imported.notes) assert.ok(run.stderr.includes(`note: ${note}\n`), `${name}: ${note}`);
    assert.equal(imported.notes.length, (run.stderr.match(/^note: /gm) ?? []).length, name);
    assert.equal(run.status === 0, !imported.diagnostics.some((d) => d.severity === 'error'), name);
    const file = path.join(dir, `${bodies.length}.json`);
    fs.writeFileSync(file, run.stdout);
    bodies.push({ name, file, text, imported });
  }
  assert.ok(refused >= 3 && bodies.length >= 100, `${refused} refused, ${bodies.length} imported`);
  // The findings are the command's (`import --format json`): the request checked as read,
  // holes first, each placed in the text as pasted.
  for (const { name, text, imported } of bodies) {
    const run = cli(['import', '--format', 'json', '-'], text);
    assert.equal(JSON.parse(run.stdout).api, imported.api === 'v2' ? 'CreateAutoMLJobV2' : 'CreateAutoMLJob', name);
    const expected = JSON.parse(run.stdout).diagnostics.map((d) => ({
      severity: d.severity,
      code: d.code,
      path: d.path,
      message: d.message,
      serviceMessage: d.service_message,
      cliMessage: d.cli_message,
      line: d.line ?? null,
      column: d.column ?? null,
    }));
    const actual = imported.diagnostics.map(({ related, ...d }) => d);
    assert.deepEqual(actual, expected, name);
  }
  const region = pkg.importText(PASTES['command with --region']);
  assert.deepEqual(region.leftOut, ['--region eu-west-1']);
  const described = pkg.importText(PASTES['describe output']);
  assert.deepEqual(described.leftOut, ['AutoMLJobArn', 'AutoMLJobStatus']);
  assert.equal(described.notes.length, 3);
  // V2: read as V2, said in the result and the first note.
  for (const name of ['V2 command in shorthand', 'V2 boto3 program with holes', 'V2 describe output']) {
    const v2 = pkg.importText(PASTES[name]);
    assert.equal(v2.api, 'v2', name);
    assert.match(v2.notes[0], /^read as a CreateAutoMLJobV2 request/, name);
  }
  const holes = pkg.importText(PASTES['V2 boto3 program with holes']).diagnostics.filter((d) => d.code === 'runtime-value');
  assert.deepEqual(holes.map((d) => d.path), ['/AutoMLJobInputDataConfig/0/DataSource/S3DataSource/S3Uri', '/OutputDataConfig/S3OutputPath', '/RoleArn']);
  const both = pkg.importText(PASTES['both APIs called']);
  assert.equal(both.api, 'v1');
  assert.ok(both.diagnostics.some((d) => d.code === 'other-api-call' && d.line === 4), JSON.stringify(both.diagnostics));
});

test('exportAs with api: what automl-job export --api prints', () => {
  const dir = tempDir('automl-job-rules-api-');
  const bare = '{"AutoMLJobName": "churn", "RoleArn": "arn:aws:iam::111122223333:role/r"}';
  const file = path.join(dir, 'bare.json');
  fs.writeFileSync(file, bare);
  for (const api of ['v1', 'v2']) {
    for (const target of TARGETS) {
      const run = cli(['export', '--to', target, '--allow-invalid', '--api', api, file]);
      assert.equal(run.status, 0, run.stderr);
      assert.equal(pkg.exportAs(bare, target, { api, allowInvalid: true }), run.stdout, `${api} ${target}`);
    }
  }
  assert.match(pkg.exportAs(bare, 'cli', { api: 'v2', allowInvalid: true }), /^aws sagemaker create-auto-ml-job-v2 \\\n/);
  assert.match(pkg.exportAs(bare, 'boto3', { api: 'v2', allowInvalid: true }), /client\.create_auto_ml_job_v2\(\n/);
  // Told from the members, and from an imported V2 command.
  const v2 = fixtures().find((f) => f.name === 'v2-valid-time-series');
  assert.match(pkg.exportAs(v2.text, 'cmd'), /call aws sagemaker create-auto-ml-job-v2 --cli-input-json/);
  assert.match(pkg.exportAs(PASTES['V2 command in shorthand'], 'cli-input-json'), /^aws sagemaker create-auto-ml-job-v2 \\\n/);
});
