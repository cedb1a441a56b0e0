import { test, expect } from "@playwright/test";
import { readFileSync } from "node:fs";

const assessmentKeys = () =>
  Object.keys(localStorage).filter((k) => k.startsWith("aixa.assessment."));

test("full storage: a clear message, a file offered, nothing stored lost", async ({ page }) => {
  await page.goto("./");
  await expect(page.getByTestId("threat-list")).toBeVisible();
  await page.getByTestId("answer-genai-yes").check();
  const before = await page.evaluate(() => {
    const key = Object.keys(localStorage).find((k) => k.startsWith("aixa.assessment."))!;
    return [key, localStorage.getItem(key)] as const;
  });
  expect(JSON.parse(before[1]!).answers.genai).toBe(true);

  // The quota runs out.
  await page.evaluate(() => {
    const original = Storage.prototype.setItem;
    Storage.prototype.setItem = function (key: string, value: string) {
      if (key.startsWith("aixa.")) throw new DOMException("The quota has been exceeded.", "QuotaExceededError");
      return original.call(this, key, value);
    };
  });
  await page.getByTestId("answer-llm-yes").check();
  await expect(page.getByTestId("save-error")).toContainText("storage is full");
  // What was stored before is untouched.
  expect(await page.evaluate((key) => localStorage.getItem(key), before[0])).toBe(before[1]);
  // The latest state can still leave as a file.
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByTestId("save-error-export").click()]);
  const saved = JSON.parse(readFileSync(await download.path(), "utf8"));
  expect(saved.answers.llm).toBe(true);
});

test("the app shows how much storage it uses", async ({ page }) => {
  await page.goto("./");
  await expect(page.getByTestId("threat-list")).toBeVisible();
  await page.getByTestId("nav-assessments").click();
  await expect(page.getByTestId("storage-usage")).toHaveText(/aixa uses \d+\.\d KB of this browser's storage\./);
  expect((await page.evaluate(assessmentKeys)).length).toBe(1);
});
