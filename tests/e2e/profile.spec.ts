import { test, expect, type Page } from "./fixtures";

// The profile page: answers drive the live threat list, and survive a reload.

const threat = (page: Page, id: string) => page.getByTestId(`threat-${id}`);
const answer = (page: Page, q: string, v: string) =>
  page.getByTestId(`answer-${q}-${v}`);

test.beforeEach(async ({ page }) => {
  await page.goto("./#/new/2024-01");
  await expect(page.getByTestId("threat-list")).toBeVisible();
});

test("loads from a sub-path with every threat unknown or always applicable", async ({ page }) => {
  // Home opens a first assessment at step 1, under the sub-path.
  await expect(page).toHaveURL(/\/nested\/path\/aixa\/#\/a\/[^/]+\/profile$/);
  await expect(page.getByTestId("edition")).toContainText("January 2024");
  await expect(page.locator("li.threat")).toHaveCount(25);
  // Nothing answered: the rule-less threats apply, everything else is unknown.
  await expect(page.getByTestId("count-applicable").locator(".n")).toHaveText("6");
  await expect(page.getByTestId("count-unknown").locator(".n")).toHaveText("19");
  await expect(page.getByTestId("count-not_applicable").locator(".n")).toHaveText("0");
  await expect(threat(page, "modeltheftuse")).toHaveAttribute("data-verdict", "unknown");
  await expect(threat(page, "modeltheftuse")).toContainText("not yet known whether you train");
});

test("answers change the threat list and survive a reload", async ({ page }) => {
  // A hosted LLM chatbot with RAG over sensitive documents.
  await answer(page, "trains", "no").check();
  await answer(page, "genai", "yes").check();
  await answer(page, "llm", "yes").check();
  await answer(page, "rag", "yes").check();
  await answer(page, "rag_data_sensitive", "yes").check();
  await answer(page, "hosted", "model").check();

  await expect(threat(page, "modeltheftuse")).toHaveAttribute("data-verdict", "not_applicable");
  await expect(threat(page, "modeltheftuse")).toContainText(
    "Not applicable: you don't train or fine-tune the model, so the model's intellectual property is the maker's concern.",
  );
  await expect(threat(page, "directpromptinjection")).toHaveAttribute("data-verdict", "applicable");
  await expect(threat(page, "evasion")).toHaveAttribute("data-verdict", "not_applicable");
  await expect(threat(page, "disclosureinoutput")).toHaveAttribute("data-verdict", "applicable");
  await expect(threat(page, "datapoison")).toHaveAttribute("data-verdict", "applicable");
  // Counted from the catalog's rules for these answers (`aixa select`).
  await expect(page.getByTestId("count-applicable").locator(".n")).toHaveText("15");
  await expect(page.getByTestId("count-not_applicable").locator(".n")).toHaveText("10");
  await expect(page.getByTestId("count-unknown").locator(".n")).toHaveText("0");

  // The dependent question hides while its parent is "no".
  await expect(page.getByTestId("question-train_data_sensitive")).toBeHidden();
  await expect(page.getByTestId("question-llm")).toBeVisible();

  await page.reload();
  await expect(page.getByTestId("threat-list")).toBeVisible();
  await expect(answer(page, "trains", "no")).toBeChecked();
  await expect(answer(page, "genai", "yes")).toBeChecked();
  await expect(answer(page, "rag_data_sensitive", "yes")).toBeChecked();
  await expect(answer(page, "hosted", "model")).toBeChecked();
  await expect(answer(page, "hosted", "application")).not.toBeChecked();
  await expect(threat(page, "modeltheftuse")).toHaveAttribute("data-verdict", "not_applicable");
  await expect(threat(page, "directpromptinjection")).toHaveAttribute("data-verdict", "applicable");
  await expect(page.getByTestId("count-applicable").locator(".n")).toHaveText("15");
  await expect(page.getByTestId("count-not_applicable").locator(".n")).toHaveText("10");
});

test("unreadable saved data is kept aside, not overwritten", async ({ page }) => {
  await page.evaluate(() => localStorage.setItem("aixa.profile", "{not json"));
  await page.reload();
  await expect(page.getByTestId("recovered")).toContainText("kept aside");
  const kept = await page.evaluate(() =>
    Object.keys(localStorage)
      .filter((k) => k.startsWith("aixa.recovered."))
      .map((k) => localStorage.getItem(k)),
  );
  expect(kept).toEqual(["{not json"]);
});
