import { test, expect } from "./fixtures";
import { openFixture } from "./flows";
import type { Page } from "@playwright/test";

// Issue 13, steps 3 and 4 in less effort: one piece of evidence for all the
// threats of a provider, owner and due date per control group, and the
// training-only controls confirmed not applicable in one action. None of
// them overwrites what is already recorded.

/** The position of a provider in step 3's evidence panel. */
async function providerIndex(page: Page, name: string): Promise<number> {
  await expect(page.getByTestId("ver-bulk").locator("strong", { hasText: name })).toBeVisible();
  const n = await page.locator('[data-testid^="ver-bulk-"][data-testid$="-apply"]').count();
  for (let i = 0; i < n; i++) {
    if ((await page.getByTestId(`ver-bulk-${i}`).locator("strong").textContent()) === name) return i;
  }
  throw new Error(`no provider ${name}`);
}

test("one piece of evidence for every threat of a provider, never overwriting", async ({ page }) => {
  await openFixture(page, "verification");
  const i = await providerIndex(page, "the hosting provider");
  const apply = page.getByTestId(`ver-bulk-${i}-apply`);
  const label = (await apply.textContent()) ?? "";
  const n = Number(/Apply to all (\d+) threats? of the hosting provider/.exec(label)?.[1]);
  expect(n).toBeGreaterThan(1);
  await page.getByTestId(`ver-bulk-${i}-status`).selectOption("verified");
  await page.getByTestId(`ver-bulk-${i}-note`).fill("ISO 27001 certificate");
  await page.getByTestId(`ver-bulk-${i}-link`).fill("https://example.com/iso");
  await page.getByTestId(`ver-bulk-${i}-date`).fill("2026-11-15");
  await apply.click();
  // Every one of its threats changed: the fixture had only a partial record.
  await expect(page.getByTestId("ver-bulk-result")).toContainText(`${n} of ${n} threats of the hosting provider changed`);

  // Indirect prompt injection was "requested" on 2026-11-12: both stay, the
  // empty note and link are filled.
  await expect(page.getByTestId("ver-status-indirectpromptinjection")).toHaveValue("requested");
  await expect(page.getByTestId("ver-date-indirectpromptinjection")).toHaveValue("2026-11-12");
  await expect(page.getByTestId("ver-note-indirectpromptinjection")).toHaveValue("ISO 27001 certificate");
  await expect(page.getByTestId("ver-link-indirectpromptinjection")).toHaveValue("https://example.com/iso");
  // Another provider's threat is untouched.
  await expect(page.getByTestId("ver-note-directpromptinjection")).toHaveValue("SOC 2 report, section 4");

  // Applied again, nothing is left to change.
  await apply.click();
  await expect(page.getByTestId("ver-bulk-result")).toContainText(`0 of ${n} threats`);
  await page.reload();
  await expect(page.getByTestId("ver-status-indirectpromptinjection")).toHaveValue("requested");
  await expect(page.getByTestId("ver-note-indirectpromptinjection")).toHaveValue("ISO 27001 certificate");
});

test("owner and due date for every planned control of a group, never overwriting", async ({ page }) => {
  await openFixture(page, "controls");
  const group = page.locator("section.control-group").filter({ has: page.getByTestId("ctl-MONITORUSE") });
  const g = await group.getAttribute("data-testid");
  await group.getByRole("button", { name: "Mark undecided ones planned" }).click();
  await page.getByTestId(`${g}-owner`).fill("Security team");
  await page.getByTestId(`${g}-due`).fill("2027-03-31");
  await page.getByTestId(`${g}-apply`).click();
  // MONITORUSE was planned with its own owner and date: kept.
  await expect(page.getByTestId("ctl-owner-MONITORUSE")).toHaveValue("SecOps");
  await expect(page.getByTestId("ctl-due-MONITORUSE")).toHaveValue("2026-12-31");
  // Every other planned control of the group has both.
  const planned = group.locator('li[data-status="planned"]');
  const ids = await planned.evaluateAll((els) => els.map((e) => e.getAttribute("data-testid")!.slice(4)));
  expect(ids.length).toBeGreaterThan(1);
  for (const id of ids.filter((x) => x !== "MONITORUSE")) {
    await expect(page.getByTestId(`ctl-owner-${id}`)).toHaveValue("Security team");
    await expect(page.getByTestId(`ctl-due-${id}`)).toHaveValue("2027-03-31");
  }
  // Another group's form starts from what was just applied, editable.
  await expect(page.getByTestId(`${g}-owner`)).toHaveValue("Security team");
  const others = await page.locator('[data-testid^="ctl-group-"][data-testid$="-owner"]').evaluateAll((els) => els.map((e) => e.getAttribute("data-testid")));
  const next = others.find((x) => x !== `${g}-owner`)!;
  await expect(page.getByTestId(next)).toHaveValue("Security team");
  await expect(page.getByTestId(next.replace(/-owner$/, "-due"))).toHaveValue("2027-03-31");
  await page.getByTestId(next).fill("Data team");
  await expect(page.getByTestId(next)).toHaveValue("Data team");
  await expect(page.getByTestId(`${g}-owner`)).toHaveValue("Security team");
  // An implemented control is not planned: nothing is set on it.
  if (await group.getByTestId("ctl-SECEDUCATE").count()) {
    await expect(page.getByTestId("ctl-owner-SECEDUCATE")).toHaveValue("");
  }
});

test("training-only controls are not applicable in one action when you don't train", async ({ page }) => {
  await openFixture(page, "controls");
  const panel = page.getByTestId("ctl-train-only");
  await expect(panel).toBeVisible();
  const reason = "You don't train or fine-tune the model; this control applies to training.";
  await expect(page.getByTestId("ctl-train-only-reason")).toHaveValue(reason);
  const names = ["MORETRAINDATA", "TRAINDATADISTORTION", "POISONROBUSTMODEL", "TRAINADVERSARIAL", "FILTERSENSITIVETRAINDATA"];
  const present: string[] = [];
  for (const id of names) if (await page.getByTestId(`ctl-${id}`).count()) present.push(id);
  expect(present.length).toBeGreaterThan(0);
  for (const id of present) await expect(page.getByTestId(`ctl-${id}`)).toHaveAttribute("data-status", "not_decided");
  const total = await page.locator('li[data-testid^="ctl-"][data-status]').count();

  // The reason is editable; an empty one confirms nothing.
  await page.getByTestId("ctl-train-only-reason").fill("  ");
  await expect(page.getByTestId("ctl-train-only-confirm")).toBeDisabled();
  await page.getByTestId("ctl-train-only-reason").fill(reason);
  await page.getByTestId("ctl-train-only-confirm").click();

  await expect(panel).toBeHidden();
  await expect(page.getByTestId("ctl-train-only-result")).toContainText("they stay selected");
  for (const id of present) {
    const row = page.getByTestId(`ctl-${id}`);
    await expect(row).toHaveAttribute("data-status", "not_applicable");
    await expect(row).toContainText(reason);
  }
  // Nothing dropped: the same controls are listed.
  await expect(page.locator('li[data-testid^="ctl-"][data-status]')).toHaveCount(total);
  await page.reload();
  await expect(page.getByTestId(`ctl-${present[0]}`)).toHaveAttribute("data-status", "not_applicable");
  await expect(page.getByTestId("ctl-train-only")).toBeHidden();
});
