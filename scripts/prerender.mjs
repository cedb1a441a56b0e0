// The landing page as static markup, for index.html: a first visit sees the
// real page at its first paint, before the wasm has arrived. Called by
// scripts/postbuild.mjs after Trunk's build.
//
// It serves the build on a free local port, opens `./` in headless Chromium
// with a fresh profile (a new visitor: the app creates "My AI system" and
// shows its first step), waits until the app has mounted and the page is
// still, and returns the markup of what the app added to <body>:
//   - form state written into attributes (a radio's `checked` is a property
//     that outerHTML does not show);
//   - Leptos' empty comment markers and every data-testid left out, so that
//     tests, the bench and scripts only ever find the app's own elements;
//   - the new assessment's random id replaced: its links lead to `#/`, which
//     opens the visitor's own assessment once the app runs.
// The result is the same for every build of the same sources (no dates, no
// ids).

import { createServer } from "node:http";
import { existsSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { extname, join, normalize, resolve, sep } from "node:path";
import { launchOptions } from "./chromium.mjs";
import { TYPES } from "./mime.mjs";

function serve(dir) {
  const root = resolve(dir);
  const server = createServer(async (req, res) => {
    let file = normalize(join(root, decodeURIComponent(new URL(req.url, "http://x").pathname)));
    if (file !== root && !file.startsWith(root + sep)) return res.writeHead(403).end();
    if (file === root || file.endsWith(sep)) file = join(file, "index.html");
    try {
      const body = await readFile(file);
      res.writeHead(200, { "Content-Type": TYPES[extname(file)] ?? "application/octet-stream" }).end(body);
    } catch {
      res.writeHead(404).end();
    }
  });
  return new Promise((ok) => server.listen(0, "127.0.0.1", () => ok(server)));
}

/** The markup the app renders into <body> for a new visitor at `./`. */
export async function prerender(dist) {
  if (!existsSync(launchOptions.executablePath)) {
    throw new Error(
      `prerender: no Chromium at ${launchOptions.executablePath}; the build writes the landing page's ` +
        "markup with it. Install it with scripts/setup.sh (ensure_chromium: apt-get install chromium).",
    );
  }
  const { chromium } = await import("@playwright/test");
  const server = await serve(dist);
  const browser = await chromium.launch(launchOptions);
  try {
    // A new context is a fresh profile: no storage, no service worker.
    const context = await browser.newContext({ serviceWorkers: "block" });
    const page = await context.newPage();
    const errors = [];
    page.on("pageerror", (e) => errors.push(String(e)));
    page.on("console", (m) => m.type() === "error" && errors.push(m.text()));
    await page.goto(`http://127.0.0.1:${server.address().port}/`);
    // Mounted: the app's own threat list, outside any earlier prerender.
    await page.waitForFunction(
      () => [...document.querySelectorAll('[data-testid="threat-list"] [data-verdict]')].some((e) => !e.closest("#aixa-prerender")),
      null,
      { timeout: 60_000 },
    );
    // Still: no change to the DOM for half a second.
    await page.evaluate(
      () =>
        new Promise((done) => {
          let timer = setTimeout(done, 500);
          new MutationObserver(() => {
            clearTimeout(timer);
            timer = setTimeout(done, 500);
          }).observe(document.body, { subtree: true, childList: true, attributes: true, characterData: true });
        }),
    );
    if (errors.length) throw new Error(`prerender: the app reported errors:\n${errors.join("\n")}`);
    const { id, html } = await page.evaluate(() => {
      for (const input of document.querySelectorAll("input, textarea, select")) {
        if (input.type === "radio" || input.type === "checkbox") input.toggleAttribute("checked", input.checked);
        else if (input.tagName === "TEXTAREA") input.textContent = input.value;
        else if (input.tagName === "SELECT") for (const o of input.options) o.toggleAttribute("selected", o.selected);
        else if (input.value) input.setAttribute("value", input.value);
      }
      const id = decodeURIComponent(/^#\/a\/([^/]+)\//.exec(location.hash)?.[1] ?? "");
      const html = [...document.body.childNodes]
        .filter((n) => n.nodeType === Node.ELEMENT_NODE && !["NOSCRIPT", "SCRIPT"].includes(n.tagName) && n.id !== "aixa-prerender")
        .map((n) => n.outerHTML)
        .join("");
      return { id, html };
    });
    if (!id) throw new Error("prerender: the app did not open a new assessment at ./");
    // Links into the new assessment lead home, which opens the visitor's own.
    const escaped = encodeURIComponent(id).replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
    let markup = html
      .replace(/<!---->/g, "")
      .replace(/ data-testid="[^"]*"/g, "")
      .replace(new RegExp(`href="#/a/${escaped}(/[^"]*)?"`, "g"), 'href="#/"');
    // The neutral shell's line, shown instead of the page to a returning
    // visitor (assets/paint.js, style/main.css).
    const main = '<main id="main" tabindex="-1">';
    if (!markup.includes(main)) throw new Error(`prerender: no ${main} in the app's markup`);
    markup = markup.replace(main, `${main}<p class="muted aixa-opening">Opening…</p>`);
    if (markup.includes(id)) throw new Error(`prerender: the assessment's id ${id} is still in the markup`);
    await context.close();
    return markup;
  } finally {
    await browser.close();
    server.close();
  }
}
