// After `trunk build --release`: writes dist/sw.js with this build's version
// and asset list. Usage: node scripts/postbuild.mjs dist
import { readFileSync, readdirSync, writeFileSync } from "node:fs";
import { createHash } from "node:crypto";
import { join } from "node:path";

const dist = process.argv[2] ?? "dist";
const assets = readdirSync(dist)
  .filter((f) => f !== "index.html" && f !== "sw.js" && !f.endsWith(".html"))
  .sort()
  .map((f) => `./${f}`);
const version = createHash("sha256").update(readFileSync(join(dist, "index.html"))).update(assets.join("\n")).digest("hex").slice(0, 12);
const template = readFileSync("assets/sw.js", "utf8");
writeFileSync(join(dist, "sw.js"), template.replace("__AIXA_BUILD__", version).replace("__AIXA_ASSETS__", JSON.stringify(assets)));
console.log(`sw.js: version ${version}, ${assets.length} assets`);
