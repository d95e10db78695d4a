// A static file server on loopback for the built page, under any sub-path, recording every
// request it gets. Used by the end-to-end tests, scripts/serve.sh and scripts/bench-page.sh.
import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.wasm': 'application/wasm',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
};

/**
 * Serves `dir` at http://127.0.0.1:PORT{prefix}. Resolves to {url, requests, close()}.
 * `prefix` starts and ends with '/'. Every response says `Cache-Control: cacheControl`:
 * no-store unless told (each test's loads reach the server); tests/e2e/offline.test.mjs serves
 * with no-cache, as a static host that lets the browser keep its files does.
 */
export function serve(dir, { prefix = '/', port = 0, cacheControl = 'no-store' } = {}) {
  const root = path.resolve(dir);
  const requests = [];
  const server = http.createServer((req, res) => {
    requests.push(req.url);
    const url = new URL(req.url, 'http://127.0.0.1');
    if (!url.pathname.startsWith(prefix)) {
      res.writeHead(404).end('not found');
      return;
    }
    let rel = decodeURIComponent(url.pathname.slice(prefix.length)) || 'index.html';
    const file = path.resolve(root, rel);
    if (!file.startsWith(root + path.sep) || !fs.existsSync(file) || fs.statSync(file).isDirectory()) {
      res.writeHead(404).end('not found');
      return;
    }
    res.writeHead(200, {
      'content-type': TYPES[path.extname(file)] || 'application/octet-stream',
      'cache-control': cacheControl,
    });
    fs.createReadStream(file).pipe(res);
  });
  return new Promise((resolve) => {
    server.listen(port, '127.0.0.1', () => {
      const { port } = server.address();
      resolve({
        url: `http://127.0.0.1:${port}${prefix}`,
        origin: `http://127.0.0.1:${port}`,
        requests,
        close: () => new Promise((r) => server.close(r)),
      });
    });
  });
}

// `node tests/e2e/server.mjs DIR [PORT] [PREFIX]`: serve until stopped.
if (import.meta.url === `file://${process.argv[1]}`) {
  const [dir = 'dist', port = '8080', prefix = '/'] = process.argv.slice(2);
  const s = await serve(dir, { port: Number(port), prefix });
  console.log(s.url);
}
