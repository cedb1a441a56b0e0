// The browser half of scripts/bench, and the one table it prints.
//
// usage: node scripts/bench.mjs SITE OUT [--startup | --latency]
//   SITE holds app/ (the release build), app20x/ (the same app over a catalog
//   20 times the edition's size) and links.json; criterion's estimates are
//   read from target/criterion. Results go to OUT/results.{json,md}.
//   If SITE also holds before/ and before20x/ (an older commit's builds, see
//   `scripts/bench --before REV`), the bytes, start-up, first paint and
//   latency rows are measured for them too, in the same run, and the table
//   gains a "before" column (SITE/before/REV names the commit).
//   --startup measures only the first load, start-up and first contentful
//   paint (OUT/startup.{json,md}); --latency only the answer → threat list
//   rows (OUT/latency.{json,md}).

import { chromium } from "@playwright/test";
import { execFileSync, spawn } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { budgets, kb, measure } from "./bytes.mjs";
import { launchOptions } from "./chromium.mjs";

const args = process.argv.slice(2);
const [site, out] = args.filter((a) => !a.startsWith("--"));
const only = args.includes("--startup") ? "startup" : args.includes("--latency") ? "latency" : null;
if (!site || !out || args.includes("--help")) {
  console.error("usage: node scripts/bench.mjs SITE OUT [--startup | --latency]");
  process.exit(2);
}
const COLD_LOADS = 20;
const CHANGES = 200;
const WARM_UP = 10;
const port = Number(process.env.BENCH_PORT ?? 4180);
const root = `http://127.0.0.1:${port}/`;


const median = (xs) => quantile(xs, 0.5);
function quantile(xs, q) {
  // Nearest rank: the smallest value with at least q of the samples at or below it.
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.max(0, Math.ceil(q * s.length) - 1)];
}

// Records, from the first byte of the document, when the profile page can be
// used: its answer buttons and its threat list are in the DOM, the app's own
// (the static landing page in index.html, #aixa-prerender, is not usable).
const readyProbe = () => {
  const app = (selector) => [...document.querySelectorAll(selector)].some((e) => !e.closest("#aixa-prerender"));
  const ready = () => app('input[data-testid^="answer-"]') && app('[data-testid="threat-list"] [data-verdict]');
  const observer = new MutationObserver(() => {
    if (ready()) {
      window.__aixaReady = performance.now();
      observer.disconnect();
    }
  });
  observer.observe(document, { childList: true, subtree: true });
  addEventListener("TrunkApplicationStarted", (e) => (window.__aixaWasm = e.detail.wasm));
};

async function withServer(fn) {
  const server = spawn(process.execPath, ["scripts/static-server.mjs", site, String(port), "/"], {
    stdio: ["ignore", "ignore", "inherit"],
  });
  // A server that exits at once found the port taken: whatever answers there
  // is not this build, so stop rather than measure it.
  let exited = false;
  server.on("exit", () => (exited = true));
  try {
    for (let i = 0; ; i++) {
      await new Promise((r) => setTimeout(r, 100));
      if (exited) throw new Error(`the static server could not start on port ${port}; set BENCH_PORT to a free one`);
      try {
        if ((await fetch(root + "app/")).ok) break;
      } catch {
        if (i > 100) throw new Error(`the static server did not start on port ${port}`);
      }
    }
    return await fn();
  } finally {
    server.kill();
  }
}

async function coldLoad(browser, url, requests) {
  const context = await browser.newContext();
  await context.addInitScript(readyProbe);
  if (requests) context.on("request", (r) => requests.add(new URL(r.url()).pathname));
  const page = await context.newPage();
  await page.goto(url);
  // And the first contentful paint of the same load, as Chromium reports it.
  await page.waitForFunction(
    () => window.__aixaReady !== undefined && performance.getEntriesByName("first-contentful-paint").length > 0,
    null,
    { timeout: 60_000 },
  );
  const ms = await page.evaluate(() => ({
    ready: window.__aixaReady,
    fcp: performance.getEntriesByName("first-contentful-paint")[0].startTime,
  }));
  if (requests) {
    // Let the service worker finish caching the rest of the app.
    await page.waitForFunction(() => navigator.serviceWorker?.controller || !navigator.serviceWorker, null, {
      timeout: 30_000,
    });
  }
  await context.close();
  return ms;
}

