import { test, expect } from "./fixtures";
import { resolve } from "node:path";

// Offline use: the service worker after a first visit, and the single-file
// build opened from disk.

test("after the first visit the app reloads with the network off", async ({ page, context }) => {
  await page.goto("./#/new/2024-01");
  await expect(page.getByTestId("threat-list")).toBeVisible();
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
  });
  // The worker claims the page; wait until it controls it.
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
  await page.getByTestId("answer-genai-yes").check();

  await context.setOffline(true);
  await page.reload();
  await expect(page.getByTestId("threat-list")).toBeVisible();
  await expect(page.getByTestId("answer-genai-yes")).toBeChecked();
  await page.getByTestId("nav-catalog").click();
  await page.getByTestId("search").fill("ratelimit");
  await expect(page.getByTestId("result-control-RATELIMIT")).toBeVisible();
  await context.setOffline(false);
});

test("the single-file build works from file://", async ({ page }) => {
  // Its policy (hashes, not 'self') must let it run and block nothing: a
  // violation becomes a console error, which fails the test.
  await page.addInitScript(() =>
    document.addEventListener("securitypolicyviolation", (e) => console.error(`CSP ${e.violatedDirective}`)),
  );
  await page.goto("file://" + resolve("target/aixa.html") + "#/new/2024-01");
  await expect(page.getByTestId("threat-list")).toBeVisible();
  await page.getByTestId("answer-genai-yes").check();
  await page.getByTestId("answer-llm-yes").check();
  await expect(page.getByTestId("threat-directpromptinjection")).toHaveAttribute("data-verdict", "applicable");
  await page.reload();
  await expect(page.getByTestId("answer-llm-yes")).toBeChecked();
  const csp = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute("content");
  expect(csp).toMatch(/script-src 'sha256-[^']+' 'wasm-unsafe-eval'; style-src 'sha256-[^']+'/);
});
