import { test, expect } from "./fixtures";
import { fixture, fixtureId, openFixture, strip } from "./flows";
import { readFileSync } from "node:fs";

// Export and import: files are made and read in the browser.

test("export → import round trip gives an identical assessment", async ({ page, browser }) => {
  const id = fixtureId;
  await page.clock.setFixedTime(new Date("2026-11-28T12:00:00Z"));
  await openFixture(page, "dashboard");
  await expect(page.getByTestId("step-page-dashboard")).toBeVisible();

  const [download] = await Promise.all([page.waitForEvent("download"), page.getByTestId("export-json").click()]);
  expect(download.suggestedFilename()).toBe("support-chatbot-rag-hosted-llm.aixa.json");
  const exported = readFileSync(await download.path(), "utf8");
  expect(strip(JSON.parse(exported))).toEqual(strip(JSON.parse(fixture)));
  expect(JSON.parse(exported).schema).toBe(6);

  // The reports equal the golden files the native tests pin (written on the
  // date the page's clock is fixed to).
  for (const [testid, ext] of [["export-md", "md"], ["export-csv", "csv"]]) {
    const [d] = await Promise.all([page.waitForEvent("download"), page.getByTestId(testid).click()]);
    expect(d.suggestedFilename()).toBe(`support-chatbot-rag-hosted-llm.${ext}`);
    const got = readFileSync(await d.path(), "utf8").trimEnd();
    expect(got).toBe(readFileSync(`tests/golden/reports/fixture.${ext}`, "utf8").trimEnd());
  }

  // A fresh browser context: nothing stored.
  const context = await browser.newContext();
  const fresh = await context.newPage();
  await fresh.goto("./#/assessments");
  await fresh.getByTestId("import-file").setInputFiles({ name: "shared.json", mimeType: "application/json", buffer: Buffer.from(exported) });
  await expect(fresh.getByTestId("import-message")).toContainText("Imported");
  const stored = await fresh.evaluate(() =>
    Object.keys(localStorage)
      .filter((k) => k.startsWith("aixa.assessment."))
      .map((k) => JSON.parse(localStorage.getItem(k) ?? "null")),
  );
  expect(stored).toHaveLength(1);
  expect(strip(stored[0])).toEqual(strip(JSON.parse(fixture)));
  expect(stored[0].id).not.toBe(id);
  // An import keeps the record's own times and records when it was copied.
  expect(stored[0].updated).toBe(JSON.parse(fixture).updated);
  expect(stored[0].created).toBe(JSON.parse(fixture).created);
  expect(stored[0].copied).toBeTruthy();
  // The original's id links the copy to its source.
  expect(stored[0].origin).toBe(id);
  await context.close();
});

test("a bad import names the problem and changes nothing", async ({ page }) => {
  await page.goto("./#/assessments");
  const before = await page.evaluate(() => JSON.stringify(localStorage));
  const bad = fixture.replace('"approver": "CISO", "date": "2026-11-20", "rationale": "Residual', '"aprover": "CISO", "date": "2026-11-20", "rationale": "Residual');
  await page.getByTestId("import-file").setInputFiles({ name: "bad.json", mimeType: "application/json", buffer: Buffer.from(bad) });
  await expect(page.getByTestId("import-message")).toContainText("Not imported: bad.json");
  await expect(page.getByTestId("import-message")).toContainText("unknown field `aprover`");
  expect(await page.evaluate(() => JSON.stringify(localStorage))).toBe(before);
});

/** The rows of the Markdown table whose header starts with `head`, unescaped. */
function mdTable(md: string, head: string): string[][] {
  const lines = md.split("\n");
  const start = lines.findIndex((l) => l.startsWith(head));
  expect(start, `a Markdown table headed ${head}`).toBeGreaterThanOrEqual(0);
  const rows: string[][] = [];
  for (const line of lines.slice(start + 2)) {
    if (!line.startsWith("|")) break;
    const cells = line.slice(2, -2).split(/ (?<!\\)\| /);
    rows.push(cells.map((c) => c.replace(/\\(.)/g, "$1").trim()));
  }
  return rows;
}

test("the printable report holds every step and prints cleanly", async ({ page }) => {
  const id = fixtureId;
  await openFixture(page, "dashboard");
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByTestId("export-md").click()]);
  const md = readFileSync(await download.path(), "utf8");
  await page.getByTestId("print").click();
  const report = page.getByTestId("report");
  await expect(report).toBeVisible();
  await expect(page.getByTestId("report-name")).toHaveText("Support chatbot (RAG + hosted LLM)");
  for (const text of ["System profile", "Threats, with the reasons", "Included by override", "Responsibility and verification", "Acme AI", "Controls", "RATELIMIT", "Residual risk acceptance", "CISO"]) {
    await expect(report).toContainText(text);
  }
  await expect(report.getByTestId("heatmap-inherent")).toBeVisible();
  // The print view and the Markdown report render one report model: their
  // tables hold the same facts, cell for cell.
  const cells = (testid: string) =>
    report.getByTestId(testid).evaluate((t) =>
      [...t.querySelectorAll("tbody tr")].map((r) => [...r.querySelectorAll("td")].map((c) => (c.textContent ?? "").replace(/\s+/g, " ").trim())),
    );
  const threats = await cells("report-threats");
  expect(threats.map((r) => r.slice(0, 4))).toEqual(mdTable(md, "| § | Threat |").map((r) => r.slice(0, 4)));
  expect(await cells("report-responsibility")).toEqual(mdTable(md, "| Threat | Responsible |"));
  expect(await cells("report-risk")).toEqual(mdTable(md, "| Threat | Inherent"));
  // Coverage: the Markdown puts an uncovered threat's "no" in bold.
  const coverage = mdTable(md, "| Threat | Responsible | Covered").map((r) => r.map((c) => c.replace(/^\*\*(.*)\*\*$/, "$1")));
  expect(coverage.length).toBeGreaterThan(3);
  expect(await cells("report-coverage")).toEqual(coverage);
  await page.emulateMedia({ media: "print" });
  await expect(page.locator(".topbar")).toBeHidden();
  await expect(page.getByTestId("print-now")).toBeHidden();
  const pdf = await page.pdf();
  const pages = pdf.toString("latin1").match(/\/Type\s*\/Page[^s]/g) ?? [];
  expect(pages.length).toBeGreaterThanOrEqual(5);
});