/** A static copy of the rendered profile page: same text and styles, no script. */
async function writeFloor(browser, dir) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(`${root}${dir}/`);
  await page.getByTestId("threat-list").waitFor();
  const html = await page.evaluate(() => {
    const doc = document.documentElement.cloneNode(true);
    doc.querySelectorAll("script, link[rel=modulepreload], link[rel=preload], link[rel=manifest]").forEach((e) => e.remove());
    return "<!DOCTYPE html>\n" + doc.outerHTML;
  });
  await context.close();
  writeFileSync(join(site, dir, "floor.html"), html);
  return html.length;
}

// Start-up (until usable) and first contentful paint, of each app and of its
// floor, from the same cold loads.
async function startup(browser, dirs) {
  const loads = Object.fromEntries(dirs.map((d) => [d, { app: [], floor: [] }]));
  // Interleaved, so that the machine's noise falls on all alike.
  for (let i = 0; i < COLD_LOADS; i++) {
    for (const d of dirs) {
      loads[d].app.push(await coldLoad(browser, `${root}${d}/`));
      loads[d].floor.push(await coldLoad(browser, `${root}${d}/floor.html`));
    }
  }
  const figures = ({ app, floor }, key) => {
    const a = app.map((x) => x[key]);
    const f = floor.map((x) => x[key]);
    return { app: median(a), floor: median(f), ratio: median(a) / median(f), samples: { app: a, floor: f } };
  };
  return Object.fromEntries(dirs.map((d) => [d, { ...figures(loads[d], "ready"), fcp: figures(loads[d], "fcp") }]));
}

// Each change flips one threat's verdict; `last` is the copy of that threat the
// list shows last, so the change is timed until the whole list is updated.
const CYCLES = {
  "2024-01": [
    ["genai", "yes", "evasion"],
    ["genai", "no", "evasion"],
    ["trains", "yes", "modeltheftuse"],
    ["trains", "no", "modeltheftuse"],
    ["rag", "yes", "datapoison"],
    ["rag", "no", "datapoison"],
  ],
  "2026-08": [
    ["classification", "yes", "evasion"],
    ["classification", "no", "evasion"],
    ["triggers_actions", "yes", "agentescape"],
    ["triggers_actions", "no", "agentescape"],
    ["augments_input", "yes", "augmentationdatamanipulation"],
    ["augments_input", "no", "augmentationdatamanipulation"],
  ],
};

async function latency(browser, path, factor, edition) {
  const cycle = CYCLES[edition];
  const context = await browser.newContext();
  const page = await context.newPage();
  // A new assessment of the edition measured, whatever the default; a build
  // from before editions had routes (a before/ build) has it as its landing page.
  await page.goto(`${root}${path}#/new/${edition}`);
  const first = page.getByTestId(`answer-${cycle[0][0]}-${cycle[0][1]}`);
  if (!(await first.waitFor({ timeout: 5_000 }).then(() => true, () => false))) await page.goto(`${root}${path}`);
  await page.getByTestId("threat-list").waitFor();
  for (const [q, v] of cycle.filter((_, i) => i % 2 === 1)) await page.getByTestId(`answer-${q}-${v}`).check();
  const samples = [];
  for (let i = 0; i < WARM_UP + CHANGES; i++) {
    const [question, value, threat] = cycle[i % cycle.length];
    const last = factor > 1 ? `${threat}x${factor - 1}` : threat;
    const ms = await page.evaluate(
      ([answer, target]) =>
        new Promise((resolve, reject) => {
          const input = document.querySelector(`[data-testid="${answer}"]`);
          const list = document.querySelector('[data-testid="threat-list"]');
          const verdict = () => document.querySelector(`[data-testid="${target}"]`)?.getAttribute("data-verdict");
          if (!input || !list) return reject(new Error(`${answer} or the threat list is missing`));
          const before = verdict();
          let t0 = 0;
          const observer = new MutationObserver(() => {
            if (verdict() !== before) {
              const t1 = performance.now();
              observer.disconnect();
              resolve(t1 - t0);
            }
          });
          observer.observe(list, { subtree: true, childList: true, attributes: true, characterData: true });
          setTimeout(() => reject(new Error(`${target} did not change after ${answer}`)), 10_000);
          t0 = performance.now();
          input.click();
        }),
      [`answer-${question}-${value}`, `threat-${last}`],
    );
    if (i >= WARM_UP) samples.push(ms);
  }
  const threats = await page.locator('[data-testid="threat-list"] [data-verdict][data-testid^="threat-"]').count();
  await context.close();
  return { p50: quantile(samples, 0.5), p95: quantile(samples, 0.95), max: Math.max(...samples), threats };
}

