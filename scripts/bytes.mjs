// First-load bytes of a release build: every file a first visit fetches,
// raw, gzip (level 9) and brotli (quality 11). On a first visit the page
// fetches index.html and what it links, and the service worker then caches
// every other file of dist/, so the first-load set is all of dist/.
//
// usage: node scripts/bytes.mjs DIST [--check]
//   --check: fail when the gzip total exceeds bench/budgets.json's
//            first_load_gzip_ceiling (the test command runs this).

import { existsSync, readFileSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { brotliCompressSync, constants, gzipSync } from "node:zlib";
import { fileURLToPath } from "node:url";

export const budgets = JSON.parse(readFileSync(new URL("../bench/budgets.json", import.meta.url), "utf8"));

/** The files of a first visit, in a stable order: the page first. */
export function firstLoadFiles(dist) {
  if (!existsSync(join(dist, "index.html"))) throw new Error(`${dist} holds no index.html: build the app first`);
  const files = readdirSync(dist).filter((f) => statSync(join(dist, f)).isFile());
  return ["index.html", ...files.filter((f) => f !== "index.html").sort()];
}

/** Sizes of each file and the totals. */
export function measure(dist, files = firstLoadFiles(dist)) {
  const rows = files.map((name) => {
    const body = readFileSync(join(dist, name));
    return {
      name,
      raw: body.length,
      gzip: gzipSync(body, { level: 9 }).length,
      brotli: brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
    };
  });
  const total = { name: "total", raw: 0, gzip: 0, brotli: 0 };
  for (const r of rows) for (const k of ["raw", "gzip", "brotli"]) total[k] += r[k];
  return { rows, total };
}

export const kb = (n) => `${(n / 1000).toFixed(1)} KB`;

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const [dist = "dist", flag] = process.argv.slice(2);
  let measured;
  try {
    measured = measure(dist);
  } catch (e) {
    console.error(`error: ${e.message}`);
    process.exit(2);
  }
  const { rows, total } = measured;
  for (const r of [...rows, total]) {
    console.log(`${r.name.padEnd(40)} ${String(r.raw).padStart(9)} ${String(r.gzip).padStart(9)} ${String(r.brotli).padStart(9)}`);
  }
  const ceiling = budgets.first_load_gzip_ceiling;
  const target = budgets.first_load_gzip;
  console.log(`first load: ${kb(total.gzip)} gzip; the budget is ${kb(target)}, the ceiling the tests hold is ${kb(ceiling)}`);
  if (flag === "--check" && total.gzip > ceiling) {
    console.error(
      `error: the first load is ${total.gzip} B gzip, over the ceiling of ${ceiling} B in bench/budgets.json. ` +
        `Find what grew (scripts/bench, twiggy) before raising it.`,
    );
    process.exit(1);
  }
}
