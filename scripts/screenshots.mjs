// Takes the README's screenshots of the release build in headless Chromium.
// usage: node scripts/screenshots.mjs   (after ./scripts/serve has built dist/)

import { chromium } from "@playwright/test";
import { launchOptions } from "./chromium.mjs";
import { readFileSync } from "node:fs";
import { spawn } from "node:child_process";
import { setTimeout as sleep } from "node:timers/promises";

const port = 4199;
const base = `http://127.0.0.1:${port}/aixa/`;
const server = spawn("node", ["scripts/static-server.mjs", "dist", String(port), "/aixa/"], { stdio: "ignore" });
await sleep(500);

const browser = await chromium.launch(launchOptions);
const fixture = readFileSync("tests/fixtures/assessment-rag-llm.json", "utf8");
const fixtureId = JSON.parse(fixture).id;
const steps = ["profile", "responsibility", "verification", "controls", "risk", "acceptance", "dashboard"];
const shots = [
  ...steps.map((s, i) => [`step-${i + 1}-${s}`, `#/a/${fixtureId}/${s}`]),
  ["assessments", "#/assessments"],
  ["catalog", "#/catalog?q=prompt%20injecton"],
  ["navigator", "#/navigator"],
  ["threat", "#/threat/directpromptinjection"],
  ["control", "#/control/RATELIMIT"],
];
try {
  for (const [vpName, viewport] of [["wide", { width: 1366, height: 900 }], ["narrow", { width: 390, height: 844 }]]) {
    const context = await browser.newContext({ viewport });
    const page = await context.newPage();
    await page.goto(base + "#/about");
    await page.evaluate(([id, text]) => {
      localStorage.setItem(`aixa.assessment.${id}`, text);
      localStorage.setItem("aixa.current", id);
    }, [fixtureId, fixture]);
    await page.reload();
    // The app has replaced the static page of index.html (see postbuild).
    await page.locator("#aixa-prerender").waitFor({ state: "detached" });
    for (const [name, hash] of shots) {
      await page.goto(base + hash);
      await page.locator("main").waitFor();
      await sleep(150);
      await page.screenshot({ path: `docs/screenshots/${name}-${vpName}.png` });
    }
    await context.close();
  }
} finally {
  await browser.close();
  server.kill();
}
