import { test, expect } from "./fixtures";
import { openFixture } from "./flows";

// Views that must tell the truth (issue 13): what the dashboard flags, and
// what it counts.

test("the dashboard flags a control past its due date", async ({ page }) => {
  // MONITORUSE is planned in the fixture, due 2026-12-31.
  await page.clock.setFixedTime(new Date("2027-01-02T09:00:00Z"));
  await openFixture(page, "dashboard");
  await expect(page.getByTestId("overdue-MONITORUSE")).toContainText("due 2026-12-31");
  await page.clock.setFixedTime(new Date("2026-12-30T09:00:00Z"));
  await page.reload();
  await expect(page.getByTestId("overdue-controls")).toContainText("No control is past its due date.");
});

test("guideline coverage counts only controls that apply, and shows which", async ({ page }) => {
  await openFixture(page, "dashboard");
  // Every guideline mapped to PROMPTINPUTVALIDATION, which the fixture marks
  // not applicable, lists it as not counted.
  const details = page.locator("[data-testid$=-detail]").filter({ hasText: "PROMPTINPUTVALIDATION" });
  const n = await details.count();
  expect(n).toBeGreaterThan(0);
  for (let i = 0; i < n; i++) {
    const d = details.nth(i);
    await d.locator("summary").click();
    await expect(d).toContainText("PROMPTINPUTVALIDATION not counted: marked not applicable");
  }
});

test("an excluded threat shows as excluded everywhere, with the override visible", async ({ page }) => {
  await openFixture(page, "profile");
  const row = page.getByTestId("threat-indirectpromptinjection");
  await expect(row).toHaveAttribute("data-verdict", "applicable");
  const applicable = Number(await page.getByTestId("count-applicable").locator(".n").textContent());
  await page.getByTestId("override-open-indirectpromptinjection").click();
  await page.getByTestId("override-indirectpromptinjection-rationale").fill("No documents reach the model.");
  await page.getByTestId("override-indirectpromptinjection-apply").click();

  // The list: the badge says what holds, the override says why.
  await expect(row).toHaveAttribute("data-verdict", "not_applicable");
  await expect(row.locator(".badge")).not.toContainText("Applicable", { ignoreCase: false });
  await expect(page.getByTestId("override-indirectpromptinjection")).toContainText("Excluded by you");
  // The counters add up to what is in scope.
  await expect(page.getByTestId("count-applicable").locator(".n")).toHaveText(String(applicable - 1));
  const inScope = await page.locator("li.threat[data-in-scope=true]").count();
  const unknown = Number(await page.getByTestId("count-unknown").locator(".n").textContent());
  expect(applicable - 1 + unknown).toBe(inScope);

  // The threat page and the navigator agree.
  await page.goto("./#/threat/indirectpromptinjection");
  await expect(page.locator(".verdict-line")).toHaveAttribute("data-verdict", "not_applicable");
  await expect(page.locator(".verdict-line")).toContainText("excluded by your override");
  await page.goto("./#/navigator");
  await expect(page.getByTestId("nav-threat-indirectpromptinjection")).toHaveAttribute("data-verdict", "not_applicable");
  await expect(page.getByTestId("nav-override-indirectpromptinjection")).toBeVisible();
});

test("'not applicable' without a reason stays pending across pages, and says so", async ({ page }) => {
  await openFixture(page, "controls");
  const status = page.getByTestId("ctl-status-AIPROGRAM");
  await status.selectOption("not_applicable");
  await expect(page.getByTestId("ctl-na-pending-AIPROGRAM")).toContainText("waiting for a reason");
  // Away and back: the choice still waits; nothing invalid was saved.
  await page.getByTestId("step-dashboard").click();
  await expect(page.getByTestId("step-page-dashboard")).toBeVisible();
  await page.getByTestId("step-controls").click();
  await expect(page.getByTestId("ctl-na-pending-AIPROGRAM")).toContainText("the status stays Not decided");
  await expect(page.getByTestId("ctl-status-AIPROGRAM")).toHaveValue("not_applicable");
  const stored = await page.evaluate(() =>
    Object.keys(localStorage)
      .filter((k) => k.startsWith("aixa.assessment."))
      .map((k) => JSON.parse(localStorage.getItem(k) ?? "{}").controls?.AIPROGRAM ?? null),
  );
  expect(stored).toEqual([null]);
  // A reason makes it count.
  await page.getByTestId("ctl-na-AIPROGRAM-rationale").fill("No AI program: a single pilot.");
  await page.getByTestId("ctl-na-AIPROGRAM-apply").click();
  await expect(page.getByTestId("ctl-na-pending-AIPROGRAM")).toHaveCount(0);
  await expect(page.getByTestId("ctl-AIPROGRAM")).toHaveAttribute("data-status", "not_applicable");
});

test("a residual risk above the inherent one is flagged until a rationale explains it", async ({ page }) => {
  await openFixture(page, "risk");
  // The fixture scores 4.5 at 4 × 4 inherent, 2 × 3 residual.
  await expect(page.getByTestId("risk-raised-directpromptinjection")).toHaveCount(0);
  await page.getByTestId("risk-directpromptinjection-residual-likelihood").selectOption("5");
  await page.getByTestId("risk-directpromptinjection-residual-impact").selectOption("5");
  await expect(page.getByTestId("risk-raised-directpromptinjection")).toContainText("above the inherent");
  await page.getByTestId("step-acceptance").click();
  // The fixture's acceptance of 4.5 has a rationale: clear it to be asked.
  await page.getByTestId("acc-rationale-directpromptinjection").fill("");
  await expect(page.getByTestId("acc-raised-directpromptinjection")).toBeVisible();
  await page.getByTestId("acc-rationale-directpromptinjection").fill("A new attack path raised the impact.");
  await expect(page.getByTestId("acc-raised-directpromptinjection")).toHaveCount(0);
  // A refusal is decided, not approved, by its owner.
  await expect(page.getByTestId("acc-directpromptinjection")).toContainText("Decided by");
});

