import { test, expect, type Page } from "./fixtures";
import { storedAssessment } from "./flows";

// The catalog pages, the navigator and search on the 2026-08 edition: its
// own sections and groups (2.0, 3.0), 4.9 AGENTSANDBOXING among the threats,
// "minus", old names that stand for several items, and the new mappings. The
// pages take their edition from the current assessment, stored here.

const assessment = storedAssessment;

async function open(page: Page, edition: string) {
  await page.goto("./#/about");
  // A classifier; 2024-01 has no question "classification".
  const answers = edition === "2024-01" ? { genai: false } : { genai: false, classification: true };
  const text = assessment(`cat-${edition}`, edition, `Classifier ${edition}`, answers);
  await page.evaluate(
    ([key, text]) => {
      localStorage.clear();
      localStorage.setItem(`aixa.assessment.${key}`, text);
      localStorage.setItem("aixa.current", key);
    },
    [`cat-${edition}`, text],
  );
  await page.reload();
  await expect(page.getByTestId("page-edition")).toHaveAttribute("data-edition", edition);
}

/** The test ids of a navigator column's entries, in page order. */
const column = (page: Page, number: string) =>
  page
    .getByTestId(`nav-section-${number}`)
    .locator("[data-testid^=nav-threat-], [data-testid^=nav-control-]")
    .evaluateAll((els) => els.map((e) => e.getAttribute("data-testid")));

test("the navigator lays out 2026-08 from its own sections", async ({ page }) => {
  await open(page, "2026-08");
  await page.goto("./#/navigator");
  await expect(page.getByTestId("page-edition")).toHaveAttribute("data-edition", "2026-08");
  await expect(page.getByTestId("nav-section-1").locator("h2")).toHaveText("1 General controls");
  await expect(page.getByTestId("nav-section-2").locator("h2")).toHaveText("2 Input threats");
  await expect(page.getByTestId("nav-section-4").locator("h2")).toHaveText("4 Runtime conventional security threats");
  // The sections' own groups, numbered as the source numbers them.
  const input = page.getByTestId("nav-group-2.0");
  await expect(input).toContainText("Controls for input threats in general");
  await expect(input.locator('a[href$="#/control/RATELIMIT"]')).toHaveCount(1);
  await expect(page.getByTestId("nav-section-3").getByTestId("nav-group-3.0")).toContainText("DEVSECURITY");
  // 4.9 is a control, shown after 4.8 among section 4's threats.
  const four = await column(page, "4");
  expect(four.slice(-2)).toEqual(["nav-threat-agentescape", "nav-control-AGENTSANDBOXING"]);
  await expect(page.getByTestId("nav-control-AGENTSANDBOXING")).toContainText("4.9");
  // Every threat of the edition is there, once, in its section's column.
  expect(await column(page, "2")).toContain("nav-threat-transferattack");
  expect(await column(page, "3")).toContain("nav-threat-supplymodelpoison");
  await expect(page.locator("[data-testid^=nav-threat-]")).toHaveCount(31);
  await expect(page.getByTestId("nav-threat-closedboxevasion")).toHaveCount(0);
  // A classifier: transferability-based evasion applies, with its minus.
  await expect(page.getByTestId("nav-threat-transferattack")).toHaveAttribute("data-verdict", "applicable");
  await expect(page.getByTestId("nav-minus-transferattack")).toContainText("RATELIMIT");
});

test("a 2026-08 threat page shows its minus, branch, OpenCRE and LLM Top 10 edition", async ({ page }) => {
  await open(page, "2026-08");
  await page.goto("./#/threat/transferattack");
  const detail = page.getByTestId("threat-page");
  await expect(detail).toHaveAttribute("data-threat", "transferattack");
  await expect(detail.locator(".verdict-line")).toHaveAttribute("data-verdict", "applicable");
  const minus = page.getByTestId("minus-controls");
  for (const id of ["RATELIMIT", "UNWANTEDINPUTSERIESHANDLING", "OBSCURECONFIDENCE"]) {
    await expect(minus.locator(`a[href$="#/control/${id}"]`)).toHaveCount(1);
  }
  // Group 2.0 serves it, less what its minus takes away.
  const branch = detail.locator(".group-controls").filter({ hasText: "2.0 Controls for input threats in general" });
  await expect(branch.locator('a[href$="#/control/MONITORUSE"]')).toHaveCount(1);
  await expect(branch.locator('a[href$="#/control/RATELIMIT"]')).toHaveCount(0);
  // Inherited from evasion, less the minus.
  const inherited = page.getByTestId("inherited-controls");
  await expect(inherited.locator('a[href$="#/control/EVASIONINPUTHANDLING"]')).toHaveCount(1);
  await expect(inherited.locator('a[href$="#/control/UNWANTEDINPUTSERIESHANDLING"]')).toHaveCount(0);

  await page.goto("./#/threat/evasion");
  await expect(page.getByTestId("threat-opencre").locator('a[href="https://opencre.org/cre/370-877"]')).toHaveCount(1);
  await page.goto("./#/threat/directpromptinjection");
  await expect(page.getByTestId("llm-top10").first()).toContainText("(OWASP Top 10 for LLM 2026)");
});

