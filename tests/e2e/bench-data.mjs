// The page's data preflight speed (issue 13), run by scripts/bench-preflight.sh: prints
// figures, asserts nothing about time. Serves the release build (dist/) on loopback, opens it
// in Debian's headless Chromium, gives "Check my data" the file named on the command line
// for a one-channel request whose target is `churn`, and prints the time from choosing the
// file to the panel's verdict, and MB/s; and the CPU time the browser's processes used
// meanwhile (all of Chromium's processes under this one, from /proc: user + system), the
// steadier figure on a shared machine, as the native run's CPU time is.
//
// usage: node tests/e2e/bench-data.mjs FILE.csv
import fs from 'node:fs';
import path from 'node:path';
import { serve } from './server.mjs';
import { launch, open } from './browser.mjs';

const DIST = process.env.DIST || path.resolve('dist');
const file = process.argv[2];
if (!file || !fs.existsSync(file)) {
  console.error('usage: node tests/e2e/bench-data.mjs FILE.csv');
  process.exit(2);
}
const size = fs.statSync(file).size;
const request = {
  AutoMLJobName: 'churn-bench',
  InputDataConfig: [{ DataSource: { S3DataSource: { S3DataType: 'S3Prefix', S3Uri: 's3://bucket/train/' } }, TargetAttributeName: 'churn' }],
  OutputDataConfig: { S3OutputPath: 's3://bucket/out/' },
  RoleArn: 'arn:aws:iam::123456789012:role/autopilot',
};
/** CPU seconds (user + system) used so far by every process under this one (Linux /proc). */
function treeCpu() {
  const parent = new Map();
  const ticks = new Map();
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${entry}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      parent.set(Number(entry), Number(fields[1]));
      ticks.set(Number(entry), Number(fields[11]) + Number(fields[12]));
    } catch {
      // The process ended meanwhile.
    }
  }
  let sum = 0;
  for (const [pid, t] of ticks) {
    for (let p = parent.get(pid); p; p = parent.get(p)) {
      if (p === process.pid) {
        sum += t;
        break;
      }
    }
  }
  return sum / 100; // USER_HZ is 100 on Linux
}

const server = await serve(DIST, { prefix: '/' });
const b = await launch(server.origin);
try {
  await open(b.page, server.url);
  await b.page.fill('#import-text', JSON.stringify(request));
  await b.page.click('#import-button');
  await b.page.waitForSelector('#data-file-0');
  // Load the worker first (a small file), so the figure is the reading alone.
  await b.page.setInputFiles('#data-file-0', { name: 'warm.csv', mimeType: 'text/csv', buffer: Buffer.from('a,churn\n1,x\n') });
  await b.page.waitForSelector('#data-channel-0 .data-head');
  const cpu0 = treeCpu();
  const t0 = Date.now();
  await b.page.setInputFiles('#data-file-0', file);
  await b.page.waitForFunction((name) => document.querySelector('#data-channel-0 .data-head')?.textContent.startsWith(name), path.basename(file), { timeout: 600000, polling: 50 });
  const seconds = (Date.now() - t0) / 1000;
  const cpu = treeCpu() - cpu0;
  const head = await b.page.locator('#data-channel-0 .data-head').textContent();
  console.log(`${(size / 1e6).toFixed(0)} MB in the page: ${seconds.toFixed(2)} s, ${(size / 1e6 / seconds).toFixed(1)} MB/s; browser CPU ${cpu.toFixed(2)} s, ${(size / 1e6 / cpu).toFixed(1)} CPU MB/s (${head.trim()})`);
  if (b.errors.length || b.offsite.length) console.log('errors:', b.errors, 'off-site:', b.offsite);
} finally {
  await b.close();
  await server.close();
}
