import { test, expect } from "./fixtures";
import { fixture, fixtureId, openFixture, strip } from "./flows";

// Share by link: the assessment travels in the fragment and opens read-only
// in another browser, where it is saved only as a new copy.

test("a share link opened in a fresh context gives an identical assessment", async ({ page, browser }) => {
  const id = fixtureId;
  await openFixture(page, "dashboard");
  await page.getByTestId("share").click();
  const link = await page.getByTestId("share-link").inputValue();
  expect(link).toMatch(/\/nested\/path\/aixa\/#\/s\/[A-Za-z0-9_-]+$/);
  expect(link.length).toBeLessThan(8000);

  const context = await browser.newContext();
  const other = await context.newPage();
  // What the app itself sends while it opens the link: browsers keep the
  // fragment to themselves, so this checks that aixa does too.
  const payload = link.split("#/s/")[1];
  const requests: string[] = [];
  other.on("request", (r) => requests.push(`${r.method()} ${r.url()} ${r.postData() ?? ""}`));
  await other.goto(link);
  await expect(other.getByTestId("shared-banner")).toBeVisible();
  await expect(other.getByTestId("report-name")).toHaveText("Support chatbot (RAG + hosted LLM)");
  await expect(other.getByTestId("report-updated")).toHaveText(JSON.parse(fixture).updated);
  await expect(other.getByTestId("report-copied")).toBeVisible();
  // Read-only: nothing is stored until the user saves a copy.
  expect(await other.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith("aixa.assessment.")))).toEqual([]);
  // Only the app's own static files were fetched, and none carried the payload.
  const origin = new URL(link).origin;
  expect(requests.length).toBeGreaterThan(0);
  for (const r of requests) {
    expect(r.startsWith(`GET ${origin}/`), r).toBe(true);
    expect(r.includes(payload.slice(0, 24)), r).toBe(false);
  }

  await other.getByTestId("save-copy").click();
  await expect(other.getByTestId("step-page-profile")).toBeVisible();
  const stored = await other.evaluate(() =>
    Object.keys(localStorage)
      .filter((k) => k.startsWith("aixa.assessment."))
      .map((k) => JSON.parse(localStorage.getItem(k) ?? "null")),
  );
  expect(stored).toHaveLength(1);
  expect(strip(stored[0])).toEqual(strip(JSON.parse(fixture)));
  // The copy keeps the record's own time of last change, and says when it
  // was made.
  expect(stored[0].updated).toBe(JSON.parse(fixture).updated);
  expect(Date.parse(stored[0].copied)).toBeGreaterThan(Date.parse("2026-01-01"));
  // And, since link format 5, its creation time and the original's id.
  expect(stored[0].created).toBe(JSON.parse(fixture).created);
  expect(stored[0].origin).toBe(fixtureId);
  await context.close();
});

test("a corrupt or truncated link gets a clear message and the app keeps working", async ({ page }) => {
  for (const payload of ["gQcyMDI0LTAxLU-9SgNBED7i", "!!!not-base64!!!", "AAAA", "_w"]) {
    await page.goto(`./#/s/${payload}`);
    await expect(page.getByTestId("share-error")).toContainText("This link could not be opened");
  }
  await page.getByRole("link", { name: "Go to your assessments" }).click();
  await expect(page.getByRole("heading", { name: "Assessments" })).toBeVisible();
});

test("a link that would pass 8,000 characters is not offered; a file is", async ({ page }) => {
  const a = JSON.parse(fixture);
  // Notes that do not compress: 9,000 random letters.
  let seed = 7;
  const noise = Array.from({ length: 9000 }, () => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"[seed % 62];
  }).join("");
  a.controls.RATELIMIT.notes = noise;
  await page.goto("./#/about");
  await page.evaluate(([id, text]) => localStorage.setItem(`aixa.assessment.${id}`, text), [fixtureId, JSON.stringify(a)]);
  await page.reload();
  await page.goto(`./#/a/${fixtureId}/dashboard`);
  await page.getByTestId("share").click();
  await expect(page.getByTestId("share-too-long")).toContainText("Share the assessment as a file instead");
  await expect(page.getByTestId("share-link")).toHaveCount(0);
});
