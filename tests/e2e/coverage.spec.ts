import { test, expect, type Page } from "./fixtures";
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";

// The dashboard's coverage view and `aixa check` apply one rule: on the same
// file and the same day they must say the same of every threat.

const FILE = "tests/golden/files/evidence.aixa.json";
const text = readFileSync(FILE, "utf8");
const id: string = JSON.parse(text).id;
const DAY = "2026-11-28";

async function open(page: Page, step: string) {
  await page.clock.setFixedTime(new Date(`${DAY}T12:00:00Z`));
  await page.goto("./#/about");
  await page.evaluate(([id, text]) => localStorage.setItem(`aixa.assessment.${id}`, text), [id, text]);
  await page.reload();
  await page.goto(`./#/a/${id}/${step}`);
}

const stored = (page: Page) => page.evaluate((id) => JSON.parse(localStorage.getItem(`aixa.assessment.${id}`) ?? "null"), id);

test("the coverage view agrees with aixa check on the same file", async ({ page }) => {
  // The CLI the test command has built; cargo only links it if needed.
  let out: string;
  try {
    out = execFileSync("cargo", ["run", "--quiet", "--locked", "--bin", "aixa", "--", "check", FILE, "--as-of", DAY, "--format", "json"], {
      encoding: "utf8",
    });
  } catch (e: any) {
    // Exit 1: some threat is not covered; the report is on stdout all the same.
    if (e.status !== 1) throw e;
    out = e.stdout;
  }
  const check = JSON.parse(out);
  expect(check.threats.length).toBeGreaterThan(5);
  expect(check.findings.length).toBeGreaterThan(0);

  await open(page, "dashboard");
  const view = page.getByTestId("coverage");
  await expect(view.locator("li")).toHaveCount(check.threats.length);
  for (const t of check.threats) {
    const row = page.getByTestId(`coverage-${t.threat}`);
    await expect(row, t.threat).toHaveAttribute("data-covered", t.covered ? "yes" : "no");
    await expect(row, t.threat).toContainText(t.why);
  }
  // Uncovered first.
  const marks = await view.locator("li").evaluateAll((lis) => lis.map((li) => li.getAttribute("data-covered")));
  const open_ = check.threats.filter((t: any) => !t.covered).length;
  expect(marks).toEqual([...Array(open_).fill("no"), ...Array(check.threats.length - open_).fill("yes")]);
  await expect(page.getByTestId("coverage-summary")).toHaveText(`${open_} of ${check.threats.length} threats in scope are not covered.`);

  // A control partly implemented is progress, never coverage: marking 4.6's
  // own control so changes nothing; implementing it covers 4.6... unless its
  // acceptance is refused, as here.
  await page.goto(`./#/a/${id}/controls`);
  await page.getByTestId("ctl-status-INPUTSEGREGATION").selectOption("partly_implemented");
  await expect.poll(async () => (await stored(page)).controls.INPUTSEGREGATION.status).toBe("partly_implemented");
  await page.goto(`./#/a/${id}/dashboard`);
  await expect(page.getByTestId("coverage-indirectpromptinjection")).toHaveAttribute("data-covered", "no");
  await expect(page.getByTestId("coverage-indirectpromptinjection")).toContainText("acceptance refused");
});

test("evidence links: https opens, anything else stays text, bad input changes nothing", async ({ page }) => {
  await open(page, "controls");
  const row = page.getByTestId("ctl-RATELIMIT");
  const good = row.getByRole("link", { name: "SEC-101 rate limits" });
  await expect(good).toHaveAttribute("href", "https://tickets.example.com/SEC-101");
  await expect(good).toHaveAttribute("rel", "noopener noreferrer nofollow");
  // The javascript: URL is shown, never made a link.
  await expect(row.getByTestId("ctl-ev-RATELIMIT-item")).toHaveCount(2);
  await expect(row.getByTestId("ctl-ev-RATELIMIT-item").nth(1)).toContainText("javascript:alert(1)");
  expect(await page.locator('a[href^="javascript:"], a[href^="JavaScript:"]').count()).toBe(0);

  // An empty URL is refused with a reason, and nothing is stored.
  const before = JSON.stringify(await stored(page));
  await row.getByText("Add evidence").click();
  await row.getByTestId("ctl-ev-RATELIMIT-label").fill("no link");
  await row.getByTestId("ctl-ev-RATELIMIT-add").click();
  await expect(row.getByTestId("ctl-ev-RATELIMIT-error")).toHaveText("This link has no URL.");
  expect(JSON.stringify(await stored(page))).toBe(before);

  await row.getByTestId("ctl-ev-RATELIMIT-url").fill("https://ci.example.com/run/42");
  await row.getByTestId("ctl-ev-RATELIMIT-label").fill("Load test");
  await row.getByTestId("ctl-ev-RATELIMIT-add").click();
  await expect(row.getByRole("link", { name: "Load test" })).toHaveAttribute("href", "https://ci.example.com/run/42");
  await expect
    .poll(async () => (await stored(page)).controls.RATELIMIT.evidence)
    .toContainEqual({ url: "https://ci.example.com/run/42", label: "Load test" });

  // Removing one keeps the others.
  await row.getByTestId("ctl-ev-RATELIMIT-remove").nth(1).click();
  await expect.poll(async () => (await stored(page)).controls.RATELIMIT.evidence.map((e: any) => e.url)).toEqual([
    "https://tickets.example.com/SEC-101",
    "https://ci.example.com/run/42",
  ]);

  // An acceptance takes evidence the same way, and keeps it across a reload.
  await page.goto(`./#/a/${id}/acceptance`);
  const acc = page.getByTestId("acc-directpromptinjection");
  await expect(acc.getByRole("link", { name: "Risk board minutes" })).toHaveAttribute("href", "https://docs.example.com/risk/2026-11-20.pdf");
  await page.reload();
  await expect(page.getByTestId("acc-directpromptinjection").getByRole("link", { name: "Risk board minutes" })).toBeVisible();
});
