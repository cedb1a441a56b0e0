import { test, expect, type Page } from "./fixtures";
import { storedAssessment } from "./flows";

// First paint at static-page speed (issue 18): index.html carries the landing
// page as static markup (#aixa-prerender, written by scripts/postbuild.mjs),
// the app replaces it when it mounts, and a returning visitor gets a neutral
// shell instead (assets/paint.js marks <html> before the first paint).
//
// The wasm is held back where a test looks at the page before the app runs,
// so that nothing here depends on timing.

// No service worker: a page it controls would take the wasm from its cache,
// past page.route, and it would fetch the wasm a second time to cache it.
test.use({ serviceWorkers: "block" });

/** Holds every request for the wasm until `release()`. */
async function holdWasm(page: Page) {
  let release = () => {};
  const gate = new Promise<void>((r) => (release = r));
  await page.route("**/*.wasm", async (route) => {
    await gate;
    await route.continue();
  });
  return () => release();
}

const PRERENDER = "#aixa-prerender";

/** The app has mounted: its own threat list is on screen, the static page gone. */
async function mounted(page: Page) {
  await expect(page.getByTestId("threat-list")).toBeVisible();
  await expect(page.locator(PRERENDER)).toHaveCount(0);
}

test("index.html as served holds the landing page, with its main heading, before any script", async ({ page, request }) => {
  const html = await (await request.get("./")).text();
  const head = html.slice(0, html.indexOf("</head>"));
  const body = html.slice(html.indexOf("<body"));
  // The heading of the static page, as the HTML itself says it.
  const heading = /<div id="aixa-prerender" inert>[\s\S]*?<main id="main"[^>]*>[\s\S]*?<h1[^>]*>([^<]+)<\/h1>/.exec(body)?.[1];
  expect(heading, "a heading in the prerendered <main>").toBeTruthy();
  // Nothing runs inline (the policy forbids it): every script is a file.
  expect(html.match(/<script[^>]*>/g)?.every((s) => /\ssrc="\.\/[a-z]+-[0-9a-f]{12,16}\.js"/.test(s))).toBe(true);
  // The returning-visitor check runs before the stylesheets, synchronously.
  expect(head).toMatch(/<script src="\.\/paint-[0-9a-f]+\.js"><\/script>\s*<link rel="stylesheet"/);

  await page.goto("./");
  await mounted(page);
  await expect(page.locator("main h1")).toHaveText(heading!);
});

test("a new visitor sees the landing page at once; the app replaces it, one header and one main", async ({ page }) => {
  const release = await holdWasm(page);
  await page.goto("./", { waitUntil: "commit" });
  // Before the app: the static page, shown, and no shell class.
  const h1 = page.locator(`${PRERENDER} main h1`);
  await expect(h1).toBeVisible();
  await expect(page.locator("html")).not.toHaveClass(/aixa-(returning|elsewhere)/);
  await expect(page.locator(`${PRERENDER} .aixa-opening`)).toBeHidden();
  await expect(page.getByTestId("threat-list")).toHaveCount(0);
  const heading = await h1.textContent();
  const before = await page.evaluate(() => document.body.innerText);
  const box = await h1.boundingBox();

  release();
  await mounted(page);
  await expect(page.locator("header")).toHaveCount(1);
  await expect(page.locator("main")).toHaveCount(1);
  await expect(page.locator("footer")).toHaveCount(1);
  await expect(page.locator("main h1")).toHaveCount(1);
  await expect(page.locator("main h1")).toHaveText(heading!);
  // No flash of different content: the app shows the very text the static
  // page showed.
  expect(await page.evaluate(() => document.body.innerText)).toBe(before);
  // … in the very place.
  expect(await page.locator("main h1").boundingBox()).toEqual(box);
});

