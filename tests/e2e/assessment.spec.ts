import { test, expect } from "./fixtures";
import { walk, expectKept } from "./flows";

// The whole assessment, all seven steps, for a RAG + LLM system on a hosted
// model; then a reload must find every decision kept.

test("all seven steps, kept across a reload", async ({ page }) => {
  await walk(page);
  await page.reload();
  await expect(page.getByTestId("step-page-dashboard")).toBeVisible();
  await expectKept(page);
});

test("corrupt saved JSON is kept aside, untouched, and new work saves", async ({ page }) => {
  await page.goto("./#/new/2024-01");
  await expect(page.getByTestId("threat-list")).toBeVisible();
  const corrupt = '{"schema": 2, "id": "broken", "name": "half-writ';
  await page.evaluate((text) => localStorage.setItem("aixa.assessment.broken", text), corrupt);
  await page.reload();
  await expect(page.getByTestId("recovered")).toContainText("aixa.assessment.broken");
  await expect(page.getByTestId("recovered")).toContainText("kept aside");
  const kept = await page.evaluate(() =>
    Object.keys(localStorage)
      .filter((k) => k.startsWith("aixa.recovered.aixa.assessment.broken."))
      .map((k) => localStorage.getItem(k)),
  );
  expect(kept).toEqual([corrupt]);
  expect(await page.evaluate(() => localStorage.getItem("aixa.assessment.broken"))).toBeNull();

  // New work saves normally.
  await page.getByTestId("answer-genai-yes").check();
  await page.reload();
  await expect(page.getByTestId("answer-genai-yes")).toBeChecked();
});

test("assessments can be created, renamed, duplicated, and deleted with undo", async ({ page }) => {
  await page.goto("./#/assessments");
  await page.getByTestId("new-name").fill("Fraud model");
  await page.getByTestId("create").click();
  await expect(page.getByTestId("assessment-name")).toHaveText("Fraud model");
  await page.getByTestId("answer-genai-no").check();
  await page.getByTestId("nav-assessments").click();

  const row = page.getByTestId("assessment-Fraud model");
  await row.getByRole("button", { name: "Rename" }).click();
  await page.getByTestId("rename-input").fill("Fraud scoring model");
  await page.getByTestId("rename-input").press("Enter");
  const renamed = page.getByTestId("assessment-Fraud scoring model");
  // New assessments use the newest edition.
  await expect(renamed).toContainText("Edition 2026-08");
  await renamed.getByRole("button", { name: "Duplicate" }).click();
  await expect(page.getByTestId("assessment-Fraud scoring model (copy)")).toBeVisible();

  await renamed.getByRole("button", { name: "Delete" }).click();
  await expect(page.getByTestId("assessment-Fraud scoring model")).toHaveCount(0);
  await page.getByTestId("undo").click();
  await expect(page.getByTestId("assessment-Fraud scoring model")).toBeVisible();
  await page.reload();
  await expect(page.getByTestId("assessment-Fraud scoring model")).toBeVisible();
  await expect(page.getByTestId("assessment-Fraud scoring model (copy)")).toBeVisible();
});
