// `check` in the built package gives `automl-job check --format json`'s answer on every
// fixture of crates/rules: the same verdict, the same findings with the same lines and
// columns, the same service and AWS CLI responses. A request given as an object is read as
// `JSON.stringify` writes it: its answer is the command's on that text, without places.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { asPackage, cliCheck, fixtures, loadPackage, tempDir } from './package.mjs';

const { pkg } = await loadPackage();
const all = fixtures();

test('the fixtures are all there', () => {
  assert.ok(all.length >= 100, `only ${all.length} fixtures`);
  assert.ok(all.some((f) => f.name.startsWith('valid-')));
});

test('every fixture as a JSON text: the same answer as automl-job check --format json', () => {
  const reports = cliCheck(all.map((f) => f.file));
  let valid = 0;
  for (const [i, fixture] of all.entries()) {
    const expected = asPackage(reports[i]);
    const actual = pkg.check(fixture.text);
    assert.deepEqual(actual, expected, fixture.name);
    // The verdicts the fixture names promise, so a shared mistake cannot pass unseen.
    if (fixture.name.startsWith('valid-')) assert.equal(actual.valid, true, fixture.name);
    if (actual.valid) valid += 1;
    // Without api the package tells the operation from the members, as the command does
    // without --api; naming the one it told gives the same answer.
    if (fixture.name.startsWith('v2-')) assert.equal(actual.api, 'v2', fixture.name);
    assert.deepEqual(pkg.check(fixture.text, { api: actual.api }), actual, `${fixture.name}: api ${actual.api}`);
  }
  assert.ok(valid >= 20 && valid < all.length, `${valid} valid fixtures`);
});

test('every fixture JSON.parse reads, as an object: the command on JSON.stringify of it, without places', () => {
  const dir = tempDir('automl-job-rules-objects-');
  const objects = [];
  for (const fixture of all) {
    let object;
    try {
      object = JSON.parse(fixture.text);
    } catch {
      continue; // not JSON to JavaScript either (syntax, a byte order mark)
    }
    const file = path.join(dir, `${fixture.name}.json`);
    fs.writeFileSync(file, JSON.stringify(object));
    objects.push({ fixture, object, file });
  }
  assert.ok(objects.length >= 90, `${objects.length} fixtures read as objects`);
  const reports = cliCheck(objects.map((o) => o.file));
  for (const [i, { fixture, object }] of objects.entries()) {
    const actual = pkg.check(object);
    assert.deepEqual(actual, asPackage(reports[i], { placed: false }), fixture.name);
    assert.ok(actual.diagnostics.every((d) => d.line === null && d.column === null));
  }
});

test('a text over 4 MiB is unreadable, as the command says of such a file', () => {
  const big = JSON.stringify({ AutoMLJobName: 'x'.repeat(4 * 1024 * 1024) });
  const dir = tempDir('automl-job-rules-big-');
  const file = path.join(dir, 'big.json');
  fs.writeFileSync(file, big);
  const [report] = cliCheck([file]);
  const actual = pkg.check(big);
  assert.equal(actual.valid, false);
  assert.equal(actual.diagnostics.length, 1);
  assert.equal(report.diagnostics[0].code, 'unreadable');
  assert.equal(actual.diagnostics[0].code, 'unreadable');
  // The command names the file where the package says "the text".
  assert.equal(actual.diagnostics[0].message, report.diagnostics[0].message.replace(file, 'the text'));
  // Longer strings are measured without being copied in whole, surrogate pairs and all.
  // ('a' first: the 1 MiB pieces end inside a pair.)
  const huge = pkg.check('a' + '😀'.repeat(2 * 1024 * 1024) + 'é'.repeat(1024 * 1024));
  assert.equal(huge.diagnostics[0].message, 'the text is too large: 10485761 bytes, the limit is 4194304 bytes');
});

test('a string with a lone surrogate, which no UTF-8 file holds, is unreadable at its place', () => {
  const actual = pkg.check('{\n  "AutoMLJobName": "a\uD800b"\n}');
  assert.equal(actual.valid, false);
  assert.deepEqual(
    actual.diagnostics.map((d) => [d.code, d.line, d.column]),
    [['unreadable', 2, 22]],
  );
  // Written as a \u escape (as JSON.stringify writes it), it is a warning the command gives too.
  const escaped = pkg.check({ AutoMLJobName: 'a\uD800b' });
  assert.ok(escaped.diagnostics.some((d) => d.code === 'lone-surrogate' && d.severity === 'warning'));
});