test("a returning visitor never sees a new visitor's landing page, only the shell until the app opens their work", async ({
  page,
}) => {
  await page.goto("./#/about");
  await expect(page.getByTestId("edition")).toBeVisible();
  await page.evaluate(
    ([key, text]) => localStorage.setItem(key, text),
    ["aixa.assessment.returning1", storedAssessment("returning1", "2024-01", "Returning work")],
  );
  // Whether <html> was marked before the landing page existed in the DOM,
  // seen by the parser's own insertion of it: so before any paint of it.
  await page.addInitScript(() => {
    new MutationObserver((records, observer) => {
      for (const r of records)
        for (const n of r.addedNodes)
          if ((n as Element).id === "aixa-prerender") {
            (window as any).__classAtInsert = document.documentElement.className;
            observer.disconnect();
          }
    }).observe(document, { childList: true, subtree: true });
  });
  const release = await holdWasm(page);
  await page.goto("./", { waitUntil: "commit" });
  await expect(page.locator("html")).toHaveClass(/\baixa-returning\b/);
  await expect(page.locator(`${PRERENDER} .aixa-opening`)).toBeVisible();
  expect(await page.evaluate(() => (window as any).__classAtInsert)).toMatch(/\baixa-returning\b/);
  // The landing page's content is there but not rendered: no box, and the
  // header keeps only the brand.
  const landing = page.locator(`${PRERENDER} main h1`);
  await expect(landing).toHaveCount(1);
  await expect(landing).toBeHidden();
  expect(await landing.evaluate((e) => e.checkVisibility({ visibilityProperty: true }))).toBe(false);
  for (const part of [".mainnav", ".edition"]) {
    expect(await page.locator(`${PRERENDER} ${part}`).evaluate((e) => getComputedStyle(e).visibility)).toBe("hidden");
  }
  await expect(page.locator(`${PRERENDER} footer`)).toBeHidden();

  release();
  await mounted(page);
  await expect(page.getByTestId("assessment-name")).toHaveText("Returning work");
  await expect(page.locator("header")).toHaveCount(1);
  await expect(page.locator("main")).toHaveCount(1);
});

test("a first visit to another address gets the shell, not the landing page", async ({ page }) => {
  const release = await holdWasm(page);
  await page.goto("./#/catalog", { waitUntil: "commit" });
  await expect(page.locator("html")).toHaveClass(/\baixa-elsewhere\b/);
  await expect(page.locator("html")).not.toHaveClass(/\baixa-returning\b/);
  await expect(page.locator(`${PRERENDER} main h1`)).toBeHidden();
  await expect(page.locator(`${PRERENDER} .aixa-opening`)).toBeVisible();
  release();
  await expect(page.getByTestId("search")).toBeVisible();
  await expect(page.locator(PRERENDER)).toHaveCount(0);
  await expect(page.locator("main")).toHaveCount(1);
});

test.describe("start-up", () => {
  test("the wasm is fetched once, by the preload in index.html, and compiled as it streams", async ({ page }) => {
    await page.addInitScript(() => {
      const calls: string[] = ((window as any).__wasmCalls = []);
      for (const name of ["instantiateStreaming", "compileStreaming", "instantiate", "compile"] as const) {
        const original = (WebAssembly as any)[name];
        (WebAssembly as any)[name] = function (...args: unknown[]) {
          calls.push(name);
          return original.apply(this, args);
        };
      }
    });
    await page.goto("./");
    await mounted(page);
    expect(await page.evaluate(() => (window as any).__wasmCalls)).toEqual(["instantiateStreaming"]);
    const fetched = await page.evaluate(() =>
      performance
        .getEntriesByType("resource")
        .filter((e) => /\.(wasm|js)$/.test(new URL(e.name).pathname) && /aixa-web-/.test(e.name))
        .map((e) => ({ file: new URL(e.name).pathname.split("/").pop()!, by: (e as PerformanceResourceTiming).initiatorType })),
    );
    expect(fetched.filter((f) => f.file.endsWith(".wasm"))).toEqual([{ file: expect.stringMatching(/_bg\.wasm$/), by: "link" }]);
    // The glue too, once: Chromium names a module preload's initiator "script".
    expect(fetched.filter((f) => f.file.endsWith(".js"))).toHaveLength(1);
  });
});
