// What each part of the UI costs in the shipped wasm: builds the release app
// once as it ships and once without each part (a stub in its place, see the
// `part!` macro in src/ui/mod.rs and AIXA_WITHOUT in build.rs), and prints
// each part's cost in gzip bytes, the difference between the two wasms.
//
//   node scripts/wasm-pages.mjs [PART …] [--json]
//
// With no PART it measures every part, and the shell: the app with every page
// left out (the header, storage, the router, the engine and both catalogs).
// Each build recompiles only the aixa crate, about a minute here; all of them
// take a quarter of an hour. The builds go to target/bench/pages/, away from
// dist/ (build.rs watches AIXA_WITHOUT, so the next ordinary build recompiles
// the crate as it ships). Parts overlap (the steps hold the exports and every step), so their
// costs do not add up to the whole.
import { execFileSync } from "node:child_process";
import { readdirSync, readFileSync, writeFileSync, mkdirSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { kb } from "./bytes.mjs";

// The pages among the parts, left out together for the shell.
const PAGES = ["catalog", "reports", "upgrade", "steps"];
// The parts are build.rs's list (WITHOUT), which checks AIXA_WITHOUT.
const listed = /const WITHOUT: &\[&str\] = &\[([^\]]*)\]/.exec(readFileSync("build.rs", "utf8"));
const PARTS = listed ? [...listed[1].matchAll(/"([a-z-]+)"/g)].map((m) => m[1]) : [];
if (!PAGES.every((p) => PARTS.includes(p))) {
  console.error("wasm-pages: build.rs's WITHOUT list is missing or lacks a page: " + PAGES.join(", "));
  process.exit(2);
}
const args = process.argv.slice(2);
const json = args.includes("--json");
const asked = args.filter((a) => !a.startsWith("--"));
const unknown = asked.filter((a) => !PARTS.includes(a));
if (unknown.length) {
  console.error(`wasm-pages: no part named ${unknown.join(", ")}; the parts are: ${PARTS.join(", ")}`);
  process.exit(2);
}
const variants = [["as shipped", ""], ...(asked.length ? asked : PARTS).map((p) => [p, p])];
if (!asked.length) variants.push(["every page (the shell)", PAGES.join(",")]);

const out = "target/bench/pages";
mkdirSync(out, { recursive: true });
function build(without) {
  const dist = join(out, without.replace(/,/g, "+") || "shipped");
  try {
    execFileSync("trunk", ["build", "--release", "--offline", "--dist", dist], {
      env: { ...process.env, AIXA_WITHOUT: without },
      stdio: ["ignore", "ignore", "pipe"],
    });
  } catch (e) {
    console.error(`wasm-pages: the build without ${without || "nothing"} failed:\n${e.stderr}`);
    process.exit(1);
  }
  const wasm = readdirSync(dist).find((f) => f.endsWith("_bg.wasm"));
  const body = readFileSync(join(dist, wasm));
  return { raw: body.length, gzip: gzipSync(body, { level: 9 }).length };
}

const results = [];
for (const [name, without] of variants) {
  const size = build(without);
  const base = results[0]?.size ?? size;
  results.push({ name, without, size, cost: base.gzip - size.gzip });
  if (!json) {
    const cost = without ? `${kb(base.gzip - size.gzip).padStart(9)} gzip  (${((100 * (base.gzip - size.gzip)) / base.gzip).toFixed(1)} %)` : "";
    console.log(`${name.padEnd(24)} wasm ${kb(size.gzip).padStart(9)} gzip  ${cost}`);
  }
}
writeFileSync(join(out, "pages.json"), JSON.stringify(results, null, 2) + "\n");
if (json) console.log(JSON.stringify(results, null, 2));
