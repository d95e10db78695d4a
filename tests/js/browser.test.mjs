// The built package in Debian's headless Chromium, as a page without a bundler uses it: an
// import map names "automl-job-rules", `await init()` fetches the wasm beside the module,
// and `check`, `importText` and `exportAs` give the answers they give in Node on every
// fixture. Nothing is requested from any other host.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { launch } from '../e2e/browser.mjs';
import { serve } from '../e2e/server.mjs';
import { fixtures, loadPackage, readmeExamples } from './package.mjs';

const { pkg, dir } = await loadPackage();

test('the package in a page: the same answers as in Node', async () => {
  fs.writeFileSync(
    path.join(dir, 'index.html'),
    `<!doctype html><meta charset="utf-8"><title>automl-job-rules</title>
<script type="importmap">{"imports": {"automl-job-rules": "./node_modules/automl-job-rules/automl_job_rules.js"}}</script>
<script type="module">
import init, { check, importText, exportAs } from "automl-job-rules";
await init();
window.rules = { check, importText, exportAs };
</script>`,
  );
  const server = await serve(dir);
  const browser = await launch(server.origin);
  try {
    await browser.page.goto(server.url);
    await browser.page.waitForFunction(() => window.rules !== undefined, null, { timeout: 20000 });
    const all = fixtures();
    const inPage = await browser.page.evaluate((texts) =>
      texts.map((text) => {
        const answer = { checked: window.rules.check(text), object: null, exported: null, imported: null };
        try { answer.object = window.rules.check(JSON.parse(text)); } catch { /* not JSON to JavaScript */ }
        try { answer.exported = window.rules.exportAs(text, 'cli-input-json', { allowInvalid: true }); } catch (e) { answer.exported = `Error: ${e.message}`; }
        try { answer.imported = window.rules.importText(text); } catch (e) { answer.imported = `Error: ${e.message} ${e.line}:${e.column}`; }
        return answer;
      }), all.map((f) => f.text));
    for (const [i, fixture] of all.entries()) {
      const inNode = inPage[i];
      assert.deepEqual(inNode.checked, pkg.check(fixture.text), fixture.name);
      let object = null;
      try { object = pkg.check(JSON.parse(fixture.text)); } catch { /* as in the page */ }
      assert.deepEqual(inNode.object, object, fixture.name);
      let exported;
      try { exported = pkg.exportAs(fixture.text, 'cli-input-json', { allowInvalid: true }); } catch (e) { exported = `Error: ${e.message}`; }
      assert.equal(inNode.exported, exported, fixture.name);
      let imported;
      try { imported = pkg.importText(fixture.text); } catch (e) { imported = `Error: ${e.message} ${e.line}:${e.column}`; }
      assert.deepEqual(inNode.imported, imported, fixture.name);
    }
    // The README's page example, as written, answers as the package does in Node.
    const [example] = readmeExamples();
    fs.writeFileSync(
      path.join(dir, 'readme.html'),
      `<!doctype html><meta charset="utf-8"><title>README</title>
<script type="importmap">{"imports": {"automl-job-rules": "./node_modules/automl-job-rules/automl_job_rules.js"}}</script>
<script type="module">\n${example}\nwindow.readme = { valid, diagnostics };\n</script>`,
    );
    await browser.page.goto(new URL('readme.html', server.url).href);
    await browser.page.waitForFunction(() => window.readme !== undefined, null, { timeout: 20000 });
    const { valid, diagnostics } = pkg.check('{"AutoMLJobName": "my_job"}');
    assert.deepEqual(await browser.page.evaluate(() => window.readme), { valid, diagnostics });
    assert.equal(valid, false);
    assert.deepEqual(browser.errors, []);
    assert.deepEqual(browser.offsite, []);
    assert.ok(server.requests.some((url) => url.endsWith('automl_job_rules_bg.wasm')));
  } finally {
    await browser.close();
    await server.close();
  }
});
