import { expect, type Page } from "@playwright/test";
import { readFileSync } from "node:fs";

/** The fixture assessment, as text, and its id. */
export const fixture = readFileSync("tests/fixtures/assessment-rag-llm.json", "utf8");
export const fixtureId: string = JSON.parse(fixture).id;

/** An assessment without the fields a copy gets anew (its times and
 * origin are checked on their own), and without the schema version, which
 * the fixture (schema 5) and what the app writes (schema 6) differ in. */
export const strip = (a: any) => {
  const { id, created, updated, copied, revision, origin, schema, ...rest } = a;
  return rest;
};

/** A minimal stored assessment (schema 2: older ones must keep loading) of
 * `edition`, as localStorage holds it. */
export const storedAssessment = (id: string, edition: string, name: string, answers: object = { genai: true }) =>
  JSON.stringify({
    schema: 2,
    id,
    name,
    edition,
    created: "2026-01-01T00:00:00Z",
    updated: "2026-01-01T00:00:00Z",
    revision: 1,
    answers,
  });

/** Stores the fixture in this browser and opens one of its steps. It
 * returns once the step is on screen, so that a test may count what it
 * shows (a count does not wait). */
export async function openFixture(page: Page, step: string) {
  await page.goto("./#/about");
  await page.evaluate(([id, text]) => localStorage.setItem(`aixa.assessment.${id}`, text), [fixtureId, fixture]);
  await page.reload();
  await page.goto(`./#/a/${fixtureId}/${step}`);
  await expect(page.getByTestId(`step-${step}`)).toHaveAttribute("aria-current", "step");
}

// Shared flows for the browser tests.

export const step = (page: Page, slug: string) => page.getByTestId(`step-${slug}`).click();

export async function walk(page: Page) {
  await page.goto("./#/new/2024-01");
  await expect(page.getByTestId("threat-list")).toBeVisible();

  // 1. Threat identification.
  for (const [q, v] of [
    ["rag", "yes"],
    ["rag_data_sensitive", "yes"],
    ["trains", "no"],
    ["genai", "yes"],
    ["llm", "yes"],
    ["input_sensitive", "yes"],
  ]) {
    await page.getByTestId(`answer-${q}-${v}`).check();
  }
  await page.getByTestId("answer-hosted-model").check();
  await expect(page.getByTestId("threat-evasion")).toHaveAttribute("data-verdict", "not_applicable");
  await page.getByTestId("override-open-evasion").click();
  await expect(page.getByTestId("override-evasion-apply")).toBeDisabled();
  await page.getByTestId("override-evasion-rationale").fill("A small classifier screens tickets first.");
  await page.getByTestId("override-evasion-apply").click();
  await expect(page.getByTestId("override-evasion")).toContainText("Included by you");
  await expect(page.getByTestId("threat-evasion")).toHaveAttribute("data-in-scope", "true");

  // 2. Responsibility: the default follows the hosted model.
  await step(page, "responsibility");
  const dpi = page.getByTestId("resp-directpromptinjection");
  await expect(dpi).toHaveAttribute("data-party", "shared");
  await expect(dpi).toContainText("a provider hosts the model");
  await page.getByTestId("party-insecureoutput").selectOption("provider");
  await page.getByTestId("provider-insecureoutput").fill("Acme Cloud");
  await page.getByTestId("confirm-defaults").click();

  // 3. Verification.
  await step(page, "verification");
  await expect(page.getByTestId("unverified")).toContainText("Direct prompt injection");
  await page.getByTestId("ver-status-directpromptinjection").selectOption("verified");
  await page.getByTestId("ver-note-directpromptinjection").fill("SOC 2 report, section 4");
  await page.getByTestId("ver-link-directpromptinjection").fill("https://example.com/soc2");
  await page.getByTestId("ver-date-directpromptinjection").fill("2026-11-10");
  await expect(page.getByTestId("unverified")).not.toContainText("Direct prompt injection");

  // 4. Controls.
  await step(page, "controls");
  await page.getByTestId("ctl-status-RATELIMIT").selectOption("implemented");
  await page.getByTestId("ctl-owner-RATELIMIT").fill("Platform team");
  await page.getByTestId("ctl-status-PROMPTINPUTVALIDATION").selectOption("not_applicable");
  await expect(page.getByTestId("ctl-na-PROMPTINPUTVALIDATION-apply")).toBeDisabled();
  await page.getByTestId("ctl-na-PROMPTINPUTVALIDATION-rationale").fill("The provider filters prompts.");
  await page.getByTestId("ctl-na-PROMPTINPUTVALIDATION-apply").click();
  await expect(page.getByTestId("ctl-PROMPTINPUTVALIDATION")).toHaveAttribute("data-status", "not_applicable");
  await page.getByTestId("ctl-group-1.1").getByRole("button", { name: "Mark undecided ones planned" }).click();
  await expect(page.getByTestId("ctl-AIPROGRAM")).toHaveAttribute("data-status", "planned");
  await page.getByTestId("ctl-filter").selectOption("implemented");
  await expect(page.getByTestId("ctl-AIPROGRAM")).toHaveCount(0);
  await expect(page.getByTestId("ctl-RATELIMIT")).toBeVisible();
  await page.getByTestId("ctl-filter").selectOption("");

  // 5. Risk.
  await step(page, "risk");
  for (const [part, v] of [
    ["inherent-likelihood", "4"],
    ["inherent-impact", "4"],
    ["residual-likelihood", "2"],
    ["residual-impact", "3"],
  ]) {
    await page.getByTestId(`risk-directpromptinjection-${part}`).selectOption(v);
  }
  await expect(page.getByTestId("cell-inherent-4-4")).toHaveText("1");
  await expect(page.getByTestId("cell-residual-2-3")).toHaveText("1");

  // 6. Acceptance.
  await step(page, "acceptance");
  await page.getByTestId("acc-decision-directpromptinjection").selectOption("accepted");
  await page.getByTestId("acc-approver-directpromptinjection").fill("CISO");
  await page.getByTestId("acc-date-directpromptinjection").fill("2026-11-20");
  await page.getByTestId("acc-rationale-directpromptinjection").fill("Within appetite after the provider's filtering.");
  await page.getByTestId("acc-review-directpromptinjection").fill("2026-01-01");
  await expect(page.getByTestId("open-acceptances")).not.toContainText("Direct prompt injection");

  // 7. Dashboard.
  await step(page, "dashboard");
  await expect(page.getByTestId("chart-controls-implemented")).toHaveText("1");
  await expect(page.getByTestId("chart-controls-not_applicable")).toHaveText("1");
  await expect(page.getByTestId("reviews-due")).toContainText("Direct prompt injection");
}

