import { test, expect } from "./fixtures";
import { openFixture } from "./flows";

// Views that must tell the truth (issue 13): what the dashboard flags, and
// what it counts.

test("the dashboard flags a control past its due date", async ({ page }) => {
  // MONITORUSE is planned in the fixture, due 2026-12-31.
  await page.clock.setFixedTime(new Date("2027-01-02T09:00:00Z"));
  await openFixture(page, "dashboard");
  await expect(page.getByTestId("overdue-MONITORUSE")).toContainText("due 2026-12-31");
  await page.clock.setFixedTime(new Date("2026-12-30T09:00:00Z"));
  await page.reload();
  await expect(page.getByTestId("overdue-controls")).toContainText("No control is past its due date.");
});

test("guideline coverage counts only controls that apply, and shows which", async ({ page }) => {
  await openFixture(page, "dashboard");
  // Every guideline mapped to PROMPTINPUTVALIDATION, which the fixture marks
  // not applicable, lists it as not counted.
  const details = page.locator("[data-testid$=-detail]").filter({ hasText: "PROMPTINPUTVALIDATION" });
  const n = await details.count();
  expect(n).toBeGreaterThan(0);
  for (let i = 0; i < n; i++) {
    const d = details.nth(i);
    await d.locator("summary").click();
    await expect(d).toContainText("PROMPTINPUTVALIDATION not counted: marked not applicable");
  }
});

test("an excluded threat shows as excluded everywhere, with the override visible", async ({ page }) => {
  await openFixture(page, "profile");
  const row = page.getByTestId("threat-indirectpromptinjection");
  await expect(row).toHaveAttribute("data-verdict", "applicable");
  const applicable = Number(await page.getByTestId("count-applicable").locator(".n").textContent());
  await page.getByTestId("override-open-indirectpromptinjection").click();
  await page.getByTestId("override-indirectpromptinjection-rationale").fill("No documents reach the model.");
  await page.getByTestId("override-indirectpromptinjection-apply").click();

  // The list: the badge says what holds, the override says why.
  await expect(row).toHaveAttribute("data-verdict", "not_applicable");
  await expect(row.locator(".badge")).not.toContainText("Applicable", { ignoreCase: false });
  await expect(page.getByTestId("override-indirectpromptinjection")).toContainText("Excluded by you");
  // The counters add up to what is in scope.
  await expect(page.getByTestId("count-applicable").locator(".n")).toHaveText(String(applicable - 1));
  const inScope = await page.locator("li.threat[data-in-scope=true]").count();
  const unknown = Number(await page.getByTestId("count-unknown").locator(".n").textContent());
  expect(applicable - 1 + unknown).toBe(inScope);

  // The threat page and the navigator agree.
  await page.goto("./#/threat/indirectpromptinjection");
  await expect(page.locator(".verdict-line")).toHaveAttribute("data-verdict", "not_applicable");
  await expect(page.locator(".verdict-line")).toContainText("excluded by your override");
  await page.goto("./#/navigator");
  await expect(page.getByTestId("nav-threat-indirectpromptinjection")).toHaveAttribute("data-verdict", "not_applicable");
  await expect(page.getByTestId("nav-override-indirectpromptinjection")).toBeVisible();
});
