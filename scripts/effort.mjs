// Counts the user inputs a complete reference assessment takes in the app, the
// way a person would make them, with the fewest inputs the UI allows.
//
// usage: node scripts/effort.mjs DIST [--json]
//
// The reference assessment is the fixture's system (tests/fixtures): an LLM
// with RAG over sensitive data, on a hosted model, not trained in-house. Every
// step is taken to done, recording the same information each time:
//   1. the profile's answers, and the fixture's one override (evasion included);
//   2. every default responsibility confirmed; 4.5 handed to the provider;
//   3. every provider's threat verified, with its evidence and date (one
//      piece of evidence per provider, applied to all of its threats);
//   4. every selected control decided: planned with an owner and a due date
//      (set per group, each group's form starting from the last applied),
//      RATELIMIT implemented with its owner, PROMPTINPUTVALIDATION not
//      applicable with its reason, the controls that only make sense when you
//      train not applicable with the offered reason (this system is not
//      trained in-house);
//   5. every threat in scope scored, inherent and residual: the leaves by
//      hand, each parent derived from its sub-threats (their highest);
//   6. every threat in scope accepted, with approver, date, rationale and
//      review date, through the bulk panel (the date defaults to today).
// An input is one click, one choice in a list, or one field typed into. The
// script checks at the end that the dashboard shows every step done, so a
// UI that records less cannot score better.

import { chromium } from "@playwright/test";
import { spawn } from "node:child_process";
import { launchOptions } from "./chromium.mjs";

const dist = process.argv[2] ?? "dist";
const asJson = process.argv.includes("--json");
const port = Number(process.env.EFFORT_PORT ?? 4620);
const base = `http://127.0.0.1:${port}/`;

const server = spawn(process.execPath, ["scripts/static-server.mjs", dist, String(port), "/"], {
  stdio: ["ignore", "ignore", "inherit"],
});
const stop = () => server.kill();
process.on("exit", stop);

async function waitForServer() {
  for (let i = 0; i < 100; i++) {
    try {
      if ((await fetch(base)).ok) return;
    } catch {}
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`effort: nothing answered at ${base}; is ${dist}/ built?`);
}

const counts = {};
let current = "";
const tick = () => (counts[current] = (counts[current] ?? 0) + 1);

