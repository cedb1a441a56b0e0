import { test, expect } from "./fixtures";
import { openFixture } from "./flows";

// Issue 13, steps 5 and 6 with less effort: a parent threat shows its
// sub-threats' highest score instead of inputs of its own, and step 6
// accepts and completes threats in bulk, never touching a decision made.

test("a parent threat shows its sub-threats' highest score, with no inputs", async ({ page }) => {
  await openFixture(page, "risk");
  // 3.1 has two sub-threats in scope here (3.1.2 is out).
  await expect(page.getByTestId("risk-modelpoison-derived")).toBeVisible();
  await expect(page.getByTestId("risk-modelpoison-inherent-likelihood")).toHaveCount(0);
  await expect(page.getByTestId("risk-modelpoison-inherent-level")).toContainText("Not every sub-threat");
  const score = async (t: string, [il, ii, rl, ri]: string[]) => {
    for (const [part, v] of [["inherent-likelihood", il], ["inherent-impact", ii], ["residual-likelihood", rl], ["residual-impact", ri]]) {
      await page.getByTestId(`risk-${t}-${part}`).selectOption(v);
    }
  };
  await score("datapoison", ["4", "4", "2", "3"]);
  await expect(page.getByTestId("risk-modelpoison-inherent-level")).toContainText("Not every sub-threat");
  await score("transferlearningattack", ["3", "3", "3", "3"]);
  // Each side by level: inherent 16 from the first, residual 9 from the second.
  await expect(page.getByTestId("risk-modelpoison-inherent-level")).toContainText("16 (high)");
  await expect(page.getByTestId("risk-modelpoison-residual-level")).toContainText("9 (medium)");
  // The heat maps count each risk once: the parent is not counted again.
  await expect(page.getByTestId("cell-inherent-4-4")).toHaveText("2"); // directpromptinjection too
  await expect(page.getByTestId("cell-residual-3-3")).toHaveText("1");
  // Step 6 reads the same residual for the parent.
  await page.getByTestId("step-acceptance").click();
  await expect(page.getByTestId("acc-residual-modelpoison")).toContainText("9 (medium)");
});

test("step 6 accepts in bulk up to a level and completes decided threats, never overwriting", async ({ page }) => {
  await openFixture(page, "risk");
  // 2.4's one sub-threat in scope at residual 1 × 2.
  for (const [part, v] of [["inherent-likelihood", "2"], ["inherent-impact", "2"], ["residual-likelihood", "1"], ["residual-impact", "2"]]) {
    await page.getByTestId(`risk-denialmodelservice-${part}`).selectOption(v);
  }
  await page.getByTestId("step-acceptance").click();
  const today = await page.getByTestId("acc-bulk-date").inputValue();
  expect(today).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  await page.getByTestId("acc-bulk-approver").fill("Risk board");
  await page.getByTestId("acc-bulk-review").fill("2027-11-20");
  await page.getByTestId("acc-bulk-rationale").fill("Low after the controls.");

  // At level 1 nothing qualifies.
  await page.getByTestId("acc-bulk-level").fill("1");
  await page.getByTestId("acc-bulk-accept").click();
  await expect(page.getByTestId("acc-bulk-result")).toContainText("Accepted no threat");

  // At 6: the sub-threat and its parent; directpromptinjection (6, accepted
  // already) and indirectpromptinjection (12, refused) are untouched.
  await page.getByTestId("acc-bulk-level").fill("6");
  await page.getByTestId("acc-bulk-accept").click();
  await expect(page.getByTestId("acc-bulk-result")).toContainText("Accepted 2 threats");
  for (const t of ["denialmodelservice", "failureuse"]) {
    await expect(page.getByTestId(`acc-decision-${t}`)).toHaveValue("accepted");
    await expect(page.getByTestId(`acc-approver-${t}`)).toHaveValue("Risk board");
    await expect(page.getByTestId(`acc-date-${t}`)).toHaveValue(today);
    await expect(page.getByTestId(`acc-review-${t}`)).toHaveValue("2027-11-20");
  }
  await expect(page.getByTestId("acc-approver-directpromptinjection")).toHaveValue("CISO");
  await expect(page.getByTestId("acc-review-directpromptinjection")).toHaveValue("2026-11-24");
  await expect(page.getByTestId("acc-decision-indirectpromptinjection")).toHaveValue("not_accepted");
  await expect(page.getByTestId("acc-decision-insecureoutput")).toHaveValue("undecided");

  // Apply: only indirectpromptinjection lacks anything (its review date).
  await page.getByTestId("acc-bulk-apply").click();
  await expect(page.getByTestId("acc-bulk-result")).toContainText("Filled in the empty fields of 1 threat");
  await expect(page.getByTestId("acc-review-indirectpromptinjection")).toHaveValue("2027-11-20");
  await expect(page.getByTestId("acc-approver-indirectpromptinjection")).toHaveValue("CISO");
  await expect(page.getByTestId("acc-decision-indirectpromptinjection")).toHaveValue("not_accepted");
  await expect(page.getByTestId("acc-rationale-directpromptinjection")).toHaveValue("Residual risk within appetite.");

  // One threat decided by hand is dated today.
  await expect(page.getByTestId("acc-date-insecureoutput")).toHaveValue("");
  await page.getByTestId("acc-decision-insecureoutput").selectOption("not_accepted");
  await expect(page.getByTestId("acc-date-insecureoutput")).toHaveValue(today);
});
