import { test as base, expect, type BrowserContext, type Page } from "@playwright/test";

// Every browser test imports `test` from here, so that an uncaught error or
// a console error in any page fails the test that caused it, in every spec
// file, without each test remembering to listen.

export { expect };
export type { Page };

/** Collects uncaught errors and console errors of every page of `context`. */
export function watch(context: BrowserContext, errors: string[], allowed: RegExp | null = null) {
  context.on("weberror", (e) => errors.push(`uncaught: ${e.error()}`));
  context.on("console", (m) => {
    if (m.type() === "error" && !(allowed && allowed.test(m.text()))) {
      errors.push(`console: ${m.text()}`);
    }
  });
}

type Fixtures = {
  /** Console errors a test provokes on purpose (a refused request, say). */
  allowedConsoleErrors: RegExp | null;
  /** Errors seen so far; the test fails at its end unless it is empty. */
  pageErrors: string[];
};

export const test = base.extend<Fixtures>({
  allowedConsoleErrors: [null, { option: true }],
  pageErrors: [
    async ({ context, allowedConsoleErrors }, use) => {
      const errors: string[] = [];
      watch(context, errors, allowedConsoleErrors);
      await use(errors);
      expect(errors, "errors in the page").toEqual([]);
    },
    { auto: true },
  ],
});
