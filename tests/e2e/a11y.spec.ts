import { test, expect, type Page } from "@playwright/test";
import { readFileSync } from "node:fs";

// Accessibility: axe-core on every page in light and dark, keyboard-only use,
// visible focus and reduced motion.

const axePath = "node_modules/axe-core/axe.min.js";
const fixture = readFileSync("tests/fixtures/assessment-rag-llm.json", "utf8");
const fixtureId = JSON.parse(fixture).id;

const PAGES = [
  ...["profile", "responsibility", "verification", "controls", "risk", "acceptance", "dashboard"].map((s) => `#/a/${fixtureId}/${s}`),
  `#/a/${fixtureId}/report`,
  "#/assessments",
  "#/catalog?q=prompt",
  "#/threat/indirectpromptinjection",
  "#/control/RATELIMIT",
  "#/navigator",
  "#/about",
];

async function axe(page: Page) {
  // The page's CSP forbids injected scripts, so this context bypasses it.
  await page.addScriptTag({ path: axePath });
  return page.evaluate(async () => {
    const result = await (window as any).axe.run(document, { runOnly: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"] });
    return result.violations
      .filter((v: any) => v.impact === "serious" || v.impact === "critical")
      .map((v: any) => `${v.id}: ${v.nodes.length} × ${v.nodes[0]?.target?.join(" ")} (${v.help})`);
  });
}

for (const scheme of ["light", "dark"] as const) {
  test(`axe finds no serious or critical violation on any page (${scheme})`, async ({ browser }) => {
    const context = await browser.newContext({ bypassCSP: true, colorScheme: scheme });
    const page = await context.newPage();
    await page.goto("./#/about");
    await page.evaluate(([id, text]) => localStorage.setItem(`aixa.assessment.${id}`, text), [fixtureId, fixture]);
    await page.reload();
    const found: string[] = [];
    for (const hash of PAGES) {
      await page.goto("./" + hash);
      await page.locator("main > *").first().waitFor();
      for (const v of await axe(page)) found.push(`${hash} ${v}`);
    }
    await context.close();
    expect(found).toEqual([]);
  });
}

test("focus is visible", async ({ page }) => {
  await page.goto("./");
  await expect(page.getByTestId("threat-list")).toBeVisible();
  for (let i = 0; i < 4; i++) {
    await page.keyboard.press("Tab");
    const style = await page.evaluate(() => {
      const s = getComputedStyle(document.activeElement!);
      return `${s.outlineStyle} ${s.outlineWidth}`;
    });
    expect(style).not.toMatch(/^none|0px$/);
  }
});

test("reduced motion turns transitions off", async ({ browser }) => {
  for (const [motion, expected] of [["no-preference", "0.15s"], ["reduce", "0s"]] as const) {
    const context = await browser.newContext({ reducedMotion: motion });
    const page = await context.newPage();
    await page.goto("./");
    await expect(page.getByTestId("threat-list")).toBeVisible();
    const duration = await page.locator(".choice").first().evaluate((e) => getComputedStyle(e).transitionDuration);
    expect(duration.split(", ")).toContain(expected);
    if (motion === "reduce") expect(duration).toMatch(/^0s(, 0s)*$/);
    await context.close();
  }
});
