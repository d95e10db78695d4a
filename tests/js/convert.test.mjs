// `convert` in the built package answers what `automl-job convert --to TO --format json`
// prints, for every fixture both ways: the same body, moves, left-out members and summary,
// the same check of the result; a request the command refuses (exit 2) is thrown, with the
// command's reason.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { asPackage, cli, fixtures, loadPackage } from './package.mjs';

const { pkg } = await loadPackage();

test('every fixture to v1 and to v2: what automl-job convert --format json answers', () => {
  let converted = 0;
  for (const fixture of fixtures()) {
    for (const to of ['v1', 'v2']) {
      const run = cli(['convert', '--to', to, '--format', 'json', fixture.file]);
      const answer = JSON.parse(run.stdout);
      const human = cli(['convert', '--to', to, fixture.file]);
      if (run.status === 2) {
        let thrown = null;
        try {
          pkg.convert(fixture.text, to);
        } catch (err) {
          thrown = err;
        }
        assert.ok(thrown instanceof Error, `${fixture.name} to ${to}: the command refused it`);
        if (answer.refused !== null) assert.equal(thrown.message, answer.refused);
        continue;
      }
      const got = pkg.convert(fixture.text, to);
      const name = `${fixture.name} to ${to}`;
      assert.equal(got.json, human.stdout, name);
      assert.deepEqual(got.request, answer.request, name);
      assert.equal(got.from, answer.from === 'CreateAutoMLJobV2' ? 'v2' : 'v1', name);
      assert.equal(got.to, to, name);
      assert.deepEqual(got.moved, answer.moved, name);
      assert.deepEqual(got.leftOut, answer.left_out, name);
      assert.deepEqual(got.unknown, answer.unknown, name);
      assert.deepEqual(got.summary, answer.summary, name);
      assert.deepEqual(got.check, asPackage(answer.check), name);
      assert.equal(got.check.valid, run.status === 0, name);
      converted += 1;
    }
  }
  assert.ok(converted >= 200, `${converted} conversions`);
});

test('a request given as an object converts as its JSON text does', () => {
  const request = {
    AutoMLJobName: 'churn',
    InputDataConfig: [{ DataSource: { S3DataSource: { S3DataType: 'S3Prefix', S3Uri: 's3://b/t/' } }, TargetAttributeName: 'y' }],
    AutoMLJobConfig: { Mode: 'ENSEMBLING', DataSplitConfig: { ValidationFraction: 0.2 } },
  };
  const got = pkg.convert(request, 'v2');
  assert.deepEqual(got, pkg.convert(JSON.stringify(request), 'v2'));
  assert.equal(got.request.AutoMLProblemTypeConfig.TabularJobConfig.TargetAttributeName, 'y');
  assert.equal(got.request.AutoMLProblemTypeConfig.TabularJobConfig.Mode, 'ENSEMBLING');
  assert.deepEqual(got.request.DataSplitConfig, { ValidationFraction: 0.2 });
  assert.deepEqual(pkg.convert(got.request, 'v1').request, request);
});

test('misuse is an Error that says what convert takes', () => {
  assert.throws(() => pkg.convert('{}', 'v3'), { message: 'convert needs the API to convert to: v1 or v2' });
  assert.throws(() => pkg.convert('{}'), { message: 'convert needs the API to convert to: v1 or v2' });
  assert.throws(() => pkg.convert(undefined, 'v2'), { message: 'convert needs a request: a JSON text or an object' });
  assert.throws(() => pkg.convert('{', 'v2'), /^Error: the request is not JSON: /);
  assert.throws(
    () => pkg.convert({ AutoMLJobInputDataConfig: [], AutoMLProblemTypeConfig: { TextGenerationJobConfig: {} } }, 'v1'),
    /no place for text generation/,
  );
});
