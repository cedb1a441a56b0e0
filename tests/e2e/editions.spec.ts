import { test, expect, type Page } from "./fixtures";
import { storedAssessment } from "./flows";
import { testEditionURL } from "../../playwright.config";

// The app built with the test edition (tests/editions/test-edition) beside
// 2024-01. Both have a threat "evasion": 2024-01's applies when the model is
// NOT generative, the test edition's when it IS. With a generative model, a
// page that reads the wrong edition shows the wrong verdict.
test.use({ baseURL: testEditionURL });

const assessment = storedAssessment;

async function store(page: Page, current: string) {
  await page.goto("./#/about");
  await page.evaluate(
    ([a, b, current]) => {
      localStorage.clear();
      localStorage.setItem("aixa.assessment.ed-test", a);
      localStorage.setItem("aixa.assessment.ed-old", b);
      localStorage.setItem("aixa.current", current);
    },
    [assessment("ed-test", "test-edition", "Test-edition bot"), assessment("ed-old", "2024-01", "2024 bot"), current],
  );
  await page.reload();
}

test("the threat page and the navigator show the current assessment's edition", async ({ page }) => {

  await store(page, "ed-test");
  await page.goto("./#/threat/evasion");
  const edition = page.getByTestId("page-edition");
  await expect(edition).toHaveAttribute("data-edition", "test-edition");
  await expect(edition).toContainText("Test-edition bot");
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Test-edition evasion");
  await expect(page.locator(".verdict-line")).toHaveAttribute("data-verdict", "applicable");
  // A threat only the test edition has.
  await page.goto("./#/threat/agentescape");
  await expect(page.getByTestId("threat-page")).toHaveAttribute("data-threat", "agentescape");

  await page.goto("./#/navigator");
  await expect(page.getByTestId("page-edition")).toHaveAttribute("data-edition", "test-edition");
  await expect(page.getByTestId("nav-threat-evasion")).toHaveAttribute("data-verdict", "applicable");
  await expect(page.getByTestId("nav-threat-agentescape")).toHaveAttribute("data-verdict", "unknown");
  await expect(page.getByTestId("nav-threat-closedboxevasion")).toHaveCount(0);

  // Open the 2024-01 assessment: the same pages now show 2024-01.
  await page.goto("./#/a/ed-old/profile");
  await expect(page.getByTestId("threat-list")).toBeVisible();
  await page.goto("./#/threat/evasion");
  await expect(page.getByTestId("page-edition")).toHaveAttribute("data-edition", "2024-01");
  await expect(page.locator(".verdict-line")).toHaveAttribute("data-verdict", "not_applicable");
  await page.goto("./#/navigator");
  await expect(page.getByTestId("nav-threat-evasion")).toHaveAttribute("data-verdict", "not_applicable");
  await expect(page.getByTestId("nav-threat-closedboxevasion")).toHaveCount(1);
  await page.goto("./#/threat/agentescape");
  await expect(page.getByTestId("threat-page")).toHaveCount(0);

});

test("an assessment of an edition this build lacks is named, and kept as it is", async ({ page }) => {
  const future = assessment("ed-future", "2099-01", "From the future");
  await page.goto("./#/about");
  await page.evaluate((text) => {
    localStorage.clear();
    localStorage.setItem("aixa.assessment.ed-future", text);
  }, future);
  await page.reload();
  await expect(page.getByTestId("recovered")).toContainText('"2099-01"');
  await expect(page.getByTestId("recovered")).toContainText("kept as it is");
  // Nothing opened it as another edition, and it is still where it was.
  await page.goto("./#/assessments");
  await expect(page.getByText("From the future")).toHaveCount(0);
  expect(await page.evaluate(() => localStorage.getItem("aixa.assessment.ed-future"))).toBe(future);
});
