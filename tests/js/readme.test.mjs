// The README's examples of the package run as written (so they cannot drift): the Node one
// here, in a project that installed the built package; the page one in Chromium
// (browser.test.mjs). Both are the ```js blocks of its "The JavaScript package" section.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { installPackage, loadPackage, readmeExamples } from './package.mjs';

test("the README's Node example runs and prints what the package finds", async () => {
  const [, node] = readmeExamples();
  assert.ok(node.split('\n').filter((l) => l && !l.startsWith('//')).length <= 10);
  const dir = installPackage();
  fs.writeFileSync(path.join(dir, 'readme.mjs'), node);
  const run = spawnSync(process.execPath, ['readme.mjs'], { cwd: dir, encoding: 'utf8' });
  assert.equal(run.status, 0, run.stderr);
  const { pkg } = await loadPackage();
  const { request, notes } = pkg.importText('aws sagemaker create-auto-ml-job --region eu-west-1 --auto-ml-job-name churn');
  const lines = pkg.check(request).diagnostics.map((d) => `${d.severity}[${d.code}] ${d.path}: ${d.message}`);
  assert.ok(lines.length >= 3);
  assert.equal(run.stdout, `${lines.join('\n')}\n${notes.join('\n')} ${pkg.exportAs(request, 'boto3', { allowInvalid: true })}\n`);
  assert.match(run.stdout, /^error\[required\] \/InputDataConfig: /m);
  assert.match(run.stdout, /left out --region eu-west-1/);
});
