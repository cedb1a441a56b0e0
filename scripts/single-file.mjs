// Makes one self-contained aixa.html from dist/: styles, the JavaScript glue
// and the wasm (base64) inlined, so it works opened from disk (file://) on
// an air-gapped machine.
// Usage: node scripts/single-file.mjs [dist] [out.html]   (after ./scripts/serve or ./scripts/test)

import { readFileSync, readdirSync, writeFileSync } from "node:fs";
import { createHash } from "node:crypto";
import { join } from "node:path";

const dist = process.argv[2] ?? "dist";
const out = process.argv[3] ?? join(dist, "..", "aixa.html");
const files = readdirSync(dist);
const find = (pred, what) => {
  const f = files.find(pred);
  if (!f) throw new Error(`no ${what} in ${dist}: build the release app first`);
  return f;
};
const jsFile = find((f) => f.startsWith("aixa-web-") && f.endsWith(".js"), "JavaScript glue");
const wasmFile = find((f) => f.endsWith(".wasm"), "wasm");
const cssFiles = files.filter((f) => f.endsWith(".css")).sort();

// The glue is an ES module; inside one inline module it needs no exports.
const glue = readFileSync(join(dist, jsFile), "utf8")
  .replace(/^export default [^;]+;\s*$/m, "")
  .replace(/^export \{[^}]*\};?\s*$/gm, "")
  .replace(/^export (async function|function|class|const|let)/gm, "$1");
const wasm = readFileSync(join(dist, wasmFile)).toString("base64");
const css = cssFiles.map((f) => readFileSync(join(dist, f), "utf8")).join("\n");
const icon = readFileSync(join(dist, "favicon.svg")).toString("base64");

// No 'self' here: the page is a file, so the policy names the one script and
// the one style sheet it may run, by their hashes.
const script = `
${glue}
const bytes = Uint8Array.from(atob("${wasm}"), (c) => c.charCodeAt(0));
await __wbg_init({ module_or_path: bytes });
`;
const style = `
${css}
`;
const sha = (text) => `'sha256-${createHash("sha256").update(text).digest("base64")}'`;
const csp =
  `default-src 'none'; script-src ${sha(script)} 'wasm-unsafe-eval'; style-src ${sha(style)}; ` +
  "img-src data:; connect-src 'none'; object-src 'none'; base-uri 'none'; form-action 'none'";

const html = `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="color-scheme" content="light dark">
<meta name="referrer" content="no-referrer">
<title>aixa · AI security assessor</title>
<link rel="icon" type="image/svg+xml" href="data:image/svg+xml;base64,${icon}">
<style>${style}</style>
</head>
<body>
<noscript>aixa runs in your browser and needs JavaScript and WebAssembly enabled.</noscript>
<script type="module">${script}</script>
</body>
</html>
`;
writeFileSync(out, html);
console.log(`${out}: ${html.length} bytes`);
