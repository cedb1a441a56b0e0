// After `trunk build --release`, makes dist/ ready to ship:
// 1. moves Trunk's inline start-up script into a file, so the page needs no
//    inline script and its Content-Security-Policy can forbid them;
// 2. puts that policy into index.html;
// 3. writes dist/sw.js with this build's version and asset list.
// Usage: node scripts/postbuild.mjs dist

import { readFileSync, readdirSync, writeFileSync } from "node:fs";
import { createHash } from "node:crypto";
import { join } from "node:path";

export const CSP =
  "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' data:; " +
  "connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'";

const dist = process.argv[2] ?? "dist";
const indexPath = join(dist, "index.html");
let html = readFileSync(indexPath, "utf8");

const inline = /<script type="module">([\s\S]*?)<\/script>/.exec(html);
if (inline) {
  const body = inline[1].trim() + "\n";
  const name = `boot-${createHash("sha256").update(body).digest("hex").slice(0, 16)}.js`;
  writeFileSync(join(dist, name), body);
  html = html.replace(inline[0], `<script type="module" src="./${name}"></script>`);
}
if (/<script(?![^>]*\bsrc=)[^>]*>/.test(html)) {
  throw new Error("index.html still has an inline script; the CSP would block it");
}
if (/\sstyle=/.test(html)) {
  throw new Error("index.html has an inline style attribute; the CSP would block it");
}
if (!html.includes("Content-Security-Policy")) {
  html = html.replace(
    /<meta charset="utf-8" \/>/,
    `<meta charset="utf-8" />\n    <meta http-equiv="Content-Security-Policy" content="${CSP}" />`,
  );
}
writeFileSync(indexPath, html);

const assets = readdirSync(dist)
  .filter((f) => f !== "index.html" && f !== "sw.js" && !f.endsWith(".html"))
  .sort()
  .map((f) => `./${f}`);
const version = createHash("sha256").update(html).update(assets.join("\n")).digest("hex").slice(0, 12);
const template = readFileSync("assets/sw.js", "utf8");
writeFileSync(join(dist, "sw.js"), template.replace("__AIXA_BUILD__", version).replace("__AIXA_ASSETS__", JSON.stringify(assets)));
console.log(`postbuild: CSP set, sw.js version ${version}, ${assets.length} assets`);
