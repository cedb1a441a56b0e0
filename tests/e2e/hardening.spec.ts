import { test, expect } from "./fixtures";
import { readFileSync } from "node:fs";

const assessmentKeys = () =>
  Object.keys(localStorage).filter((k) => k.startsWith("aixa.assessment."));

test("full storage: a clear message, a file offered, nothing stored lost", async ({ page }) => {
  await page.goto("./#/new/2024-01");
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
  await page.goto("./#/new/2024-01");
  await expect(page.getByTestId("threat-list")).toBeVisible();
  await page.getByTestId("nav-assessments").click();
  await expect(page.getByTestId("storage-usage")).toHaveText(/aixa uses \d+\.\d KB of this browser's storage\./);
  expect((await page.evaluate(assessmentKeys)).length).toBe(1);
});

test("two tabs: an edit in one appears in the other", async ({ context }) => {
  const a = await context.newPage();
  await a.goto("./#/new/2024-01");
  await expect(a.getByTestId("threat-list")).toBeVisible();
  const url = a.url();
  const b = await context.newPage();
  await b.goto(url);
  await expect(b.getByTestId("answer-genai-unknown")).toBeChecked();

  await a.getByTestId("answer-genai-yes").check();
  await expect(b.getByTestId("answer-genai-yes")).toBeChecked();
  await b.getByTestId("answer-llm-yes").check();
  await expect(a.getByTestId("answer-llm-yes")).toBeChecked();
  await expect(a.getByTestId("threat-directpromptinjection")).toHaveAttribute("data-verdict", "applicable");
});

test("two tabs: a racing save gets a conflict prompt, never a silent lost update", async ({ context }) => {
  const page = await context.newPage();
  await page.goto("./#/new/2024-01");
  await expect(page.getByTestId("threat-list")).toBeVisible();
  await page.getByTestId("answer-genai-yes").check();
  // Another tab saves a newer revision, and this tab has not heard of it
  // yet (a storage event never reaches the tab that wrote).
  const [key, theirs] = await page.evaluate(() => {
    const key = Object.keys(localStorage).find((k) => k.startsWith("aixa.assessment."))!;
    const a = JSON.parse(localStorage.getItem(key)!);
    a.revision += 5;
    a.answers.trains = true;
    const text = JSON.stringify(a);
    localStorage.setItem(key, text);
    return [key, text];
  });
  await page.getByTestId("answer-llm-yes").check();
  await expect(page.getByTestId("conflict")).toContainText("was changed in another tab");
  // Nothing was overwritten.
  expect(await page.evaluate((k) => localStorage.getItem(k), key)).toBe(theirs);

  await page.getByTestId("conflict-ours").click();
  await expect(page.getByTestId("conflict")).toHaveCount(0);
  const saved = JSON.parse((await page.evaluate((k) => localStorage.getItem(k), key))!);
  expect(saved.answers.llm).toBe(true);
  expect(saved.revision).toBeGreaterThan(JSON.parse(theirs).revision);
});
