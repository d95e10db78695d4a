// Offline use (dist/sw.js, written from scripts/sw/worker.js): appended to the start-up script
// by scripts/build-page.sh, its comment lines dropped. Registered once the page has loaded, over
// http(s) only and where the browser has service workers; anywhere else (file://, a browser
// without them, a refused registration) the page works as before and says nothing.
// A page the worker controlled from its start is a returning visitor's: at idle it asks the
// worker to fetch the rest of the page's files (and asks a new build's worker again when that
// takes control). When a worker takes control (the first visit's, or a new build's), the page
// tells it what it already fetched, for it to keep.
if ("serviceWorker" in navigator && /^https?:$/.test(location.protocol)) {
  const sw = navigator.serviceWorker;
  const returning = !!sw.controller;
  const tell = (message) => sw.controller && sw.controller.postMessage(message);
  const fill = () => (window.requestIdleCallback || setTimeout)(() => tell({ type: "fill" }));
  sw.addEventListener("controllerchange", () => {
    tell({ type: "loaded", urls: performance.getEntriesByType("resource").map((e) => e.name) });
    if (returning) fill();
  });
  const register = () => sw.register(new URL("./sw.js", import.meta.url)).then(() => returning && fill(), () => {});
  if (document.readyState === "complete") register();
  else addEventListener("load", register, { once: true });
}
