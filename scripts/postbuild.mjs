// After `trunk build --release`, makes dist/ ready to ship:
// 1. moves Trunk's inline start-up script into a file, so the page needs no
//    inline script and its Content-Security-Policy can forbid them; that
//    script also removes the static landing page (5.) once the app has mounted;
// 2. puts that policy into index.html;
// 3. checks Trunk's preloads of the wasm and its JavaScript, and puts them
//    just before the boot script;
// 4. adds assets/paint.js, a small synchronous script that marks <html> for a
//    returning visitor before the first paint;
// 5. writes the landing page's markup, rendered by the app in headless
//    Chromium (scripts/prerender.mjs), into <body>: a first visit sees the page
//    at once, and the app replaces it when it mounts;
// 6. writes dist/sw.js with this build's version and asset list.
// Usage: node scripts/postbuild.mjs dist [--no-prerender]
//   --no-prerender skips 5. (the bench's 20× build, which no visitor opens).

import { readFileSync, readdirSync, writeFileSync } from "node:fs";
import { createHash } from "node:crypto";
import { join } from "node:path";
import { prerender } from "./prerender.mjs";

export const CSP =
  "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' data:; " +
  "connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'";

const args = process.argv.slice(2);
const dist = args.find((a) => !a.startsWith("--")) ?? "dist";
const withPrerender = !args.includes("--no-prerender");
const indexPath = join(dist, "index.html");
let html = readFileSync(indexPath, "utf8");
const hashed = (stem, text) => `${stem}-${createHash("sha256").update(text).digest("hex").slice(0, 16)}.js`;

const inline = /<script type="module">([\s\S]*?)<\/script>/.exec(html);
if (inline) {
  // The app mounts by appending to <body> (leptos::mount::mount_to_body),
  // synchronously inside init(); the static landing page goes in the same
  // task, so no frame ever shows both.
  const init = /^const wasm = await init\([^\n]*\);$/m;
  if (!init.test(inline[1])) throw new Error("Trunk's start-up script has no `const wasm = await init(…);` line");
  const body =
    inline[1].trim().replace(init, '$&\ndocument.getElementById("aixa-prerender")?.remove();') + "\n";
  const name = hashed("boot", body);
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

// The preloads of the wasm and its glue, in <head>, so that their fetch
// starts with the HTML, not when the boot script runs; after the stylesheets,
// which block the first paint, and before the boot script.
const preloads = html.match(/<link rel="(?:modulepreload|preload)"[^>]*>/g) ?? [];
if (!preloads.some((l) => /rel="modulepreload" href="\.\/aixa-web-[0-9a-f]+\.js"/.test(l)) ||
    !preloads.some((l) => /rel="preload" href="\.\/aixa-web-[0-9a-f]+_bg\.wasm"/.test(l))) {
  throw new Error("index.html lacks Trunk's preloads of the wasm and its JavaScript");
}
html = html.replace(/\s*<link rel="(?:modulepreload|preload)"[^>]*>/g, "");
html = html.replace(/\s*(<script type="module" src="[^"]+"><\/script>)/, (_, boot) => `\n    ${[...preloads, boot].join("\n    ")}`);
if (!preloads.every((l) => html.includes(l))) throw new Error("index.html has no boot script to put the preloads before");

// Before the stylesheets, so the class is set before anything is drawn.
if (!/<script src="\.\/paint-[0-9a-f]+\.js"><\/script>/.test(html)) {
  // Without its comments: every visitor fetches it before the first paint.
  const paint = readFileSync("assets/paint.js", "utf8").replace(/^\s*\/\/.*\n/gm, "");
  const name = hashed("paint", paint);
  writeFileSync(join(dist, name), paint);
  html = html.replace(/(\s*)(<link rel="stylesheet")/, `$1<script src="./${name}"></script>$1$2`);
}
writeFileSync(indexPath, html);

if (withPrerender) {
  const markup = await prerender(dist);
  const block = `<div id="aixa-prerender" inert>${markup}</div><!--/aixa-prerender-->`;
  const old = /<div id="aixa-prerender" inert>[\s\S]*<!--\/aixa-prerender-->/;
  if (old.test(html)) html = html.replace(old, () => block);
  else html = html.replace(/(<noscript>[\s\S]*?<\/noscript>)/, (m) => `${m}\n    ${block}`);
  if (!html.includes(block)) throw new Error("index.html has no <noscript> in <body> to put the landing page after");
  if (/\sstyle=/.test(markup)) throw new Error("the landing page's markup has an inline style; the CSP would block it");
  writeFileSync(indexPath, html);
}

const assets = readdirSync(dist)
  .filter((f) => f !== "index.html" && f !== "sw.js" && !f.endsWith(".html"))
  .sort()
  .map((f) => `./${f}`);
const version = createHash("sha256").update(html).update(assets.join("\n")).digest("hex").slice(0, 12);
const template = readFileSync("assets/sw.js", "utf8");
writeFileSync(join(dist, "sw.js"), template.replace("__AIXA_BUILD__", version).replace("__AIXA_ASSETS__", JSON.stringify(assets)));
console.log(
  `postbuild: CSP set, ${withPrerender ? "landing page prerendered, " : ""}sw.js version ${version}, ${assets.length} assets`,
);