test("2026-08 control pages: AGENTSANDBOXING, aliases, sections by name, mappings", async ({ page }) => {
  await open(page, "2026-08");
  await page.goto("./#/control/AGENTSANDBOXING");
  const detail = page.getByTestId("control-page");
  await expect(detail).toHaveAttribute("data-control", "AGENTSANDBOXING");
  await expect(detail.locator(".crumb")).toHaveText("Control · section 4.9");
  await expect(page.getByTestId("control-threats").locator('a[href$="#/threat/agentescape"]')).toHaveCount(1);

  // An old id the source split: both controls, to choose from.
  await page.goto("./#/control/DETECTADVERSARIALINPUT");
  await expect(page.getByTestId("control-page")).toHaveCount(0);
  const choice = page.getByTestId("alias-choice");
  await expect(choice).toContainText("DETECTADVERSARIALINPUT");
  await expect(page.getByTestId("alias-control-EVASIONINPUTHANDLING")).toBeVisible();
  await page.getByTestId("alias-control-UNWANTEDINPUTSERIESHANDLING").locator("a").click();
  await expect(page.getByTestId("control-page")).toHaveAttribute("data-control", "UNWANTEDINPUTSERIESHANDLING");
  // An old id of one control opens it, and says so.
  await page.goto("./#/control/DETECTODDINPUT");
  await expect(page.getByTestId("control-page")).toHaveAttribute("data-control", "ANOMALOUSINPUTHANDLING");
  await expect(page.getByTestId("alias-note")).toContainText("DETECTODDINPUT");

  // Section 2 by 2026-08's own name; the threats its minus spares.
  await page.goto("./#/control/RATELIMIT");
  await expect(page.getByTestId("control-groups")).toContainText("serves every threat of section 2 (Input threats)");
  await expect(page.getByTestId("control-minus")).toContainText("2.1.3 Transferability-based evasion");
  // Guidelines with DSIT principles; EU AI Act articles.
  await page.goto("./#/control/SECEDUCATE");
  await expect(page.getByTestId("control-guidelines")).toContainText("DSIT Code of Practice principle 1");
  await page.goto("./#/control/MONITORUSE");
  await expect(page.getByTestId("control-regulations")).toContainText("Logging & audit trail");
  await expect(page.getByTestId("control-regulations")).toContainText("Art 12");
  await page.goto("./#/control/CHECKCOMPLIANCE");
  const mapping = page.getByTestId("control-regulations");
  await expect(mapping.locator("li")).toHaveCount(9);
  await expect(mapping).toContainText("Art 3(23), Art 25");
});

test("old threat ids on 2026-08: search finds what they became, links lead there", async ({ page }) => {
  await open(page, "2026-08");
  await page.goto("./#/catalog");
  await page.getByTestId("search").fill("closedboxevasion");
  await expect(page.getByTestId("result-threat-zeroknowledgeevasion")).toBeVisible();
  await expect(page.getByTestId("result-threat-transferattack")).toBeVisible();
  await page.getByTestId("search").fill("DETECTADVERSARIALINPUT");
  await expect(page.getByTestId("result-control-EVASIONINPUTHANDLING")).toBeVisible();
  await expect(page.getByTestId("result-control-UNWANTEDINPUTSERIESHANDLING")).toBeVisible();

  await page.goto("./#/threat/closedboxevasion");
  await expect(page.getByTestId("alias-threat-zeroknowledgeevasion")).toBeVisible();
  await expect(page.getByTestId("alias-threat-transferattack")).toBeVisible();
  await page.goto("./#/threat/openboxevasion");
  await expect(page.getByTestId("threat-page")).toHaveAttribute("data-threat", "perfectknowledgeevasion");
  await expect(page.getByTestId("alias-note")).toContainText("openboxevasion");
});

test("2024-01 keeps its own layout and ids beside it", async ({ page }) => {
  await open(page, "2024-01");
  await page.goto("./#/navigator");
  await expect(page.getByTestId("nav-section-2").locator("h2")).toHaveText("2 Threats through use");
  await expect(page.getByTestId("nav-group-2")).toContainText("RATELIMIT");
  await expect(page.locator("[data-testid^=nav-control-]")).toHaveCount(0);
  await expect(page.locator("[data-testid^=nav-minus-]")).toHaveCount(0);
  await page.goto("./#/threat/closedboxevasion");
  await expect(page.getByTestId("threat-page")).toHaveAttribute("data-threat", "closedboxevasion");
  await expect(page.getByTestId("alias-note")).toHaveCount(0);
  await page.goto("./#/control/DETECTADVERSARIALINPUT");
  await expect(page.getByTestId("control-page")).toHaveAttribute("data-control", "DETECTADVERSARIALINPUT");
});
