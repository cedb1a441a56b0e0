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
