import { test, expect, type Page } from "./fixtures";

// The catalog browser, search, detail pages and navigator, on a narrow and
// a wide viewport.

for (const [name, viewport] of [
  ["narrow", { width: 390, height: 844 }],
  ["wide", { width: 1366, height: 900 }],
] as const) {
  test.describe(`${name} viewport`, () => {
    test.use({ viewport });
    // These pin the 2024-01 catalog: a 2024-01 assessment makes it the one
    // the catalog pages show (catalog-2026.spec.ts covers 2026-08).
    test.beforeEach(async ({ page }) => {
      await page.goto("./#/new/2024-01");
      await expect(page.getByTestId("threat-list")).toBeVisible();
    });

    test("a control page opens by URL and survives a reload", async ({ page }) => {
      await page.goto("./#/control/RATELIMIT");
      const detail = page.getByTestId("control-page");
      await expect(detail).toHaveAttribute("data-control", "RATELIMIT");
      await expect(detail.locator("h1")).toContainText("RATELIMIT");
      await expect(detail).toContainText("OpenCRE");
      await expect(detail).toContainText("630-573");
      await expect(detail).toContainText("serves every threat of section 2 (Threats through use)");
      // It serves a whole branch through its group, no threat by name.
      await expect(page.getByTestId("control-threats")).toHaveCount(0);
      await page.reload();
      await expect(page.getByTestId("control-page")).toHaveAttribute("data-control", "RATELIMIT");
      // An alias opens the same control.
      await page.goto("./#/control/AITRANSPRENCY");
      await expect(page.getByTestId("control-page")).toHaveAttribute("data-control", "AITRANSPARENCY");
      // A control that threats name lists them, each a link to its page.
      await page.goto("./#/control/DETECTODDINPUT");
      await expect(page.getByTestId("control-threats").locator('a[href$="#/threat/evasion"]')).toHaveCount(1);
    });

    test("search tolerates typos and filters narrow the list", async ({ page }) => {
      await page.goto("./#/catalog");
      await page.getByTestId("search").fill("prompt injecton");
      await expect(page.getByTestId("result-threat-directpromptinjection")).toBeVisible();
      await expect(page.getByTestId("result-threat-evasion")).toHaveCount(0);
      await page.getByTestId("search").fill("ratelimit");
      await expect(page.getByTestId("result-control-RATELIMIT")).toBeVisible();
      // The query is kept in the URL, so the search can be bookmarked.
      await expect(page).toHaveURL(/#\/catalog\?q=ratelimit$/);

      await page.getByTestId("search").fill("");
      await page.getByTestId("filter-lifecycle").selectOption("development");
      await expect(page.getByTestId("result-threat-datapoison")).toBeVisible();
      await expect(page.getByTestId("result-threat-directpromptinjection")).toHaveCount(0);
      await page.getByTestId("filter-kind").selectOption("devtime_datascience");
      await expect(page.locator("[data-testid^=result-threat-]")).toHaveCount(0);
      await expect(page.getByTestId("result-control-MORETRAINDATA")).toBeVisible();
      await expect(page.getByTestId("result-control-RATELIMIT")).toHaveCount(0);
    });

    test("the navigator highlights the profile and leads to a threat", async ({ page }) => {
      await page.getByTestId("answer-genai-yes").check();
      await page.getByTestId("answer-llm-yes").check();
      await page.getByTestId("nav-navigator").click();
      await expect(page.getByTestId("navigator")).toBeVisible();
      await expect(page.getByTestId("nav-threat-directpromptinjection")).toHaveAttribute("data-verdict", "applicable");
      await expect(page.getByTestId("nav-threat-evasion")).toHaveAttribute("data-verdict", "not_applicable");
      await page.getByTestId("nav-threat-indirectpromptinjection").getByRole("link", { name: /Indirect prompt injection/ }).click();
      await expect(page).toHaveURL(/#\/threat\/indirectpromptinjection$/);
      const detail = page.getByTestId("threat-page");
      await expect(detail).toHaveAttribute("data-threat", "indirectpromptinjection");
      await expect(detail).toContainText("Applicable");
      await expect(detail.getByRole("link", { name: "PROMPTINPUTVALIDATION" })).toBeVisible();
      await detail.getByRole("link", { name: "PROMPTINPUTVALIDATION" }).click();
      await expect(page.getByTestId("control-page")).toHaveAttribute("data-control", "PROMPTINPUTVALIDATION");
    });
  });
}

test("an unknown route says so instead of guessing", async ({ page }) => {
  await page.goto("./#/threat/nosuchthreat");
  await expect(page.getByTestId("not-found")).toBeVisible();
  await page.goto("./#/somewhere/else");
  await expect(page.getByTestId("not-found")).toBeVisible();
});

test("the about page credits the Exchange and names the edition", async ({ page }) => {
  await page.goto("./#/about");
  await expect(page.getByTestId("about")).toContainText("OWASP AI Exchange");
  await expect(page.getByTestId("about")).toContainText("CC0");
  // New assessments use the newest edition.
  await expect(page.getByTestId("about-edition")).toContainText("August 2026");
});

test("the navigator prints on one page", async ({ page }) => {
  await page.goto("./#/navigator");
  await expect(page.getByTestId("navigator")).toBeVisible();
  await page.emulateMedia({ media: "print" });
  const pdf = await page.pdf({ preferCSSPageSize: true });
  const pages = pdf.toString("latin1").match(/\/Type\s*\/Page[^s]/g) ?? [];
  expect(pages.length).toBe(1);
});
