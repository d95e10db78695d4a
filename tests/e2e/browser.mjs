// Debian's Chromium driven by playwright-core: never a downloaded browser, a fresh profile
// per launch, no background traffic. Every request to a host other than the page's own is
// recorded (and refused): the page must make none.
import os from 'node:os';
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const tools = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../../tools/node_modules');
const { chromium } = require(path.join(tools, 'playwright-core'));

export const AXE_SOURCE = fs.readFileSync(path.join(tools, 'axe-core/axe.min.js'), 'utf8');

export const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';
export const ARGS = [
  '--headless=new', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-quic',
  '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync',
];

/**
 * A browser context with a fresh profile. `origin` is the page's own origin; requests to any
 * other are aborted and listed in `offsite`. Console errors and page errors are collected.
 * The page's service worker (dist/sw.js) is blocked unless `serviceWorkers: 'allow'`
 * (tests/e2e/offline.test.mjs): requests a service worker answers bypass page.route, with
 * which the other tests hold back or refuse what the page loads on demand. With
 * `abortOffsite: false` requests to other hosts are only listed (and the test fails on them),
 * not routed: routing turns the browser's HTTP cache off, which the service worker's first
 * visit keeps its copies from.
 */
export async function launch(origin, { viewport = { width: 1280, height: 900 }, colorScheme = 'light', permissions = [], serviceWorkers = 'block', abortOffsite = true } = {}) {
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'automl-web-profile-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    args: ARGS,
    headless: true,
    viewport,
    colorScheme,
    permissions,
    serviceWorkers,
  });
  const offsite = [];
  const errors = [];
  const own = (url) => url.startsWith(origin + '/') || url.startsWith('blob:') || url.startsWith('data:');
  if (abortOffsite) {
    await context.route('**/*', (route) => {
      const url = route.request().url();
      if (own(url)) return route.continue();
      offsite.push(url);
      return route.abort();
    });
  } else {
    context.on('request', (request) => { if (!own(request.url())) offsite.push(request.url()); });
  }
  const watch = (page) => {
    page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
    page.on('pageerror', (e) => errors.push(String(e)));
  };
  context.on('page', watch);
  context.pages().forEach(watch);
  const page = context.pages()[0] || (await context.newPage());
  return {
    context,
    page,
    offsite,
    errors,
    async close() {
      await context.close();
      fs.rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** Loads `url` and waits until the form's first field is there. */
export async function open(page, url) {
  await page.goto(url);
  await page.waitForSelector('[name="/AutoMLJobName"]', { timeout: 20000 });
}

/** The field editing `pointer`. */
export function field(page, pointer) {
  return page.locator(`[name="${pointer}"]`);
}
