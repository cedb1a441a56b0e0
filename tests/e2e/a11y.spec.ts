import { test, expect, type Page } from "./fixtures";
import { readFileSync } from "node:fs";

// Accessibility: axe-core on every page in light and dark, keyboard-only use,
// visible focus and reduced motion.

const axePath = "node_modules/axe-core/axe.min.js";
const fixture = readFileSync("tests/fixtures/assessment-rag-llm.json", "utf8");
const fixtureId = JSON.parse(fixture).id;

// Each page with an element only it renders, so that the scan never reads
// the page before.
const PAGES: [string, string][] = [
  ...["profile", "responsibility", "verification", "controls", "risk", "acceptance", "dashboard"].map(
    (s): [string, string] => [`#/a/${fixtureId}/${s}`, `[data-testid="step-page-${s}"]`],
  ),
  [`#/a/${fixtureId}/report`, '[data-testid="report"]'],
  [`#/a/${fixtureId}/soa`, '[data-testid="soa"]'],
  ["#/assessments", '[data-testid^="assessment-"]'],
  ["#/catalog?q=prompt", '[data-testid="result-threat-directpromptinjection"]'],
  ["#/threat/indirectpromptinjection", '[data-testid="threat-page"][data-threat="indirectpromptinjection"]'],
  ["#/control/RATELIMIT", '[data-testid="control-page"][data-control="RATELIMIT"]'],
  ["#/navigator", '[data-testid="navigator"]'],
  ["#/about", '[data-testid="about"]'],
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
    for (const [hash, marker] of PAGES) {
      // A full load, not a hash change: nothing of the last page remains.
      await page.goto("about:blank");
      await page.goto("./" + hash);
      await page.locator(marker).first().waitFor();
      for (const v of await axe(page)) found.push(`${hash} ${v}`);
    }
    await context.close();
    expect(found).toEqual([]);
  });
}

test("focus is visible", async ({ page }) => {
  await page.goto("./#/new/2024-01");
  await expect(page.getByTestId("threat-list")).toBeVisible();
  for (let i = 0; i < 4; i++) {
    await page.keyboard.press("Tab");
    const outline = await page.evaluate(() => {
      const s = getComputedStyle(document.activeElement!);
      return { style: s.outlineStyle, width: parseFloat(s.outlineWidth) };
    });
    expect(outline.style).not.toBe("none");
    expect(outline.width).toBeGreaterThan(0);
  }
});

test("reduced motion turns transitions off", async ({ browser }) => {
  for (const [motion, expected] of [["no-preference", "0.15s"], ["reduce", "0s"]] as const) {
    const context = await browser.newContext({ reducedMotion: motion });
    const page = await context.newPage();
    await page.goto("./#/new/2024-01");
    await expect(page.getByTestId("threat-list")).toBeVisible();
    const duration = await page.locator(".choice").first().evaluate((e) => getComputedStyle(e).transitionDuration);
    expect(duration.split(", ")).toContain(expected);
    if (motion === "reduce") expect(duration).toMatch(/^0s(, 0s)*$/);
    await context.close();
  }
});

/** Presses Tab until the focused element has this test id. Keys only. */
async function tabTo(page: Page, testid: string, limit = 600) {
  for (let i = 0; i < limit; i++) {
    if ((await page.evaluate(() => document.activeElement?.getAttribute("data-testid"))) === testid) return;
    await page.keyboard.press("Tab");
  }
  throw new Error(`Tab never reached ${testid}`);
}

test("the whole assessment can be done by keyboard alone", async ({ page }) => {
  // Hundreds of key presses, one at a time, as a person would make them.
  test.setTimeout(180_000);
  await page.goto("./#/new/2024-01");
  await expect(page.getByTestId("threat-list")).toBeVisible();
  const k = page.keyboard;

  // 1. Radios move with the arrow keys: Unknown → No → Yes.
  for (const q of ["rag", "genai", "llm"]) {
    await tabTo(page, `answer-${q}-unknown`);
    await k.press("ArrowLeft");
    await k.press("ArrowLeft");
  }
  await tabTo(page, "answer-trains-unknown");
  await k.press("ArrowLeft");
  await tabTo(page, "answer-hosted-model");
  await k.press("Space");
  await expect(page.getByTestId("answer-genai-yes")).toBeChecked();
  await expect(page.getByTestId("answer-hosted-model")).toBeChecked();
  await tabTo(page, "override-open-evasion");
  await k.press("Enter");
  await tabTo(page, "override-evasion-rationale");
  await k.type("A classifier screens input first.");
  await tabTo(page, "override-evasion-apply");
  await k.press("Enter");
  await expect(page.getByTestId("override-evasion")).toContainText("Included by you");

  // 2. Responsibility.
  await tabTo(page, "step-responsibility");
  await k.press("Enter");
  await tabTo(page, "confirm-defaults");
  await k.press("Enter");

  // 3. Verification: a select steps with the arrow keys.
  await tabTo(page, "step-verification");
  await k.press("Enter");
  await tabTo(page, "ver-status-directpromptinjection");
  for (let i = 0; i < 3; i++) await k.press("ArrowDown");
  await expect(page.getByTestId("ver-status-directpromptinjection")).toHaveValue("verified");

  // 4. Controls.
  await tabTo(page, "step-controls");
  await k.press("Enter");
  await tabTo(page, "ctl-status-RATELIMIT");
  // Not decided → planned → partly implemented → implemented.
  for (let i = 0; i < 3; i++) await k.press("ArrowDown");
  await expect(page.getByTestId("ctl-status-RATELIMIT")).toHaveValue("implemented");

  // 5. Risk.
  await tabTo(page, "step-risk");
  await k.press("Enter");
  for (const part of ["inherent-likelihood", "inherent-impact", "residual-likelihood", "residual-impact"]) {
    await tabTo(page, `risk-directpromptinjection-${part}`);
    await k.press("ArrowDown");
    await k.press("ArrowDown");
  }
  await expect(page.getByTestId("cell-inherent-2-2")).toHaveText("1");

  // 6. Acceptance.
  await tabTo(page, "step-acceptance");
  await k.press("Enter");
  await tabTo(page, "acc-decision-directpromptinjection");
  await k.press("ArrowDown");
  await tabTo(page, "acc-approver-directpromptinjection");
  await k.type("CISO");
  await expect(page.getByTestId("acc-decision-directpromptinjection")).toHaveValue("accepted");

  // 7. Dashboard.
  await tabTo(page, "step-dashboard");
  await k.press("Enter");
  await expect(page.getByTestId("chart-controls-implemented")).toHaveText("1");
});