async function memory(browser) {
  const fixture = readFileSync("tests/fixtures/assessment-rag-llm.json", "utf8");
  const id = JSON.parse(fixture).id;
  const context = await browser.newContext();
  await context.addInitScript(readyProbe);
  const page = await context.newPage();
  await page.goto(root + "app/#/about");
  await page.evaluate(([id, text]) => localStorage.setItem(`aixa.assessment.${id}`, text), [id, fixture]);
  await page.reload();
  for (const step of ["profile", "responsibility", "verification", "controls", "risk", "acceptance", "dashboard", "report"]) {
    await page.goto(`${root}app/#/a/${id}/${step}`);
    await page.locator("main").waitFor();
    await page.waitForTimeout(200);
  }
  await page.goto(`${root}app/#/a/${id}/dashboard`);
  await page.getByTestId("step-dashboard").waitFor();
  const cdp = await context.newCDPSession(page);
  await cdp.send("HeapProfiler.collectGarbage");
  const heap = await cdp.send("Runtime.getHeapUsage");
  const wasm = await page.evaluate(() => window.__aixaWasm?.memory?.buffer?.byteLength ?? null);
  await context.close();
  if (wasm === null) throw new Error("the wasm memory was not found (no TrunkApplicationStarted event)");
  return { js: heap.usedSize, wasm, total: heap.usedSize + wasm };
}

function criterion(id) {
  const file = `target/criterion/select/${id}/new/estimates.json`;
  if (!existsSync(file)) throw new Error(`${file} is missing: run cargo bench --bench engine first`);
  return JSON.parse(readFileSync(file, "utf8")).median.point_estimate / 1000; // µs
}

// Precise memory figures, for the memory row.
const browser = await chromium.launch({
  ...launchOptions,
  args: [...launchOptions.args, "--enable-precise-memory-info"],
});
const hasBefore = existsSync(join(site, "before", "index.html"));
const beforeRev = hasBefore && existsSync(join(site, "before", "REV")) ? readFileSync(join(site, "before", "REV"), "utf8").trim() : "";
let results;
try {
  results = await withServer(async () => {
    const dirs = hasBefore ? ["app", "before"] : ["app"];
    const found = {};
    if (only !== "latency") {
      for (const d of dirs) {
        const requests = new Set();
        await coldLoad(browser, `${root}${d}/`, requests);
        const prefix = `/${d}/`;
        const fetched = [...requests].filter((p) => p.startsWith(prefix)).map((p) => p.slice(prefix.length) || "index.html");
        found[d] = { fetched: fetched.sort(), floorBytes: await writeFloor(browser, d) };
      }
      const times = await startup(browser, dirs);
      for (const d of dirs) found[d].startup = times[d];
    }
    if (only === "startup") return { ...found.app, before: found.before };
    const measured = {
      ...found.app,
      latency: await latency(browser, "app/", 1, "2024-01"),
      latency2026: await latency(browser, "app/", 1, "2026-08"),
      latency20: await latency(browser, "app20x/", 20, "2024-01"),
    };
    if (hasBefore) {
      measured.before = {
        ...found.before,
        latency: await latency(browser, "before/", 1, "2024-01"),
        latency20: await latency(browser, "before20x/", 20, "2024-01"),
      };
    }
    if (only === "latency") return measured;
    return { ...measured, memory: await memory(browser) };
  });
} finally {
  await browser.close();
}

const ok = (pass) => (pass ? "ok" : "MISSED");
const ms = (x) => `${x.toFixed(1)} ms`;
const rows = [];
// `was`: the same figure for the before/ build, measured in this run.
const row = (section, metric, value, budget = "", status = "", was = "") =>
  rows.push({ section, metric, value, budget, status, was });
const bf = results.before;

