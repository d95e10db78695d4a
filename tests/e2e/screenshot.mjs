// `node tests/e2e/screenshot.mjs OUT.png [WIDTH] [dark] [script]`: a screenshot of the built
// page as a person sees it (for looking at the page, not a test). IMPORT=FILE imports a
// request first.
import path from 'node:path';
import { serve } from './server.mjs';
import { launch, open } from './browser.mjs';

const [out = 'page.png', width = '1280', scheme = 'light', action = ''] = process.argv.slice(2);
const server = await serve(process.env.DIST || path.resolve('dist'));
const b = await launch(server.origin, { viewport: { width: Number(width), height: 900 }, colorScheme: scheme });
try {
  await open(b.page, server.url);
  if (process.env.IMPORT) {
    await b.page.fill('#import-text', (await import('node:fs')).readFileSync(process.env.IMPORT, 'utf8'));
    await b.page.click('#import-button');
  }
  if (action) await new Function('page', `return (async () => { ${action} })()`)(b.page);
  await b.page.waitForTimeout(200);
  await b.page.screenshot({ path: out, fullPage: !process.env.CLIP, clip: process.env.CLIP ? JSON.parse(process.env.CLIP) : undefined });
  if (b.errors.length) console.error('console errors:', b.errors);
} finally {
  await b.close();
  await server.close();
}
