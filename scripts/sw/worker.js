// dist/sw.js, the page's service worker: the page works offline, with what loads on demand.
// Hand-written (scripts/sw/worker.js; scripts/write-sw.py writes it into dist/ with the build's
// manifest, and the start-up script registers it): no library has our manifest.
//
// Which of dist/'s files a first visit loads and which load on first use (issue 14's splits)
// is the build's manifest below. What the worker does (dist/sw.js keeps only the lines above):
// - install: keep what a first visit already loaded (START), from the HTTP cache where the host
//   lets the browser keep it ('force-cache'), so that a first visit costs no second download;
//   index.html kept only when it names this build's start-up script (else asked of the server
//   again, 'no-cache'); a file that cannot be kept fails the install (an older build stays);
// - activate: mark this build's cache as one that took charge, delete this page's caches of
//   other builds but the one before it (the newest other so marked), and take
//   control (clients.claim), so the files the page fetches later in the same visit are kept as
//   they are used; the build before stays because a tab opened with it goes on running it
//   under this worker, and its chunks are files this build's manifest may not name (at most two
//   builds are kept: the third deletes the first);
// - fetch: only same-origin GETs: a file of the manifest from the cache first (the cache is
//   this build's, and most names are content-hashed), then, if content-hashed, from the build
//   before's, then the network; a content-hashed file of the page that the manifest does not name (the build
//   before's) from the build before's cache, else the network; the page itself (a navigation
//   to index.html) from the network first, the kept copy when offline; nothing else is touched;
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
// The mark a build's cache gets when its worker takes charge (no file of the page has this name).
const ACTIVATED = new URL("./.activated", BASE).href;
const FILES = new Set([...START, ...LATER].filter((f) => f !== "./").map((f) => new URL(f, BASE).href));
// A file of some build of the page, named by its content (start-HASH.js, split_v2-HASH.wasm...).
const HASHED = /^[\w.-]+-[0-9a-f]{16}(?:_bg)?\.(?:js|wasm|css)$/;

// The start-up script this build's index.html names: a page that does not name it is another
// build's (an HTTP cache may still hold one), and is never kept as this build's page.
const START_SCRIPT = START.find((f) => /^\.\/start-[0-9a-f]+\.js$/.test(f));

// This build's cache; null once a later build's worker has deleted it, which a worker still
// finishing its work must not make again (the install makes it), or when the browser's storage
// fails (then the network answers, as without a worker).
async function ours() {
  try {
    return (await caches.has(CACHE)) ? await caches.open(CACHE) : null;
  } catch (_) {
    return null;
  }
}

function hashed(url) {
  return url.startsWith(BASE.href) && HASHED.test(url.slice(BASE.href.length));
}

// A copy of `url` in another build's cache of this page (the build before's, which activate
// keeps), newest first; looked up by name, never opened: opening a cache that a newer build's
// worker has just deleted would make it again.
async function elsewhere(url) {
  try {
    for (const name of (await caches.keys()).reverse()) {
      if (name === CACHE || !name.startsWith(PREFIX)) continue;
      const copy = await caches.match(url, { cacheName: name });
      if (copy) return copy;
    }
  } catch (_) {}
  return undefined;
}

async function kept(cache, url) {
  try {
    return cache ? await cache.match(url) : undefined;
  } catch (_) {
    return undefined;
  }
}

// Whether `response` may be kept as `url` in this build's cache.
async function fits(url, response) {
  if (response.status !== 200) return false;
  if (url !== PAGE) return true;
  return !START_SCRIPT || (await response.clone().text()).includes(START_SCRIPT.slice(2));
}

// One file into the cache unless it is there: whether it is there now (failures, offline or
// gone, are left for its next use).
async function keep(cache, url, mode) {
  if (await kept(cache, url)) return true;
  try {
    const response = await fetch(url, { cache: mode });
    if (!(await fits(url, response))) return false;
    await cache.put(url, response);
    return true;
  } catch (_) {
    return false;
  }
}

// The install keeps what a first visit loaded, from the HTTP cache (the page itself asked of
// the server again when the HTTP cache holds another build's); one that cannot be kept fails
// the install, so an older build's worker and its whole cache stay in charge.
self.addEventListener("install", (event) => {
  self.skipWaiting();
  event.waitUntil(caches.open(CACHE).then(async (cache) => {
    const done = await Promise.all(START.map(async (f) => {
      const url = new URL(f, BASE).href;
      return (await keep(cache, url, "force-cache")) || (url === PAGE && keep(cache, url, "no-cache"));
    }));
    if (done.includes(false)) throw new Error("sw: a file of the first load could not be kept");
  }));
});

self.addEventListener("activate", (event) => {
  event.waitUntil((async () => {
    // This build's cache is marked as one that took charge. The build before this one is the
    // newest other cache so marked (the names come in the order the caches were made): a
    // cache whose worker could not install (a file missing from the host, the browser closed
    // meanwhile) ran no tab and is deleted with the older ones.
    try {
      await (await caches.open(CACHE)).put(ACTIVATED, new Response(""));
    } catch (_) {}
    const others = (await caches.keys()).filter((n) => n !== CACHE && n.startsWith(PREFIX));
    let before = null;
    for (const name of [...others].reverse()) {
      if (await caches.match(ACTIVATED, { cacheName: name })) {
        before = name;
        break;
      }
    }
    for (const name of others) if (name !== before) await caches.delete(name);
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
  } else if (hashed(url.href)) {
    event.respondWith(earlier(event));
  }
});

async function page(event) {
  const cache = await ours();
  try {
    const response = await fetch(event.request);
    if (cache && (await fits(PAGE, response))) {
      event.waitUntil(cache.put(PAGE, response.clone()).catch(() => {}));
    }
    return response;
  } catch (error) {
    const copy = await kept(cache, PAGE);
    if (copy) return copy;
    throw error;
  }
}

async function file(event) {
  const cache = await ours();
  const url = event.request.url;
  // (A name that is not content-hashed may hold other bytes in another build: only ours.)
  const copy = (await kept(cache, url)) || (hashed(url) && (await elsewhere(url)));
  if (copy) return copy;
  const response = await fetch(event.request);
  if (cache && response.status === 200) {
    event.waitUntil(cache.put(event.request.url, response.clone()).catch(() => {}));
  }
  return response;
}

// A file of the build before this one, for a tab still running it: its copy, else the network.
async function earlier(event) {
  return (await elsewhere(event.request.url)) || fetch(event.request);
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
