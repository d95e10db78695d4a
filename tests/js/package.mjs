// The built package as its users get it: `npm pack target/js` (what `npm publish` would
// upload), installed offline into a fresh project that imports it by name,
// `import ... from "automl-job-rules"`. Also the `automl-job` command the answers are held
// to, and the fixture requests of crates/rules.
//
// Needs scripts/build-js.sh (target/js) and `cargo build -p automl-job` (target/debug), as
// scripts/test-js.sh runs them; AUTOML_JOB names another automl-job binary.
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

export const ROOT = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../..');
export const BUILT = path.join(ROOT, 'target/js');
export const FIXTURES = path.join(ROOT, 'crates/rules/tests/fixtures');
export const CLI = process.env.AUTOML_JOB || path.join(ROOT, 'target/debug/automl-job');
export const TARGETS = ['json', 'cli', 'cli-input-json', 'powershell', 'cmd', 'boto3'];

/** A fresh temporary directory, removed when the process exits. */
export function tempDir(prefix) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  process.on('exit', () => fs.rmSync(dir, { recursive: true, force: true }));
  return dir;
}

/**
 * Installs the built package into a fresh project (offline: the tarball has no dependencies)
 * and returns the project's directory; its `entry.mjs` imports the package by name.
 */
export function installPackage() {
  if (!fs.existsSync(path.join(BUILT, 'package.json'))) {
    throw new Error('target/js is not built: run scripts/build-js.sh');
  }
  const dir = tempDir('automl-job-rules-user-');
  const npm = (args, cwd) =>
    execFileSync('npm', [...args, '--offline', '--no-audit', '--no-fund', '--loglevel=error'], {
      cwd,
      encoding: 'utf8',
      env: { ...process.env, npm_config_update_notifier: 'false' },
    });
  const tarball = npm(['pack', BUILT, '--pack-destination', dir, '--silent'], dir).trim().split('\n').pop();
  fs.writeFileSync(
    path.join(dir, 'package.json'),
    JSON.stringify({ name: 'user-project', private: true, type: 'module', dependencies: { 'automl-job-rules': `file:./${tarball}` } }),
  );
  npm(['install'], dir);
  fs.writeFileSync(
    path.join(dir, 'entry.mjs'),
    `export * from "automl-job-rules";\nexport { default } from "automl-job-rules";\n` +
      `import { createRequire } from "node:module";\n` +
      `export const WASM = createRequire(import.meta.url).resolve("automl-job-rules/automl_job_rules_bg.wasm");\n`,
  );
  return dir;
}

/**
 * The package, installed and initialised as a Node user would: `initSync({ module: bytes })`
 * (or, with `{ via: 'init' }`, `await init({ module_or_path: bytes })`).
 */
export async function loadPackage({ via = 'initSync' } = {}) {
  const dir = installPackage();
  const pkg = await import(pathToFileURL(path.join(dir, 'entry.mjs')).href);
  const bytes = fs.readFileSync(pkg.WASM);
  if (via === 'initSync') pkg.initSync({ module: bytes });
  else await pkg.default({ module_or_path: bytes });
  return { pkg, dir };
}

/** Runs `automl-job ARGS` with `input` on standard input: {status, stdout, stderr}. */
export function cli(args, input = '') {
  if (!fs.existsSync(CLI)) throw new Error(`${CLI} is missing: run cargo build -p automl-job`);
  const run = spawnSync(CLI, args, { input, encoding: 'utf8', maxBuffer: 64 << 20 });
  // A command that stops before reading its input (a wrong option) closes the pipe: EPIPE.
  if (run.error && run.error.code !== 'EPIPE') throw run.error;
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

/** `automl-job check --format json FILES...`, one parsed report per file. */
export function cliCheck(files) {
  const run = cli(['check', '--format', 'json', '--', ...files]);
  const lines = run.stdout.split('\n').filter(Boolean).map((line) => JSON.parse(line));
  if (lines.length !== files.length) throw new Error(`automl-job check gave ${lines.length} reports for ${files.length} files:\n${run.stderr}`);
  return lines;
}

/** The command's report in the package's shape; `placed: false` drops lines and columns. */
export function asPackage(report, { placed = true } = {}) {
  return {
    valid: report.valid,
    // The command names the operation (null for a text it could not read: checked as V1).
    api: report.api === 'CreateAutoMLJobV2' ? 'v2' : 'v1',
    diagnostics: report.diagnostics.map((d) => ({
      severity: d.severity,
      code: d.code,
      path: d.path,
      message: d.message,
      serviceMessage: d.service_message,
      cliMessage: d.cli_message,
      related: d.related ?? [],
      line: placed ? (d.line ?? null) : null,
      column: placed ? (d.column ?? null) : null,
    })),
    serviceResponse: report.service_response,
    cliResponse: report.cli_response,
  };
}

/** Every fixture request: [{name, file, text}], in name order. */
export function fixtures() {
  return fs
    .readdirSync(FIXTURES)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => ({ name: f.slice(0, -5), file: path.join(FIXTURES, f), text: fs.readFileSync(path.join(FIXTURES, f), 'utf8') }));
}

/** The ```js blocks of the README's section on the package: [page, node]. */
export function readmeExamples() {
  const readme = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8');
  const section = readme.split('\n## The JavaScript package\n')[1]?.split('\n## ')[0] ?? '';
  const blocks = [...section.matchAll(/```js\n(.*?)```/gs)].map((m) => m[1]);
  if (blocks.length !== 2 || !blocks[0].includes('await init()') || !blocks[1].includes('initSync(')) {
    throw new Error('the README shows the package in a page (await init()) and in Node (initSync)');
  }
  return blocks;
}
