// What the built package throws: `Error` objects with the command's words, for every kind of
// wrong argument a caller can pass, and never a crash: after each, the module still answers.
// This file loads the package with `await init({ module_or_path: bytes })`; the others use
// `initSync`.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { TARGETS, cli, fixtures, loadPackage } from './package.mjs';

const { pkg } = await loadPackage({ via: 'init' });
const VALID = JSON.stringify({
  AutoMLJobName: 'churn',
  InputDataConfig: [{ DataSource: { S3DataSource: { S3DataType: 'S3Prefix', S3Uri: 's3://bucket/train/' } }, TargetAttributeName: 'y' }],
  OutputDataConfig: { S3OutputPath: 's3://bucket/out/' },
  RoleArn: 'arn:aws:iam::123456789012:role/service-role/AmazonSageMaker-ExecutionRole',
});

function throws(fn, message) {
  assert.throws(fn, (err) => {
    assert.ok(err instanceof Error, `threw ${String(err)}, not an Error`);
    if (message instanceof RegExp) assert.match(err.message, message);
    else assert.equal(err.message, message);
    return true;
  });
  // Nothing is left broken behind an error.
  assert.equal(pkg.check(VALID).valid, true);
}

test('an unknown export target: named with the choices, as automl-job export names them', () => {
  // The command's arguments are read by clap, which words it its own way: the value, the
  // option and the same list of targets.
  const run = cli(['export', '--to', 'yaml', fixtures()[0].file]);
  assert.equal(run.status, 2);
  assert.match(run.stderr, /^error: invalid value 'yaml' for '--to <TARGET>'/);
  assert.ok(run.stderr.includes(`[possible values: ${TARGETS.join(', ')}]`), run.stderr);
  throws(() => pkg.exportAs(VALID, 'yaml'), `unknown export target 'yaml': use one of ${TARGETS.join(', ')}`);
  throws(() => pkg.exportAs(VALID, 'JSON'), `unknown export target 'JSON': use one of ${TARGETS.join(', ')}`);
  throws(() => pkg.exportAs(VALID), `exportAs needs a target, one of: ${TARGETS.join(', ')}`);
  throws(() => pkg.exportAs(VALID, 3), `exportAs needs a target, one of: ${TARGETS.join(', ')}`);
});

test('an api other than v1 or v2 is refused, naming the choices', () => {
  throws(() => pkg.check(VALID, { api: 'v3' }), "unknown api 'v3': use v1 or v2");
  throws(() => pkg.check(VALID, { api: 'V1' }), "unknown api 'V1': use v1 or v2");
  throws(() => pkg.check(VALID, { api: 1 }), 'api must be a string: use v1 or v2');
  assert.equal(pkg.check(VALID, { api: undefined }).api, 'v1');
  assert.equal(pkg.check(VALID, null).api, 'v1');
  assert.equal(pkg.check(VALID, {}).api, 'v1');
});

test('options are objects with known members', () => {
  throws(() => pkg.check(VALID, { apiVersion: 'v1' }), "unknown option 'apiVersion': check takes api");
  throws(() => pkg.check(VALID, 'v1'), 'check\'s options must be an object, such as { api: "v1" }');
  throws(() => pkg.check(VALID, ['v1']), 'check\'s options must be an object, such as { api: "v1" }');
  throws(() => pkg.exportAs(VALID, 'json', { allow: true }), "unknown option 'allow': exportAs takes allowInvalid, api");
  throws(() => pkg.exportAs(VALID, 'json', { allowInvalid: 'yes' }), 'allowInvalid must be true or false');
  throws(() => pkg.exportAs(VALID, 'json', { api: 'v3' }), "unknown api 'v3': use v1 or v2");
  throws(() => pkg.exportAs(VALID, 'json', { api: 2 }), 'api must be a string: use v1 or v2');
  throws(() => pkg.exportAs(VALID, 'json', true), 'exportAs\'s options must be an object, such as { allowInvalid: true }');
  const getter = { get api() { throw new Error('no api for you'); } };
  throws(() => pkg.check(VALID, getter), 'no api for you');
});

