import { test, expect, type Page } from "./fixtures";
import { walk } from "./flows";

// A full session (an assessment through all seven steps, a share link, every
// export and the print view) must raise no Content-Security-Policy violation
// and request nothing but same-origin static files.

async function watch(page: Page) {
  await page.addInitScript(() => {
    (window as any).__csp = [];
    document.addEventListener("securitypolicyviolation", (e) =>
      (window as any).__csp.push(`${e.violatedDirective} ${e.blockedURI}`),
    );
  });
  const requests: string[] = [];
  page.on("request", (r) => requests.push(r.url()));
  return requests;
}

async function fullSession(page: Page) {
  await walk(page);
  await page.getByTestId("share").click();
  await expect(page.getByTestId("share-link")).toBeVisible();
  for (const id of ["export-json", "export-md", "export-csv"]) {
    await Promise.all([page.waitForEvent("download"), page.getByTestId(id).click()]);
  }
  await page.getByTestId("print").click();
  await expect(page.getByTestId("report")).toBeVisible();
  await page.emulateMedia({ media: "print" });
  await page.pdf();
  await page.emulateMedia({ media: "screen" });
  for (const nav of ["nav-catalog", "nav-navigator", "nav-about", "nav-assessments"]) {
    await page.getByTestId(nav).click();
  }
}

test("the page carries the strict policy", async ({ page }) => {
  await page.goto("./#/new/2024-01");
  const csp = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute("content");
  expect(csp).toBe(
    "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' data:; " +
      "connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'",
  );
});

test("a full session raises no CSP violation and sends nothing anywhere", async ({ page, baseURL }) => {
  const requests = await watch(page);
  await fullSession(page);
  expect(await page.evaluate(() => (window as any).__csp)).toEqual([]);

  const origin = new URL(baseURL ?? "").origin;
  const base = new URL(baseURL ?? "").pathname;
  const outside = requests.filter((u) => {
    if (u.startsWith("blob:") || u.startsWith("data:")) return false;
    const url = new URL(u);
    return url.origin !== origin || !url.pathname.startsWith(base);
  });
  expect(outside).toEqual([]);
  // Only static files of the build: the page and its hashed assets (Trunk
  // writes the hash without its leading zeros).
  const paths = [...new Set(requests.filter((u) => u.startsWith(origin)).map((u) => new URL(u).pathname.slice(base.length)))];
  for (const p of paths) {
    expect(p).toMatch(/^(|index\.html|sw\.js|manifest\.webmanifest|favicon\.svg|icon-\d+\.png|[a-z-]+-[0-9a-f]{12,16}(_bg)?\.(js|css|wasm))$/);
  }
});
