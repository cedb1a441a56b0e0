import { test, expect, type Page } from "./fixtures";
import { fixture, fixtureId, openFixture } from "./flows";
import { readFileSync } from "node:fs";

// "Back up everything", then the browser loses its storage, then the backup
// is restored: every assessment comes back as it was, ids included.

// Every stored assessment, parsed; a revision the stored text leaves out is
// 0, as the app reads it (the fixture is stored as written by hand).
const stored = (page: Page) =>
  page.evaluate(() =>
    Object.fromEntries(
      Object.keys(localStorage)
        .filter((k) => k.startsWith("aixa.assessment."))
        .map((k) => [k, { revision: 0, ...JSON.parse(localStorage.getItem(k) ?? "null") }]),
    ),
  );

async function restore(page: Page, text: string) {
  await page.getByTestId("import-file").setInputFiles({ name: "backup.json", mimeType: "application/json", buffer: Buffer.from(text) });
}

test("back up → clear storage → restore gives every assessment back, identical", async ({ page }) => {
  await openFixture(page, "dashboard");
  await expect(page.getByTestId("step-page-dashboard")).toBeVisible();
  await page.goto("./#/assessments");
  await page.getByTestId("new-name").fill("Second system");
  await page.getByTestId("create").click();
  await expect(page.getByTestId("step-page-profile")).toBeVisible();
  await page.getByTestId("answer-genai-yes").check();

  await page.goto("./#/assessments");
  await expect(page.getByTestId("persistence")).not.toContainText("Asking");
  await expect(page.getByTestId("last-backup")).toHaveText("never");
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByTestId("backup").click()]);
  expect(download.suggestedFilename()).toMatch(/^aixa-backup-\d{4}-\d{2}-\d{2}\.json$/);
  const backup = readFileSync(await download.path(), "utf8");
  await expect(page.getByTestId("last-backup")).not.toHaveText("never");
  const before = await stored(page);
  expect(Object.keys(before)).toHaveLength(2);
  expect(before[`aixa.assessment.${fixtureId}`]).toEqual({ revision: 0, ...JSON.parse(fixture) });

  // The browser clears the site's data.
  await page.evaluate(() => localStorage.clear());
  await page.goto("./#/assessments");
  await page.reload();
  expect(await stored(page)).toEqual({});

  await restore(page, backup);
  await expect(page.getByTestId("import-message")).toContainText("2 added, 0 already here unchanged");
  // Identical, in the schema this version writes (the fixture is schema 5).
  const current = (all: Record<string, any>) =>
    Object.fromEntries(Object.entries(all).map(([k, a]) => [k, { ...a, schema: 6 }]));
  expect(await stored(page)).toEqual(current(before));
  await expect(page.getByTestId("assessment-Second system")).toBeVisible();

  // Restoring again adds nothing and asks nothing.
  await restore(page, backup);
  await expect(page.getByTestId("import-message")).toContainText("0 added, 2 already here unchanged");
  await expect(page.locator("[data-testid^=differs-]")).toHaveCount(0);
  expect(await stored(page)).toEqual(current(before));
});

test("a restore never replaces a copy held differently here without asking", async ({ page }) => {
  await openFixture(page, "profile");
  await page.goto("./#/assessments");
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByTestId("backup").click()]);
  const backup = readFileSync(await download.path(), "utf8");

  // Work goes on here after the backup.
  await page.goto(`./#/a/${fixtureId}/profile`);
  await page.getByTestId("answer-trains-yes").check();
  await page.goto("./#/assessments");
  const changed = await stored(page);

  await restore(page, backup);
  await expect(page.getByTestId("import-message")).toContainText("1 held differently here");
  expect(await stored(page)).toEqual(changed);
  const row = page.getByTestId(`differs-${fixtureId}`);
  await expect(row).toContainText("this browser's is newer");

  // Keep both: this browser's stays as it is, the backup's comes as a copy.
  await row.getByTestId("differs-both").click();
  await expect(row).toHaveCount(0);
  const after = await stored(page);
  expect(after[`aixa.assessment.${fixtureId}`]).toEqual(changed[`aixa.assessment.${fixtureId}`]);
  const copies = Object.values(after).filter((a: any) => a.name.endsWith("(from backup)"));
  expect(copies).toHaveLength(1);
  expect((copies[0] as any).answers.trains).toBe(false);
});

test("work that is in no file for a week earns a quiet nudge, until it is backed up", async ({ page }) => {
  await page.clock.setFixedTime(new Date("2026-11-28T12:00:00Z"));
  await openFixture(page, "profile"); // last changed 2026-11-20 in the fixture
  await page.goto("./#/assessments");
  await expect(page.getByTestId("backup-nudge")).toContainText("in no file for 8 days");
  await Promise.all([page.waitForEvent("download"), page.getByTestId("backup").click()]);
  await expect(page.getByTestId("backup-nudge")).toHaveCount(0);
  await expect(page.getByTestId("last-backup")).toHaveText("2026-11-28 12:00 UTC");
});
