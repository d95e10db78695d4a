// The package's TypeScript definitions describe what it returns: tests/js/example.ts, which
// uses every function, is checked with `tsc --noEmit --strict` against the .d.ts of the
// installed package (typescript from tools/node_modules), and its `@ts-expect-error` lines
// must all be errors.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { ROOT, installPackage, loadPackage } from './package.mjs';

const TSC = path.join(ROOT, 'tools/node_modules/.bin/tsc');

test('tsc --noEmit --strict accepts the example that uses every function', () => {
  assert.ok(fs.existsSync(TSC), `${TSC} is missing: run scripts/setup.sh`);
  const dir = installPackage();
  const types = fs.readFileSync(path.join(dir, 'node_modules/automl-job-rules/automl_job_rules.d.ts'), 'utf8');
  // Everything before wasm-bindgen's start-up declarations (whose raw exports are `any`).
  const api = types.slice(0, types.indexOf('export type InitInput'));
  assert.match(api, /export function check\(request: object \| string, options\?: CheckOptions\): CheckResult;/);
  assert.doesNotMatch(api, /\bany\b/, 'the definitions say any');
  fs.copyFileSync(path.join(ROOT, 'tests/js/example.ts'), path.join(dir, 'example.ts'));
  fs.writeFileSync(
    path.join(dir, 'tsconfig.json'),
    JSON.stringify({
      compilerOptions: {
        strict: true,
        noEmit: true,
        target: 'es2022',
        module: 'nodenext',
        moduleResolution: 'nodenext',
        lib: ['es2022', 'dom'],
        types: [],
        noUnusedLocals: true,
        exactOptionalPropertyTypes: true,
      },
      files: ['example.ts'],
    }),
  );
  const run = spawnSync(process.execPath, [TSC, '-p', dir], { encoding: 'utf8' });
  assert.equal(run.status, 0, `tsc:\n${run.stdout}${run.stderr}`);
  // The checker is not vacuous: a misuse without its @ts-expect-error is an error.
  fs.writeFileSync(path.join(dir, 'example.ts'), 'import { exportAs } from "automl-job-rules";\nexportAs("{}", "yaml");\n');
  const bad = spawnSync(process.execPath, [TSC, '-p', dir], { encoding: 'utf8' });
  assert.notEqual(bad.status, 0);
  assert.match(bad.stdout, /"yaml"/);
});

test('the interfaces of the definitions name exactly the members of the values', async () => {
  const { pkg, dir } = await loadPackage();
  const types = fs.readFileSync(path.join(dir, 'node_modules/automl-job-rules/automl_job_rules.d.ts'), 'utf8');
  const members = (name) => {
    const body = types.match(new RegExp(`export interface ${name}(?: extends \\w+)? \\{(.*?)\\n\\}`, 's'))?.[1];
    assert.ok(body, `interface ${name}`);
    return [...body.matchAll(/^\s+(\w+)\??:/gm)].map((m) => m[1]).sort();
  };
  const checked = pkg.check('{"AutoMLJobName": "my_job", "ProblemType": "Regression", "AutoMLJobObjective": {"MetricName": "F1"}}');
  assert.deepEqual(Object.keys(checked).sort(), members('CheckResult'));
  assert.ok(checked.diagnostics.some((d) => d.related.length > 0 && d.line !== null));
  for (const d of checked.diagnostics) assert.deepEqual(Object.keys(d).sort(), members('Diagnostic'));
  const imported = pkg.importText('aws sagemaker create-auto-ml-job --region eu-west-1 --auto-ml-job-name churn');
  assert.deepEqual(Object.keys(imported).sort(), members('ImportResult'));
  try {
    pkg.importText('aws sagemaker create-auto-ml-job --role-arn "unclosed');
    assert.fail('importText refuses a quote never closed');
  } catch (err) {
    assert.deepEqual(Object.keys(err).sort(), members('ImportError'));
  }
  const converted = pkg.convert('{"AutoMLJobName": "j", "InputDataConfig": [{"TargetAttributeName": "y"}, {"TargetAttributeName": "z"}], "roleArn": "r"}', 'v2');
  assert.deepEqual(Object.keys(converted).sort(), members('ConvertResult'));
  assert.deepEqual(Object.keys(converted.moved[0]).sort(), members('Moved'));
  assert.deepEqual(Object.keys(converted.unknown[0]).sort(), members('Moved'));
  assert.deepEqual(Object.keys(converted.leftOut[0]).sort(), members('LeftOut'));
  assert.deepEqual(members('CheckOptions'), ['api']);
  assert.deepEqual(members('ExportOptions'), ['allowInvalid', 'api']);
});
