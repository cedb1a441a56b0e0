import { test, expect, type Page } from "./fixtures";
import { readFileSync } from "node:fs";

// Hostile text in every free-text field, arriving by import, by typing and
// by share link, must stay text: nothing runs, nothing renders as markup.

const PAYLOADS = [
  `<img src=x onerror="window.__xss='img'">`,
  `<script>window.__xss='script'</script>`,
  `"><svg onload="window.__xss='svg'">`,
  `javascript:window.__xss='href'`,
  `' onmouseover='window.__xss=1' x='`,
  `{{constructor.constructor('window.__xss=1')()}}`,
  `=HYPERLINK("http://evil.example","click")`,
];
const P = (i: number) => PAYLOADS[i % PAYLOADS.length];

function hostileAssessment() {
  const a = JSON.parse(readFileSync("tests/fixtures/assessment-rag-llm.json", "utf8"));
  a.name = P(0);
  a.overrides.evasion.rationale = P(1);
  a.responsibility.directpromptinjection.provider = P(2);
  a.verification.directpromptinjection.note = P(3);
  a.verification.directpromptinjection.link = P(3);
  a.controls.RATELIMIT.owner = P(4);
  a.controls.RATELIMIT.notes = P(5);
  a.controls.PROMPTINPUTVALIDATION.rationale = P(6);
  a.acceptance.directpromptinjection.approver = P(1);
  a.acceptance.directpromptinjection.rationale = P(2);
  return a;
}

async function expectInert(page: Page) {
  expect(await page.evaluate(() => (window as any).__xss)).toBeUndefined();
  // No element the payloads could have made, and no inline event handler.
  expect(await page.locator("main img, main script, main iframe").count()).toBe(0);
  const handlers = await page.evaluate(
    () => [...document.querySelectorAll("*")].filter((e) => [...e.attributes].some((a) => a.name.startsWith("on"))).length,
  );
  expect(handlers).toBe(0);
}

test("hostile text stays inert in the UI, the print view and a share link", async ({ page, browser }) => {
  const dialogs: string[] = [];
  page.on("dialog", (d) => {
    dialogs.push(d.message());
    d.dismiss();
  });
  await page.goto("./#/assessments");
  const text = JSON.stringify(hostileAssessment());
  await page.getByTestId("import-file").setInputFiles({ name: "hostile.json", mimeType: "application/json", buffer: Buffer.from(text) });
  await expect(page.getByTestId("import-message")).toContainText("Imported");

  await page.getByRole("link", { name: P(0) }).click();
  for (const step of ["profile", "responsibility", "verification", "controls", "risk", "acceptance", "dashboard"]) {
    await page.getByTestId(`step-${step}`).click();
    await expect(page.getByTestId(`step-page-${step}`)).toBeVisible();
    await page.mouse.move(200, 300);
    await expectInert(page);
  }
  await expect(page.getByTestId("assessment-name")).toHaveText(P(0));
  await page.getByTestId("step-controls").click();
  await expect(page.getByTestId("ctl-owner-RATELIMIT")).toHaveValue(P(4));

  // Typed in, too.
  await page.getByTestId("nav-assessments").click();
  await page.getByRole("button", { name: "Rename" }).first().click();
  await page.getByTestId("rename-input").fill(P(2));
  await page.getByTestId("rename-input").press("Enter");
  await expect(page.getByTestId(`assessment-${P(2)}`)).toBeVisible();
  await expectInert(page);

  // The print view shows the text literally.
  await page.getByRole("link", { name: P(2) }).click();
  await page.getByTestId("print").click();
  const report = page.getByTestId("report");
  await expect(report).toContainText(P(1));
  await expect(report).toContainText(P(3));
  await expectInert(page);

  // And through a share link, in another browser.
  await page.goBack();
  await page.getByTestId("share").click();
  const link = await page.getByTestId("share-link").inputValue();
  const context = await browser.newContext();
  const other = await context.newPage();
  other.on("dialog", (d) => {
    dialogs.push(d.message());
    d.dismiss();
  });
  await other.goto(link);
  await expect(other.getByTestId("report-name")).toHaveText(P(2));
  await expect(other.getByTestId("report")).toContainText(P(6));
  await expectInert(other);
  await context.close();
  expect(dialogs).toEqual([]);
});
