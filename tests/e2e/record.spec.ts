import { test, expect } from "./fixtures";
import { fixture, fixtureId, openFixture } from "./flows";
import { execFileSync } from "node:child_process";

// Issue 16: a record an auditor can verify. The app shows the digest the
// CLI computes, checks a pasted one, binds a sign-off to it and flags any
// later change; a share link keeps the original's id and times.

/** The fixture's digest as `aixa digest` prints it. */
const cliDigest = () =>
  execFileSync("cargo", ["run", "-q", "--bin", "aixa", "--", "digest", "tests/fixtures/assessment-rag-llm.json"], {
    encoding: "utf8",
  }).trim();

test("the dashboard shows the CLI's digest and checks a pasted one", async ({ page }) => {
  const digest = cliDigest();
  expect(digest).toMatch(/^sha256:[0-9a-f]{64}$/);
  await openFixture(page, "dashboard");
  await expect(page.getByTestId("digest")).toHaveText(digest);
  const paste = page.getByTestId("digest-paste");
  await paste.fill(`  ${digest.slice(7).toUpperCase()} `);
  await expect(page.getByTestId("digest-check")).toContainText("It matches");
  await paste.fill(`sha256:${"0".repeat(64)}`);
  await expect(page.getByTestId("digest-check")).toContainText("does not match");
  await paste.fill("sha256:12");
  await expect(page.getByTestId("digest-check")).toContainText("not a digest");
});

test("sign-off, then an edit, flags the record changed since sign-off, naming the change and who made it", async ({ page }) => {
  await openFixture(page, "profile");
  // Name the assessors, and record as one of them.
  await page.getByTestId("assessment-details").locator("summary").click();
  await page.getByTestId("detail-assessors").fill("Ana Ruiz, Bo Chen");
  await page.getByTestId("detail-assessors").press("Tab");
  await page.getByTestId("recording-as").selectOption("Bo Chen");

  await page.getByTestId("step-dashboard").click();
  const form = page.getByTestId("signoff-form");
  await form.locator("summary").click();
  await expect(page.getByTestId("signoff-apply")).toBeDisabled();
  await page.getByTestId("signoff-by").fill("Dana Ode");
  await page.getByTestId("signoff-role").fill("CISO");
  await page.getByTestId("signoff-statement").fill("Residual risk acceptable for internal release.");
  await page.getByTestId("signoff-apply").click();
  const status = page.getByTestId("signoff-status");
  await expect(status).toHaveAttribute("data-state", "current");
  await expect(status).toContainText("Signed off");
  await expect(status).toContainText("Dana Ode (CISO)");
  // The signed digest is the record's, as saved.
  const signed = await page.getByTestId("digest").textContent();
  await expect(status).toContainText(signed ?? "none");
  // It holds across a reload.
  await page.reload();
  await expect(page.getByTestId("signoff-status")).toHaveAttribute("data-state", "current");

  // An edit: the system's version.
  await page.getByTestId("step-profile").click();
  await page.getByTestId("assessment-details").locator("summary").click();
  await page.getByTestId("detail-version").fill("2.4");
  await page.getByTestId("detail-version").press("Tab");
  await page.getByTestId("step-dashboard").click();
  await expect(status).toHaveAttribute("data-state", "changed");
  await expect(status).toContainText("Changed since sign-off");
  const since = page.getByTestId("changed-since");
  await expect(since).toContainText("details.version");
  await expect(since).toContainText("Bo Chen");
  await expect(since).toContainText('"2.4"');
  await expect(page.getByTestId("digest")).not.toHaveText(signed ?? "");
  // The change log has it too, newest first.
  await expect(page.getByTestId("change-log").locator("tbody tr").first()).toContainText("details.version");
});

test("a share link keeps the original's id, creation time and time of last change", async ({ page, browser }) => {
  const original = JSON.parse(fixture);
  await openFixture(page, "dashboard");
  await page.getByTestId("share").click();
  const link = await page.getByTestId("share-link").inputValue();

  // Someone else opens it, in a browser of their own.
  const other = await browser.newContext();
  const theirs = await other.newPage();
  await theirs.goto(link);
  await expect(theirs.getByTestId("report-updated")).toHaveText(original.updated);
  await expect(theirs.getByTestId("report-copied")).toBeVisible();
  await theirs.getByTestId("save-copy").click();
  await expect(theirs.getByTestId("step-profile")).toHaveAttribute("aria-current", "step");
  const stored = await theirs.evaluate(() => {
    const key = Object.keys(localStorage).find((k) => k.startsWith("aixa.assessment."));
    return key ? JSON.parse(localStorage.getItem(key) ?? "{}") : null;
  });
  expect(stored).not.toBeNull();
  expect(stored.origin).toBe(fixtureId);
  expect(stored.id).not.toBe(fixtureId);
  expect([stored.created, stored.updated]).toEqual([original.created, original.updated]);
  expect(stored.copied).toBeTruthy();
  await other.close();
});

test("scope and criteria are the record's first section, and an acceptance above the appetite is flagged", async ({ page }) => {
  await openFixture(page, "profile");
  const scope = page.getByTestId("scope");
  await scope.locator("summary").click();
  await expect(scope.locator("summary")).toContainText("0 of 10 given");
  await page.getByTestId("scope-purpose").fill("Answer customer questions");
  await page.getByTestId("scope-purpose").press("Tab");
  await page.getByTestId("scope-ai-act").selectOption("limited");
  await page.getByTestId("criteria-likelihood-1").fill("Once in ten years");
  await page.getByTestId("criteria-likelihood-1").press("Tab");
  // Direct prompt injection is accepted at residual level 6 (2 × 3).
  await page.getByTestId("criteria-appetite").selectOption("4");
  await expect(scope.locator("summary")).toContainText("3 of 10 given");

  await page.getByTestId("step-acceptance").click();
  await expect(page.getByTestId("acc-above-directpromptinjection")).toContainText("level 6, appetite 4");
  // Not accepted: no flag, whatever its level.
  await expect(page.getByTestId("acc-above-indirectpromptinjection")).toHaveCount(0);

  // Kept across a reload, and within the appetite the flag goes.
  await page.reload();
  await page.getByTestId("step-profile").click();
  await page.getByTestId("scope").locator("summary").click();
  await expect(page.getByTestId("scope-purpose")).toHaveValue("Answer customer questions");
  await expect(page.getByTestId("criteria-likelihood-1")).toHaveValue("Once in ten years");
  await page.getByTestId("criteria-appetite").selectOption("6");
  await page.getByTestId("step-acceptance").click();
  await expect(page.getByTestId("acc-directpromptinjection")).toBeVisible();
  await expect(page.getByTestId("acc-above-directpromptinjection")).toHaveCount(0);
});