async function run(page) {
  const byId = (id) => page.getByTestId(id);
  const click = async (loc) => (tick(), await loc.click());
  const choose = async (loc, v) => (tick(), await loc.selectOption(v));
  const type = async (loc, v) => (tick(), await loc.fill(v));
  const step = async (slug) => {
    current = slug;
    await page.getByTestId(`step-${slug}`).click(); // navigation, not counted
    await byId(`step-page-${slug}`).waitFor();
  };
  const ids = async (prefix, suffix = "") =>
    page.locator(`[data-testid^="${prefix}"]${suffix ? `[data-testid$="${suffix}"]` : ""}`).evaluateAll(
      (els, [p, s]) => els.map((e) => e.getAttribute("data-testid").slice(p.length, e.getAttribute("data-testid").length - s.length)),
      [prefix, suffix],
    );

  // The reference assessment, and the baseline counted on it, are 2024-01.
  await page.goto(`${base}#/new/2024-01`);
  await byId("threat-list").waitFor();

  current = "profile";
  for (const [q, v] of [["rag", "yes"], ["rag_data_sensitive", "yes"], ["trains", "no"], ["genai", "yes"], ["llm", "yes"], ["input_sensitive", "yes"]]) {
    await click(byId(`answer-${q}-${v}`));
  }
  await click(byId("answer-hosted-model"));
  await click(byId("override-open-evasion"));
  await type(byId("override-evasion-rationale"), "A small classifier screens tickets first.");
  await click(byId("override-evasion-apply"));

  await step("responsibility");
  await choose(byId("party-directpromptinjection"), "provider");
  await type(byId("provider-directpromptinjection"), "Acme AI");
  await click(byId("confirm-defaults"));

  await step("verification");
  // One piece of evidence per provider, applied to all of its threats.
  for (let i = 0, n = await page.locator('[data-testid^="ver-bulk-"][data-testid$="-apply"]').count(); i < n; i++) {
    await choose(byId(`ver-bulk-${i}-status`), "verified");
    await type(byId(`ver-bulk-${i}-note`), "SOC 2 report, section 4");
    await type(byId(`ver-bulk-${i}-date`), "2026-11-10");
    await click(byId(`ver-bulk-${i}-apply`));
  }
  // A threat whose provider is not named is verified on its own row.
  for (const t of await ids("ver-status-")) {
    if ((await byId(`ver-${t}`).getAttribute("data-status")) === "verified") continue;
    await choose(byId(`ver-status-${t}`), "verified");
    await type(byId(`ver-note-${t}`), "SOC 2 report, section 4");
    await type(byId(`ver-date-${t}`), "2026-11-10");
  }

  await step("controls");
  // The training-only controls, not applicable with the pre-filled reason.
  if (await byId("ctl-train-only-confirm").count()) await click(byId("ctl-train-only-confirm"));
  await choose(byId("ctl-status-PROMPTINPUTVALIDATION"), "not_applicable");
  await type(byId("ctl-na-PROMPTINPUTVALIDATION-rationale"), "The provider filters prompts.");
  await click(byId("ctl-na-PROMPTINPUTVALIDATION-apply"));
  await choose(byId("ctl-status-RATELIMIT"), "implemented");
  await type(byId("ctl-owner-RATELIMIT"), "Platform team");
  // Every group: the undecided ones planned, then one owner and due date.
  for (const g of await ids("ctl-group-", "-apply")) {
    const group = byId(`ctl-group-${g}`);
    if (await group.locator('[data-status="not_decided"]').count()) {
      await click(group.getByRole("button", { name: "Mark undecided ones planned" }));
    }
    // A group's form starts from the owner and due date last applied.
    for (const [part, v] of [["owner", "Security team"], ["due", "2027-03-31"]]) {
      if ((await byId(`ctl-group-${g}-${part}`).inputValue()) !== v) await type(byId(`ctl-group-${g}-${part}`), v);
    }
    await click(byId(`ctl-group-${g}-apply`));
  }

  await step("risk");
  // Leaves only: a parent shows its sub-threats' highest score, no inputs.
  for (const t of await ids("risk-", "-inherent-likelihood")) {
    for (const [part, v] of [["inherent-likelihood", "3"], ["inherent-impact", "4"], ["residual-likelihood", "2"], ["residual-impact", "3"]]) {
      await choose(byId(`risk-${t}-${part}`), v);
    }
  }

  await step("acceptance");
  // In bulk: the decision date defaults to today; every residual is 2 × 3.
  await type(byId("acc-bulk-approver"), "CISO");
  await type(byId("acc-bulk-rationale"), "Within appetite after the controls.");
  await type(byId("acc-bulk-review"), "2027-11-20");
  await type(byId("acc-bulk-level"), "6");
  await click(byId("acc-bulk-accept"));
  for (const t of await ids("acc-decision-")) {
    const filled = await Promise.all(["approver", "date", "rationale", "review"].map((f) => byId(`acc-${f}-${t}`).inputValue()));
    if ((await byId(`acc-decision-${t}`).inputValue()) !== "accepted" || filled.some((v) => v === "")) {
      throw new Error(`effort: ${t} not accepted in full by the bulk panel`);
    }
  }

  await step("dashboard");
  const progress = await page.locator("[data-done][data-total]").evaluateAll((els) =>
    els.map((e) => [e.getAttribute("data-testid") ?? "", Number(e.getAttribute("data-done")), Number(e.getAttribute("data-total"))]),
  );
  const unfinished = progress.filter(([, d, t]) => d !== t);
  if (progress.length === 0 || unfinished.length > 0) {
    throw new Error(`effort: steps not done at the end: ${JSON.stringify(unfinished)}`);
  }
}

await waitForServer();
const browser = await chromium.launch(launchOptions);
try {
  const page = await (await browser.newContext()).newPage();
  page.setDefaultTimeout(15_000);
  await run(page);
} finally {
  await browser.close();
  stop();
}
const total = Object.values(counts).reduce((a, b) => a + b, 0);
if (asJson) {
  console.log(JSON.stringify({ total, steps: counts }));
} else {
  for (const [s, n] of Object.entries(counts)) console.log(`${s.padEnd(16)} ${String(n).padStart(4)}`);
  console.log(`${"total".padEnd(16)} ${String(total).padStart(4)} inputs`);
}
