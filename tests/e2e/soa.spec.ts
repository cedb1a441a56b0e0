import { test, expect } from "./fixtures";
import { openFixture, fixture } from "./flows";
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";

// The statement of applicability lists every control of the assessment's
// edition, undecided ones included, and its CSV is the CLI's, byte for byte.

const FILE = "tests/fixtures/assessment-rag-llm.json";
const edition: string = JSON.parse(fixture).edition;

/** The edition's controls in catalog order, read from the catalog's own
 * source rather than from the code under test. */
const catalogIds = [...readFileSync(`catalog/${edition}/controls.toml`, "utf8").matchAll(/^\[\[control\]\]\nid = "([^"]+)"/gm)].map(
  (m) => m[1],
);

/** A minimal RFC 4180 reader. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ",") row.push(cell), (cell = "");
    else if (c === "\n") row.push(cell), rows.push(row), (row = []), (cell = "");
    else if (c !== "\r") cell += c;
  }
  return rows;
}

test("the SoA lists every control of the edition and downloads the CLI's CSV", async ({ page }) => {
  // The CLI the test command has built; cargo only links it if needed.
  const cli = execFileSync("cargo", ["run", "--quiet", "--locked", "--bin", "aixa", "--", "report", FILE, "--format", "soa-csv"], {
    encoding: "utf8",
  });
  // The CLI ends its output with one line break of its own.
  const expected = cli.slice(0, -1);
  const csv = parseCsv(expected);
  expect(catalogIds.length).toBeGreaterThan(40);
  expect(csv.slice(1).map((r) => r[0])).toEqual(catalogIds);

  await openFixture(page, "dashboard");
  await page.getByTestId("soa-link").click();
  await expect(page.getByTestId("soa")).toBeVisible();
  const rows = page.locator('tr[data-testid^="soa-"]');
  await expect(rows).toHaveCount(catalogIds.length);
  const shown = await rows.evaluateAll((trs) => trs.map((tr) => [tr.getAttribute("data-testid"), tr.getAttribute("data-applicable")]));
  expect(shown).toEqual(csv.slice(1).map((r) => [`soa-${r[0]}`, r[3]]));

  // Nothing hidden: the fixture decides four controls and leaves the rest.
  await expect(page.getByTestId("soa-PROMPTINPUTVALIDATION")).toHaveAttribute("data-applicable", "no");
  await expect(page.getByTestId("soa-PROMPTINPUTVALIDATION")).toContainText("The provider filters prompts");
  await expect(page.getByTestId("soa-MONITORUSE")).toHaveAttribute("data-applicable", "yes");
  await expect(page.getByTestId("soa-AIPROGRAM")).toHaveAttribute("data-applicable", "not_decided");
  await expect(page.locator('tr[data-applicable="not_decided"]')).toHaveCount(csv.filter((r) => r[3] === "not_decided").length);

  const [download] = await Promise.all([page.waitForEvent("download"), page.getByTestId("soa-csv").click()]);
  expect(download.suggestedFilename()).toMatch(/-soa\.csv$/);
  const path = await download.path();
  expect(readFileSync(path, "utf8")).toBe(expected);
});
