// The release build, loaded in a real browser from a sub-path: the page mounts, the first
// field is visible, nothing is logged as an error (a broken wasm-opt or a CSP violation
// shows up here), every URL is relative and nothing goes to another host.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { serve } from './server.mjs';
import { launch, open, field } from './browser.mjs';

const DIST = process.env.DIST || path.resolve('dist');
let server;

before(async () => {
  assert.ok(fs.existsSync(path.join(DIST, 'index.html')), `no ${DIST}/index.html: run scripts/build-page.sh`);
  server = await serve(DIST, { prefix: '/some/sub/path/' });
});
after(() => server.close());

test('the release page mounts from a sub-path without errors or off-site requests', async () => {
  const b = await launch(server.origin);
  try {
    await open(b.page, server.url);
    assert.ok(await field(b.page, '/AutoMLJobName').isVisible());
    assert.equal(await b.page.locator('h1').textContent(), 'CreateAutoMLJob request');
    assert.deepEqual(b.errors, []);
    assert.deepEqual(b.offsite, []);
    for (const url of server.requests) assert.ok(url.startsWith('/some/sub/path/'), url);
  } finally {
    await b.close();
  }
});

test('the page has a CSP without unsafe-inline and no inline script', async () => {
  const html = fs.readFileSync(path.join(DIST, 'index.html'), 'utf8');
  const csp = html.match(/http-equiv="Content-Security-Policy" content="([^"]+)"/);
  assert.ok(csp, 'a CSP meta tag');
  assert.doesNotMatch(csp[1], /'unsafe-inline'|'unsafe-eval'/);
  assert.match(csp[1], /script-src 'self' 'wasm-unsafe-eval'/);
  assert.doesNotMatch(html, /<script(?![^>]*\bsrc=)[^>]*>/, 'no inline script');
  // The browser enforces it: an inline script injected into the page is refused.
  const b = await launch(server.origin);
  try {
    await open(b.page, server.url);
    const ran = await b.page.evaluate(() => {
      const s = document.createElement('script');
      s.textContent = 'window.__inline_ran = true';
      document.body.appendChild(s);
      return window.__inline_ran === true;
    });
    assert.equal(ran, false, 'inline script must be blocked');
  } finally {
    await b.close();
  }
});