let bytes = null;
if (only !== "latency") {
  const files = (r) => r.fetched.filter((f) => f !== "floor.html");
  bytes = measure(join(site, "app"), files(results));
  const bytesBefore = bf ? measure(join(site, "before"), files(bf)) : null;
  const size = (r) => `${r.raw} B raw · ${r.gzip} B gzip · ${r.brotli} B br`;
  const total = (b) => `${kb(b.total.raw)} raw · ${kb(b.total.gzip)} gzip · ${kb(b.total.brotli)} br`;
  // Names without their content hash (Trunk drops its leading zeros), so that
  // runs line up with the baseline.
  const unhashed = (name) => name.replace(/-[0-9a-f]{12,16}(?=[._])/, "");
  const names = [...new Set([...bytes.rows, ...(bytesBefore?.rows ?? [])].map((r) => unhashed(r.name)))].sort();
  for (const name of names) {
    const of = (b) => b?.rows.find((r) => unhashed(r.name) === name);
    row("first load", name, of(bytes) ? size(of(bytes)) : "(none)", "", "", bytesBefore ? (of(bytesBefore) ? size(of(bytesBefore)) : "(none)") : "");
  }
  row(
    "first load",
    "total",
    `${bytes.rows.length} files · ${total(bytes)}`,
    `≤ ${kb(budgets.first_load_gzip)} gzip`,
    ok(bytes.total.gzip <= budgets.first_load_gzip),
    bytesBefore ? `${bytesBefore.rows.length} files · ${total(bytesBefore)}` : "",
  );
  row(
    "first load",
    `distance to the ${kb(budgets.first_load_gzip)} target`,
    `${kb(bytes.total.gzip - budgets.first_load_gzip)} gzip (${(bytes.total.gzip / budgets.first_load_gzip).toFixed(2)}×)`,
    "",
    "",
    bytesBefore ? `${kb(bytesBefore.total.gzip - budgets.first_load_gzip)} gzip (${(bytesBefore.total.gzip / budgets.first_load_gzip).toFixed(2)}×)` : "",
  );
  const s = results.startup;
  const sb = bf?.startup;
  row("start-up", `app, median of ${COLD_LOADS} cold loads`, ms(s.app), "", "", sb ? ms(sb.app) : "");
  row("start-up", "static floor page, median", `${ms(s.floor)} (${kb(results.floorBytes)})`, "", "", sb ? `${ms(sb.floor)} (${kb(bf.floorBytes)})` : "");
  row("start-up", "ratio app / floor", s.ratio.toFixed(2), `≤ ${budgets.startup_ratio}`, ok(s.ratio <= budgets.startup_ratio), sb ? sb.ratio.toFixed(2) : "");
  // The same loads: index.html's static landing page against the floor.
  const f = s.fcp;
  const fb = sb?.fcp;
  row("first contentful paint", `app, median of ${COLD_LOADS} cold loads`, ms(f.app), "", "", fb ? ms(fb.app) : "");
  row("first contentful paint", "static floor page, median", ms(f.floor), "", "", fb ? ms(fb.floor) : "");
  row("first contentful paint", "ratio app / floor", f.ratio.toFixed(2), `≤ ${budgets.fcp_ratio}`, ok(f.ratio <= budgets.fcp_ratio), fb ? fb.ratio.toFixed(2) : "");
}
if (only !== "startup") {
  const p = (l) => (l ? `p50 ${ms(l.p50)} · p95 ${ms(l.p95)} · max ${ms(l.max)}` : "");
  for (const [l, was, name, budget] of [
    [results.latency, bf?.latency, "2024-01 edition", budgets.latency_p95_ms],
    [results.latency2026, null, "2026-08 edition", budgets.latency_p95_ms],
    [results.latency20, bf?.latency20, "20× synthetic catalog", budgets.latency_20x_p95_ms],
  ]) {
    row("answer → threat list", `${name} (${l.threats} threats), ${CHANGES} changes`, p(l), `p95 ≤ ${budget} ms`, ok(l.p95 <= budget), p(was));
  }
}
// The rest of the bench, unless only some rows were asked for.
if (!only) {
  // Inputs a complete reference assessment takes (scripts/effort.mjs), against
  // the count in the UI before the effort work began (bench/effort-baseline.json).
  results.effort = JSON.parse(execFileSync(process.execPath, ["scripts/effort.mjs", join(site, "app"), "--json"], { encoding: "utf8" }));
  writeFileSync(join(out, "browser.json"), JSON.stringify(results, null, 2) + "\n");
  const links = JSON.parse(readFileSync(join(site, "links.json"), "utf8")).links;
  const engine = [
    ["1x", 1],
    ["20x", 20],
    ["100x", 100],
  ].map(([id, factor]) => ({ id, factor, us: criterion(id) }));
  const threats = results.latency.threats;
  for (const e of engine) e.perThreat = e.us / (threats * e.factor);
  const linearity = engine[2].perThreat / engine[0].perThreat;
  Object.assign(results, { engine, linearity, links });
  for (const e of engine) {
    row("engine select()", `${e.id} (${threats * e.factor} threats)`, `${e.us.toFixed(2)} µs · ${e.perThreat.toFixed(3)} µs/threat`);
  }
  row("engine select()", "µs/threat 100× ÷ 1×", linearity.toFixed(2), `≤ ${budgets.engine_linearity} (linear)`, ok(linearity <= budgets.engine_linearity));
  for (const l of links) {
    row("share link", `${l.name}: ${l.what}`, `${l.link} chars · base64 JSON ${l.base64_json} · ratio ${l.ratio.toFixed(3)}`);
  }
  const typical = links.find((l) => l.name === "typical");
  if (typical) row("share link", "typical, budget", `${typical.link} chars`, `≤ ${budgets.link_chars}`, ok(typical.link <= budgets.link_chars));
  const effortBase = JSON.parse(readFileSync(new URL("../bench/effort-baseline.json", import.meta.url), "utf8"));
  for (const [slug, n] of Object.entries(results.effort.steps)) {
    row("effort", `step ${slug}`, `${n} inputs (${effortBase.steps[slug] ?? "?"} at the effort baseline)`);
  }
  const effortCap = Math.floor(effortBase.total * budgets.effort_ratio);
  row(
    "effort",
    "a complete reference assessment",
    `${results.effort.total} inputs, ${((100 * results.effort.total) / effortBase.total).toFixed(0)} % of ${effortBase.total}`,
    `≤ ${effortCap} (${budgets.effort_ratio * 100} % of the effort baseline)`,
    ok(results.effort.total <= effortCap),
  );
  const m = results.memory;
  row("memory", "after a complete assessment", `JS heap ${kb(m.js)} + wasm ${kb(m.wasm)} = ${kb(m.total)}`);
}