export async function expectKept(page: Page) {
  await step(page, "profile");
  await expect(page.getByTestId("answer-rag_data_sensitive-yes")).toBeChecked();
  await expect(page.getByTestId("answer-trains-no")).toBeChecked();
  await expect(page.getByTestId("answer-hosted-model")).toBeChecked();
  await expect(page.getByTestId("override-evasion")).toContainText("A small classifier screens tickets first.");

  await step(page, "responsibility");
  await expect(page.getByTestId("party-insecureoutput")).toHaveValue("provider");
  await expect(page.getByTestId("provider-insecureoutput")).toHaveValue("Acme Cloud");
  await expect(page.getByTestId("resp-directpromptinjection")).toHaveAttribute("data-party", "shared");

  await step(page, "verification");
  await expect(page.getByTestId("ver-status-directpromptinjection")).toHaveValue("verified");
  await expect(page.getByTestId("ver-note-directpromptinjection")).toHaveValue("SOC 2 report, section 4");
  await expect(page.getByTestId("ver-link-directpromptinjection")).toHaveValue("https://example.com/soc2");
  await expect(page.getByTestId("ver-date-directpromptinjection")).toHaveValue("2026-11-10");

  await step(page, "controls");
  await expect(page.getByTestId("ctl-status-RATELIMIT")).toHaveValue("implemented");
  await expect(page.getByTestId("ctl-owner-RATELIMIT")).toHaveValue("Platform team");
  await expect(page.getByTestId("ctl-PROMPTINPUTVALIDATION")).toContainText("The provider filters prompts.");
  await expect(page.getByTestId("ctl-AIPROGRAM")).toHaveAttribute("data-status", "planned");

  await step(page, "risk");
  await expect(page.getByTestId("risk-directpromptinjection-inherent-likelihood")).toHaveValue("4");
  await expect(page.getByTestId("risk-directpromptinjection-residual-impact")).toHaveValue("3");

  await step(page, "acceptance");
  await expect(page.getByTestId("acc-decision-directpromptinjection")).toHaveValue("accepted");
  await expect(page.getByTestId("acc-approver-directpromptinjection")).toHaveValue("CISO");
  await expect(page.getByTestId("acc-review-directpromptinjection")).toHaveValue("2026-01-01");
}

