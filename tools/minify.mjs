// Minifies the release page's JavaScript (terser) and CSS (csso) in place, then writes
// index.html's integrity hashes again for the files it names. Run by scripts/build-page.sh on
// dist/ before the precompressed copies are made.
//
// wasm-bindgen's glue and the start-up script are ES modules (their top-level names are
// private, terser may rename them); the data preflight's worker script is a classic script
// whose top-level `wasm_bindgen` its loader calls, so a file without `import`/`export`
// statements keeps its top-level names. Object keys are never renamed: the wasm imports its
// functions by the glue's property names. The end-to-end tests load this minified page.
//
// Usage: node tools/minify.mjs DIST
import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { minify } from "terser";
import { minify as minifyCss } from "csso";

const dist = process.argv[2];
if (!dist || !fs.existsSync(path.join(dist, "index.html"))) {
  console.error("minify: usage: node tools/minify.mjs DIST (a directory with index.html)");
  process.exit(2);
}

const walk = (dir) =>
  fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? walk(path.join(dir, e.name)) : [path.join(dir, e.name)],
  );

const isModule = (code) => /^\s*(import|export)\b/m.test(code);

let before = 0;
let after = 0;
for (const file of walk(dist).filter((f) => /\.(js|css)$/.test(f))) {
  const code = fs.readFileSync(file, "utf8");
  let out;
  if (file.endsWith(".css")) {
    out = minifyCss(code, { restructure: false }).css;
  } else {
    const module = isModule(code);
    const done = await minify(code, {
      module,
      toplevel: module,
      ecma: 2020,
      compress: { passes: 2 },
      mangle: true,
      format: { comments: false },
    });
    out = done.code;
    if (typeof out !== "string" || out.length === 0) {
      throw new Error(`minify: terser gave nothing for ${file}`);
    }
  }
  before += Buffer.byteLength(code);
  after += Buffer.byteLength(out);
  fs.writeFileSync(file, out);
}

// Content-hashed names from the files as served. Trunk, scripts/split-page.py and
// scripts/build-page.sh named them from their content before this rewrote it, so a minifier's
// upgrade alone would change a file under an unchanged name, which a host caching hashed names
// for ever would keep serving (then its integrity check fails and the page does not start).
// The glue, its wasm and the chunks' loader name each other (the glue imports the loader, the
// loader imports the glue), so the three share one name from their joint content, each read
// with their own old names left out; then the start-up script (it names the glue and the wasm)
// and the CSS get names of their own content.
const htmlPath = path.join(dist, "index.html");
const sha = (...parts) => {
  const hash = createHash("sha256");
  for (const part of parts) hash.update(part);
  return hash.digest("hex").slice(0, 16);
};
// Renames file `from` (at dist's top) to `to`, and every mention of its name in dist's text.
// (Whole file names only: a module name inside the wasm is not a file, and scripts/split-page.py
// has already renamed the glue's module of imports to a short one.)
function rename(from, to) {
  if (from === to) return;
  fs.renameSync(path.join(dist, from), path.join(dist, to));
  for (const file of walk(dist).filter((f) => /\.(html|js|css)$/.test(f))) {
    const text = fs.readFileSync(file, "utf8");
    if (text.includes(from)) fs.writeFileSync(file, text.split(from).join(to));
  }
}
const named = (pattern) => pattern.exec(fs.readFileSync(htmlPath, "utf8"))?.[1];
const glue = named(/"\.\/(automl-job-web-[0-9a-f]{16})\.js"/);
if (!glue) throw new Error("minify: index.html names no automl-job-web-HASH.js");
const loader = named(/"\.\/(__wasm_split-[0-9a-f]{16})\.js"/);
const group = [`${glue}.js`, `${glue}_bg.wasm`, ...(loader ? [`${loader}.js`] : [])];
{
  // Each read with the group's file names left out (they are what is being named).
  const read = (file) => group.reduce((text, name) => text.split(name).join(""), fs.readFileSync(path.join(dist, file), "utf8"));
  const hash = sha(read(group[0]), loader ? read(group[2]) : "", fs.readFileSync(path.join(dist, group[1])));
  rename(group[0], `automl-job-web-${hash}.js`);
  rename(group[1], `automl-job-web-${hash}_bg.wasm`);
  if (loader) rename(group[2], `__wasm_split-${hash}.js`);
}
// Nothing may name an old file any more.
for (const old of group) {
  for (const file of walk(dist).filter((f) => /\.(html|js|css)$/.test(f))) {
    if (fs.readFileSync(file, "utf8").includes(old)) throw new Error(`minify: ${file} still names ${old}`);
  }
}
for (const [pattern, prefix, ext] of [[/"\.\/(start-[0-9a-f]{16})\.js"/, "start-", ".js"], [/"\.\/(main-[0-9a-f]{16})\.css"/, "main-", ".css"]]) {
  const old = named(pattern);
  if (old) rename(old + ext, prefix + sha(fs.readFileSync(path.join(dist, old + ext))) + ext);
}

// The integrity hashes of the files index.html names (their content just changed).
let html = fs.readFileSync(htmlPath, "utf8");
let rehashed = 0;
html = html.replace(/<(?:script|link)\b[^>]*>/g, (tag) => {
  const url = /\b(?:src|href)="\.\/([^"]+)"/.exec(tag);
  if (!url || !/\bintegrity="/.test(tag)) return tag;
  const file = path.join(dist, url[1]);
  if (!fs.existsSync(file)) throw new Error(`minify: index.html names ${url[1]}, which is not in ${dist}`);
  rehashed += 1;
  const sri = "sha384-" + createHash("sha384").update(fs.readFileSync(file)).digest("base64");
  return tag.replace(/\bintegrity="[^"]*"/, `integrity="${sri}"`);
});
fs.writeFileSync(htmlPath, html);
console.error(`minify: JavaScript and CSS ${before} -> ${after} B; ${rehashed} integrity hashes written`);
