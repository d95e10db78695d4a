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

// The integrity hashes of the files index.html names (their content just changed).
const htmlPath = path.join(dist, "index.html");
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
