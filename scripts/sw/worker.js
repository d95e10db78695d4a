// dist/sw.js, the page's service worker: the page works offline, with what loads on demand.
// Hand-written (scripts/sw/worker.js; scripts/write-sw.py writes it into dist/ with the build's
// manifest, and the start-up script registers it): no library has our manifest.
//
// Which of dist/'s files a first visit loads and which load on first use (issue 14's splits)
// is the build's manifest below. What the worker does (dist/sw.js keeps only the lines above):
// - install: keep what a first visit already loaded (START), from the HTTP cache where the host
//   lets the browser keep it ('force-cache'), so that a first visit costs no second download;
// - activate: delete this page's caches of other builds, and take control (clients.claim), so
//   the files the page fetches later in the same visit are kept as they are used;
// - fetch: only same-origin GETs: a file of the manifest from the cache first (the cache is
//   this build's, and most names are content-hashed), the page itself (a navigation to
//   index.html) from the network first, the kept copy when offline; nothing else is touched;
// - messages from the page: "loaded" (what it fetched before this worker controlled it) is
//   kept from the HTTP cache; "fill" (sent at idle by a page this worker controlled from its
//   start: a returning visitor, and again when a new build's worker takes control of such a
//   page) fetches the rest of the manifest, so everything works offline.
const VERSION = ""; // MANIFEST: a hash of the files' names and contents
const START = []; // MANIFEST: what a first visit loads, "./" being index.html
const LATER = []; // MANIFEST: what loads on first use
const BASE = new URL("./", self.location);
// This page's caches at this path (another copy of the page on the same host has its own).
const PREFIX = `automl-job ${BASE.pathname} `;
const CACHE = PREFIX + VERSION;
const PAGE = BASE.href;
const FILES = new Set([...START, ...LATER].filter((f) => f !== "./").map((f) => new URL(f, BASE).href));

// This build's cache; null once a newer build's worker has deleted it, which a worker still
// finishing its work must not make again (the install makes it).
async function ours() {
  return (await caches.has(CACHE)) ? caches.open(CACHE) : null;
}

// One file into the cache unless it is there; failures (offline, gone) are left for its next use.
async function keep(cache, url, mode) {
  if (await cache.match(url)) return;
  try {
    const response = await fetch(url, { cache: mode });
    if (response.status === 200) await cache.put(url, response);
  } catch (_) {}
}

self.addEventListener("install", (event) => {
  self.skipWaiting();
  event.waitUntil(caches.open(CACHE).then((cache) =>
    Promise.all(START.map((f) => keep(cache, new URL(f, BASE).href, "force-cache")))));
});

self.addEventListener("activate", (event) => {
  event.waitUntil((async () => {
    for (const name of await caches.keys()) {
      if (name !== CACHE && name.startsWith(PREFIX)) await caches.delete(name);
    }
    await self.clients.claim();
  })());
});

self.addEventListener("fetch", (event) => {
  const request = event.request;
  if (request.method !== "GET") return;
  const url = new URL(request.url);
  if (url.origin !== BASE.origin) return;
  if (request.mode === "navigate") {
    if (url.pathname === BASE.pathname || url.pathname === BASE.pathname + "index.html") {
      event.respondWith(page(event));
    }
  } else if (FILES.has(request.url)) {
    event.respondWith(file(event));
  }
});

async function page(event) {
  const cache = await ours();
  try {
    const response = await fetch(event.request);
    if (cache && response.status === 200) event.waitUntil(cache.put(PAGE, response.clone()));
    return response;
  } catch (error) {
    const kept = cache && (await cache.match(PAGE));
    if (kept) return kept;
    throw error;
  }
}

async function file(event) {
  const cache = await ours();
  const kept = cache && (await cache.match(event.request.url));
  if (kept) return kept;
  const response = await fetch(event.request);
  if (cache && response.status === 200) event.waitUntil(cache.put(event.request.url, response.clone()));
  return response;
}

// One message's work at a time (a "fill" after a "loaded" finds what that kept), each file
// after the last: at idle, behind whatever the page itself fetches.
let queue = Promise.resolve();
self.addEventListener("message", (event) => {
  const data = event.data || {};
  let urls, mode;
  if (data.type === "loaded" && Array.isArray(data.urls)) {
    urls = data.urls.filter((u) => FILES.has(u));
    mode = "force-cache";
  } else if (data.type === "fill" && !self.registration.installing && !self.registration.waiting) {
    // (A new build's worker on its way fills its own cache once it controls the page.)
    urls = [PAGE, ...FILES];
    mode = "no-cache";
  } else {
    return;
  }
  queue = queue.then(async () => {
    const cache = await ours();
    for (const url of cache ? urls : []) await keep(cache, url, mode);
  }).catch(() => {});
  event.waitUntil(queue);
});