// The stored baseline's value of each row, for comparison on this machine.
const baselineFile = new URL("../bench/baseline.json", import.meta.url);
const baseline = existsSync(baselineFile) ? JSON.parse(readFileSync(baselineFile, "utf8")) : { rows: [] };
const before = (r) => baseline.rows.find((b) => b.section === r.section && b.metric === r.metric)?.value ?? "";
// With a before/ build, its column comes first: same run, same machine.
const beforeColumn = bf ? [`before (${beforeRev || "before/"}), this run`] : [];
const columns = ["section", "metric", "value", ...beforeColumn, `baseline ${baseline.date?.slice(0, 10) ?? "(none)"}`, "budget", "status"];
const cells = rows.map((r) => [r.section, r.metric, r.value, ...(bf ? [r.was] : []), before(r), r.budget, r.status]);
const widths = columns.map((c, i) => Math.max(c.length, ...cells.map((row) => String(row[i]).length)));
const line = (cs) => "| " + cs.map((c, i) => String(c).padEnd(widths[i])).join(" | ") + " |";
const table = [line(columns), "|" + widths.map((w) => "-".repeat(w + 2)).join("|") + "|", ...cells.map(line)].join("\n");
console.log(table);

const missing = bytes ? results.fetched.filter((f) => f !== "floor.html" && !bytes.rows.some((r) => r.name === f)) : [];
if (missing.length) console.log(`note: fetched but not measured: ${missing.join(", ")}`);
const missed = rows.filter((r) => r.status === "MISSED").map((r) => `${r.section}: ${r.metric}`);
const stamp = new Date().toISOString();
mkdirSync(out, { recursive: true });
const name = only ?? "results";
writeFileSync(join(out, `${name}.json`), JSON.stringify({ date: stamp, rows, bytes, ...results, missed }, null, 2) + "\n");
writeFileSync(join(out, `${name}.md`), `# aixa bench${only ? ` (${only} only)` : ""}, ${stamp}\n\n${table}\n`);
console.log(missed.length ? `\n${missed.length} budget(s) missed: ${missed.join("; ")}` : "\nevery budget is met");