test('what is no request: undefined, functions, symbols, cycles, BigInt', () => {
  throws(() => pkg.check(), 'check needs a request: a JSON text or an object');
  throws(() => pkg.check(() => 1), 'check needs a request: a JSON text or an object');
  throws(() => pkg.exportAs(Symbol('x'), 'json'), 'exportAs needs a request: a JSON text or an object');
  const cyclic = { AutoMLJobName: 'a' };
  cyclic.self = cyclic;
  throws(() => pkg.check(cyclic), /^the request cannot be written as JSON: .*circular/i);
  throws(() => pkg.check({ MaxCandidates: 10n }), /^the request cannot be written as JSON: .*BigInt/);
  // null, numbers and arrays are JSON: the checker says what is wrong with them.
  for (const value of [null, 5, [], 'null']) {
    const answer = pkg.check(value);
    assert.equal(answer.valid, false);
    assert.equal(answer.diagnostics[0].code, 'type', JSON.stringify(value));
  }
});

test('importText takes a string only, and says where it cannot read one', () => {
  for (const value of [undefined, null, 5, {}, ['aws']]) {
    throws(() => pkg.importText(value), 'importText needs a text: a JSON body, an AWS CLI command or a boto3 program, as a string');
  }
  // A value the shell gives is a hole, not a refusal; a command cut short is refused.
  const holed = pkg.importText('aws sagemaker create-auto-ml-job \\\n  --role-arn $ROLE');
  assert.equal(holed.request.RoleArn, '{$ROLE}');
  assert.ok(holed.diagnostics.some((d) => d.code === 'runtime-value' && d.line === 2 && d.column === 14));
  assert.throws(
    () => pkg.importText('aws sagemaker create-auto-ml-job \\\n  --role-arn "unclosed'),
    (err) => err instanceof Error && err.line === 2 && err.message.startsWith('cannot import the text: '),
  );
});

test('an invalid request is exported only when allowed, and a text that is not JSON never', () => {
  const invalid = VALID.replace('churn', 'my_job');
  throws(() => pkg.exportAs(invalid, 'cli'), /^not exporting a request the service would reject \(1 error, the first: AutoMLJobName may contain only .*\); fix the errors, or pass \{ allowInvalid: true \}$/);
  assert.match(pkg.exportAs(invalid, 'cli', { allowInvalid: true }), /--auto-ml-job-name 'my_job'/);
  throws(() => pkg.exportAs('{"AutoMLJobName": }', 'json', { allowInvalid: true }), /^not valid JSON: .* \(line 1, column 19\)$/);
});

test('mangled fixtures and pastes never crash the module: an answer or an Error, every time', () => {
  let seed = 0x9e3779b9;
  const next = (n) => {
    seed ^= seed << 13; seed ^= seed >>> 17; seed ^= seed << 5; seed >>>= 0;
    return seed % n;
  };
  const pieces = ['"', '{', '}', '[', ']', ',', ':', '\\', '\\u', 'null', '1e999', '-0', '\uD800', '\u2028', 'é', '😀', '\n', '$', '`', "'", 'aws sagemaker create-auto-ml-job --', 'create_auto_ml_job(', '**', 'f"{'];
  const texts = fixtures().map((f) => f.text);
  texts.push(pkg.exportAs(VALID, 'cli'), pkg.exportAs(VALID, 'boto3'), pkg.exportAs(VALID, 'powershell'), pkg.exportAs(VALID, 'cmd'));
  let calls = 0;
  for (const text of texts) {
    for (let round = 0; round < 6; round += 1) {
      const at = next(text.length + 1);
      const mangled = round % 3 === 0
        ? text.slice(0, at) // cut short
        : round % 3 === 1
          ? text.slice(0, at) + pieces[next(pieces.length)] + text.slice(at) // something inserted
          : text.slice(0, at) + text.slice(at + 1 + next(40)); // something taken out
      for (const call of [
        () => pkg.check(mangled),
        () => pkg.importText(mangled),
        () => pkg.exportAs(mangled, TARGETS[next(TARGETS.length)], { allowInvalid: true }),
        () => pkg.convert(mangled, next(2) ? 'v1' : 'v2'),
      ]) {
        calls += 1;
        try {
          call();
        } catch (err) {
          assert.ok(err instanceof Error && !(err instanceof WebAssembly.RuntimeError), `${String(err)} on ${JSON.stringify(mangled.slice(0, 200))}`);
        }
      }
    }
  }
  assert.ok(calls > 2400);
  assert.equal(pkg.check(VALID).valid, true);
});