test("confirming every default marks none as changed", async ({ page }) => {
  await openFixture(page, "responsibility");
  await page.getByTestId("confirm-defaults").click();
  // The fixture changed 4.5 for real (to the provider Acme AI); every
  // other row is now a confirmed default.
  await expect(page.locator(".default-why", { hasText: "Default was:" })).toHaveCount(1);
  await expect(page.getByTestId("resp-directpromptinjection")).toContainText("Default was:");
  await expect(page.getByTestId("resp-evasion")).toContainText("Default, confirmed:");
  await expect(page.getByTestId("resp-evasion").getByText("Back to the default")).toHaveCount(0);
});

test("the dashboard's action plan lists planned controls overdue first, and the top residual risks", async ({ page }) => {
  await page.clock.setFixedTime(new Date("2027-01-02T09:00:00Z"));
  await openFixture(page, "dashboard");
  // MONITORUSE, planned for SecOps, was due 2026-12-31.
  await expect(page.getByTestId("plan-MONITORUSE")).toContainText("OVERDUE since 2026-12-31 · SecOps");
  // 4.6 (residual 3 × 4 = 12) comes before 4.5 (2 × 3 = 6).
  await expect(page.getByTestId("top-risks").locator("li").first()).toHaveAttribute("data-testid", "top-risk-indirectpromptinjection");
  await expect(page.getByTestId("top-risk-indirectpromptinjection")).toContainText("residual 12, High");
  await expect(page.getByTestId("top-risk-directpromptinjection")).toContainText("residual 6, Medium");
});

test("the assessment's details, entered on step 1, head the printed report", async ({ page }) => {
  await openFixture(page, "profile");
  await page.getByTestId("assessment-details").locator("summary").click();
  await page.getByTestId("detail-description").fill("Support chatbot over the help centre");
  await page.getByTestId("detail-assessor").fill("A. Architect");
  await page.getByTestId("detail-assessor").press("Tab");
  await page.goto(page.url().replace(/\/profile$/, "/dashboard"));
  await page.getByTestId("print").click();
  await expect(page.getByTestId("report")).toContainText("Support chatbot over the help centre");
  await expect(page.getByTestId("report")).toContainText("A. Architect");
});

test.describe("on a phone (390 px)", () => {
  test.use({ viewport: { width: 390, height: 844 } });

  test("header and bars stay compact, labels whole, and an answer's effect in view", async ({ page }) => {
    await page.goto("./#/new/2024-01");
    await expect(page.getByTestId("threat-list")).toBeAttached();
    // Nothing widens the page.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    // Header, step bar and export bar together take well under half the screen.
    const bottom = await page.locator(".export-bar").evaluate((e) => e.getBoundingClientRect().bottom);
    expect(bottom).toBeLessThan(844 / 2);
    // Step labels are whole, counts shown.
    const cut = await page.locator(".stepnav .name").evaluateAll((els) => els.filter((e) => e.scrollWidth > e.clientWidth + 1).length);
    expect(cut).toBe(0);
    await expect(page.locator(".stepnav .pct").first()).toBeVisible();
    // The effect of an answer shows where the answer is given.
    const live = page.getByTestId("live-counts");
    await expect(live).toBeInViewport();
    await expect(live).toContainText("6 applicable");
    await page.getByTestId("answer-genai-yes").check();
    await page.getByTestId("answer-llm-yes").check();
    await expect(live).toBeInViewport();
    await expect(live).not.toContainText("6 applicable");
  });
});

test("a provider named once is offered for every other threat", async ({ page }) => {
  await openFixture(page, "responsibility");
  // The fixture names "Acme AI" for 4.5; every provider field offers it.
  await expect(page.getByTestId("provider-indirectpromptinjection")).toHaveAttribute("list", "providers");
  const offered = await page.getByTestId("providers").locator("option").evaluateAll((os) => os.map((o) => o.getAttribute("value")));
  expect(offered).toContain("Acme AI");
  expect(offered).toContain("the hosting provider");
});

test("where you read: a control's purpose and what brought it in, its threat's controls beside the score, and the place kept", async ({ page }) => {
  await openFixture(page, "controls");
  await expect(page.getByTestId("ctl-purpose-RATELIMIT")).not.toBeEmpty();
  await expect(page.getByTestId("ctl-RATELIMIT")).toContainText("Brought in by:");
  // Open a control far down the list and come back: the same place.
  const card = page.getByTestId("ctl-PROMPTINPUTVALIDATION");
  await card.scrollIntoViewIfNeeded();
  const y = await page.evaluate(() => window.scrollY);
  expect(y).toBeGreaterThan(300);
  await card.getByRole("link", { name: "PROMPTINPUTVALIDATION" }).click();
  await expect(page.getByTestId("control-page")).toBeVisible();
  await page.goBack();
  await expect(page.getByTestId("step-page-controls")).toBeVisible();
  await expect.poll(() => page.evaluate(() => window.scrollY)).toBeGreaterThan(y - 50);

  await page.getByTestId("step-risk").click();
  await expect(page.getByTestId("risk-indirectpromptinjection-controls")).toContainText("PROMPTINPUTVALIDATION (not applicable)");
});
