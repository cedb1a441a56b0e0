import { test, expect } from "./fixtures";
import { openFixture } from "./flows";
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";

// The files other tools import, downloaded from the export bar, are the
// very bytes `aixa report --format …` prints for the same assessment (the
// CLI adds one trailing newline).

const cli = (format: string) =>
  execFileSync("cargo", ["run", "-q", "--bin", "aixa", "--", "report", "tests/fixtures/assessment-rag-llm.json", "--format", format], {
    encoding: "utf8",
  });

test("Threat Composer, TM-BOM and ATLAS layer downloads equal the CLI's output", async ({ page }) => {
  test.setTimeout(180_000); // the first `cargo run` may have to build the CLI
  await openFixture(page, "dashboard");
  for (const [testid, format, ext] of [
    ["export-tc", "threat-composer", "tc.json"],
    ["export-tm-bom", "tm-bom", "tm-bom.json"],
    ["export-atlas-layer", "atlas-layer", "atlas-layer.json"],
  ]) {
    const [download] = await Promise.all([page.waitForEvent("download"), page.getByTestId(testid).click()]);
    expect(download.suggestedFilename()).toBe(`support-chatbot-rag-hosted-llm.${ext}`);
    const got = readFileSync(await download.path(), "utf8");
    expect(got + "\n").toBe(cli(format));
    // It is what the target expects, edition recorded.
    const json = JSON.parse(got);
    expect(got).toContain("2024-01");
    if (format === "threat-composer") expect(json.schema).toBe(1);
    if (format === "tm-bom") expect(json.extensions["owaspai.org/aixa/assessment"].edition).toBe("2024-01");
    if (format === "atlas-layer") expect(json.domain).toBe("atlas-atlas");
  }
});
