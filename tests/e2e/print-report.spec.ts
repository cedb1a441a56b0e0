import { execFileSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { inflateSync } from "node:zlib";
import { test, expect, type Page } from "./fixtures";
import { fixture, fixtureId, openFixture } from "./flows";

// The printed report an auditor files: A4 portrait, "Page x of y" and the
// record's digest in every page's foot, the assessment's name as the PDF's
// title; and the navigator's poster, still landscape on one page. Both are
// checked in the PDF Chromium prints, not in the page.

const name = JSON.parse(fixture).name as string;

/** `aixa digest FILE`: the digest an auditor computes from the file. */
function cliDigest(file: string): string {
  return execFileSync("cargo", ["run", "-q", "--bin", "aixa", "--", "digest", file], { encoding: "utf8" }).trim();
}

let digest = "";
test.beforeAll(() => {
  // The first call may build the command-line tool.
  test.setTimeout(600_000);
  digest = cliDigest("tests/fixtures/assessment-rag-llm.json");
  expect(digest).toMatch(/^sha256:[0-9a-f]{64}$/);
});

type PdfPage = { width: number; height: number; text: string };

/** The pages of a PDF as Chromium (Skia) writes it: their size and their
 * text. Text is shown as glyph ids, which each font's ToUnicode map turns
 * back into characters; streams are deflated. Enough for Chromium's own
 * output, not for PDFs at large. */
function readPdf(pdf: Buffer): { pages: PdfPage[]; title: string } {
  const src = pdf.toString("latin1");
  const objects = new Map<number, { dict: string; stream: Buffer | null }>();
  const head = /(\d+) 0 obj\b/g;
  for (let m = head.exec(src); m; m = head.exec(src)) {
    const start = m.index + m[0].length;
    const s = src.indexOf("stream", start);
    const e = src.indexOf("endobj", start);
    if (s !== -1 && s < e) {
      const dict = src.slice(start, s);
      const length = Number(/\/Length (\d+)/.exec(dict)?.[1]);
      const from = s + (src.startsWith("stream\r\n", s) ? 8 : 7);
      const raw = pdf.subarray(from, from + length);
      objects.set(Number(m[1]), { dict, stream: dict.includes("/FlateDecode") ? inflateSync(raw) : raw });
      head.lastIndex = from + length;
    } else {
      objects.set(Number(m[1]), { dict: src.slice(start, e), stream: null });
    }
  }
  const get = (n: number) => {
    const o = objects.get(n);
    if (!o) throw new Error(`no object ${n}`);
    return o;
  };
  const ref = (dict: string, key: string) => {
    const m = new RegExp(`/${key}\\s+(\\d+) 0 R`).exec(dict);
    return m ? Number(m[1]) : null;
  };
  const toUnicode = (n: number) => {
    const cmap = get(n).stream?.toString("latin1") ?? "";
    const map = new Map<number, string>();
    const utf16 = (hex: string) => Buffer.from(hex, "hex").swap16().toString("utf16le");
    for (const [, block] of cmap.matchAll(/beginbfchar([\s\S]*?)endbfchar/g)) {
      for (const [, code, text] of block.matchAll(/<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>/g)) map.set(parseInt(code, 16), utf16(text));
    }
    for (const [, block] of cmap.matchAll(/beginbfrange([\s\S]*?)endbfrange/g)) {
      for (const [, lo, hi, first] of block.matchAll(/<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>/g)) {
        for (let c = parseInt(lo, 16); c <= parseInt(hi, 16); c++) map.set(c, String.fromCodePoint(parseInt(first, 16) + c - parseInt(lo, 16)));
      }
    }
    return map;
  };
  const page = (dict: string, inherited: string): PdfPage => {
    const box = /\/MediaBox\s*\[\s*([-\d.]+)\s+([-\d.]+)\s+([-\d.]+)\s+([-\d.]+)\s*\]/.exec(dict) ?? /\/MediaBox\s*\[\s*([-\d.]+)\s+([-\d.]+)\s+([-\d.]+)\s+([-\d.]+)\s*\]/.exec(inherited);
    if (!box) throw new Error("a page without a MediaBox");
    const resRef = ref(dict, "Resources");
    const resources = resRef === null ? dict : get(resRef).dict;
    const fonts = new Map<string, Map<number, string>>();
    for (const [, fname, n] of (/\/Font\s*<<([^>]*)>>/.exec(resources)?.[1] ?? "").matchAll(/\/(\S+?)\s+(\d+) 0 R/g)) {
      const tu = ref(get(Number(n)).dict, "ToUnicode");
      fonts.set(fname, tu === null ? new Map() : toUnicode(tu));
    }
    const contents = /\/Contents\s*(\[[^\]]*\]|\d+ 0 R)/.exec(dict)?.[1] ?? "";
    let text = "";
    for (const [, n] of contents.matchAll(/(\d+) 0 R/g)) {
      const ops = get(Number(n)).stream?.toString("latin1") ?? "";
      let font = new Map<number, string>();
      for (const [, f, hex, et] of ops.matchAll(/\/(\S+)\s+[-\d.]+\s+Tf|<([0-9A-Fa-f]*)>|\b(ET)\b/g)) {
        if (f) font = fonts.get(f) ?? new Map();
        else if (et) text += " ";
        else for (let i = 0; i + 4 <= hex.length; i += 4) text += font.get(parseInt(hex.slice(i, i + 4), 16)) ?? "\uFFFD";
      }
    }
    return { width: Number(box[3]) - Number(box[1]), height: Number(box[4]) - Number(box[2]), text: text.replace(/\s+/g, " ") };
  };
  const pages: PdfPage[] = [];
  const walk = (n: number, inherited: string) => {
    const { dict } = get(n);
    if (/\/Type\s*\/Pages\b/.test(dict)) {
      const kids = /\/Kids\s*\[([^\]]*)\]/.exec(dict)?.[1] ?? "";
      for (const [, k] of kids.matchAll(/(\d+) 0 R/g)) walk(Number(k), dict + inherited);
    } else pages.push(page(dict, inherited));
  };
  const root = [...objects.values()].find((o) => /\/Type\s*\/Catalog\b/.test(o.dict));
  const pagesRef = root ? ref(root.dict, "Pages") : null;
  if (pagesRef === null) throw new Error("no page tree");
  walk(pagesRef, "");
  // The document's title, a literal or UTF-16 hex string in its Info.
  const info = [...objects.values()].find((o) => /\/Producer\b/.test(o.dict))?.dict ?? "";
  const hex = /\/Title\s*<FEFF([0-9A-Fa-f]*)>/i.exec(info);
  const literal = /\/Title\s*\(((?:\\.|[^\\)])*)\)/.exec(info);
  const title = hex ? Buffer.from(hex[1], "hex").swap16().toString("utf16le") : (literal?.[1].replace(/\\(.)/g, "$1") ?? "");
  return { pages, title };
}

/** Prints as a person would save a PDF: on US Letter, landscape, unless
 * the page's own CSS says otherwise (which it must). */
async function print(page: Page) {
  return readPdf(await page.pdf({ format: "Letter", landscape: true, preferCSSPageSize: true }));
}

const A4 = { width: 595, height: 842 };
const near = (a: number, b: number) => Math.abs(a - b) < 1;

async function openReport(page: Page, id: string) {
  await page.goto(`./#/a/${id}/report`);
  await expect(page.getByTestId("report")).toBeVisible();
}

test("the report prints on A4 portrait with page x of y, the digest in every foot and its name as the title", async ({ page }) => {
  await openFixture(page, "dashboard");
  const appTitle = await page.title();
  await openReport(page, fixtureId);
  await expect(page).toHaveTitle(name);
  // The cover identifies the record: the digest aixa digest computes from
  // the file, the tool that wrote it (none recorded in this older file),
  // the catalog's commit.
  await expect(page.getByTestId("report-digest")).toHaveText(digest);
  await expect(page.getByTestId("report-tool")).toHaveText("not recorded");
  const cover = page.locator(".cover");
  for (const text of ["Created", "2026-11-01T09:00:00Z", "Last changed", "Catalog commit", "Digest"]) {
    await expect(cover).toContainText(text);
  }

  const { pages, title } = await print(page);
  // PRINT_REPORT_PDF=file.pdf keeps the printed report, to look at.
  if (process.env.PRINT_REPORT_PDF) writeFileSync(process.env.PRINT_REPORT_PDF, await page.pdf({ preferCSSPageSize: true }));
  expect(title).toBe(name);
  expect(pages.length).toBeGreaterThan(1);
  pages.forEach((p, i) => {
    expect({ page: i + 1, width: Math.round(p.width), height: Math.round(p.height) }).toEqual({ page: i + 1, ...A4 });
    expect(near(p.width, A4.width) && near(p.height, A4.height), `page ${i + 1} is ${p.width}×${p.height}`).toBe(true);
    const foot = /Page\s*(\d+)\s*of\s*(\d+)/.exec(p.text);
    expect(foot, `page ${i + 1} has no "Page x of y"`).not.toBeNull();
    expect([Number(foot?.[1]), Number(foot?.[2])]).toEqual([i + 1, pages.length]);
    expect(p.text, `page ${i + 1} has no digest`).toContain(digest);
  });
  // The cover's digest reads as typed too (no "ff" ligature in its text), so
  // that it can be searched for and copied from the PDF: once on the cover,
  // once in the foot.
  expect(pages[0].text.split(digest).length - 1).toBe(2);
  // The contents and the open items follow the cover.
  expect(pages[1].text).toContain("Contents");
  expect(pages.some((p) => p.text.includes("Open items") && p.text.includes("Acceptance refused"))).toBe(true);

  // Leaving the report gives the page its own title back, and the foot its
  // digest: another record's pages never carry this one's.
  await page.goto(`./#/a/${fixtureId}/dashboard`);
  await expect(page.getByTestId("step-dashboard")).toHaveAttribute("aria-current", "step");
  await expect(page).toHaveTitle(appTitle);
  expect(await page.evaluate(() => document.documentElement.style.getPropertyValue("--digest"))).toBe("");
});

test("the report has contents, an open-items page and section numbers in every table", async ({ page }) => {
  await openFixture(page, "dashboard");
  await openReport(page, fixtureId);
  const report = page.getByTestId("report");

  // Contents: one link per section, each to a heading that exists. A click
  // scrolls there and leaves the app on the report.
  const links = report.locator("nav.toc a");
  const targets = await links.evaluateAll((as) => as.map((a) => a.getAttribute("href") ?? ""));
  expect(targets.length).toBeGreaterThanOrEqual(8);
  for (const href of targets) {
    expect(href).toMatch(/^#r-/);
    await expect(report.locator(`h2${href}`)).toHaveCount(1);
  }
  await links.filter({ hasText: "UK/US guidelines coverage" }).click();
  await expect(report.locator("h2#r-guidelines")).toBeInViewport();
  expect(page.url()).toContain(`#/a/${fixtureId}/report`);

  // Open items: the refused acceptance, the review due (2026-11-24 has
  // passed), the verification only requested, the undecided controls and the
  // threats not covered, each by section.
  const open = page.getByTestId("report-open");
  for (const text of ["Reviews due", "2026-11-24", "Acceptance refused", "Needs input segregation first.", "Verifications not settled", "Requested", "Controls not decided", "Threats not covered", "acceptance refused"]) {
    await expect(open).toContainText(text);
  }

  // Every table that lists threats or controls starts each row with a
  // section number, alone or before the name. (The guidelines are numbered
  // by their own documents.)
  const firstCells = await report.locator("table:has(thead):not([data-testid=report-guidelines]) tbody tr").evaluateAll((rows) =>
    rows.map((r) => (r.querySelector("td")?.textContent ?? "").trim()),
  );
  expect(firstCells.length).toBeGreaterThan(20);
  for (const cell of firstCells) expect(cell).toMatch(/^\d+(\.\d+)*( |$)/);

  // Printed, a heading stays with what follows it, and table headers repeat.
  await page.emulateMedia({ media: "print" });
  const breaks = await report.locator("h2, h3").evaluateAll((hs) => hs.map((h) => getComputedStyle(h).breakAfter));
  expect(new Set(breaks)).toEqual(new Set(["avoid"]));
});

test("the cover says signed off, or changed since sign-off", async ({ page }) => {
  const dir = mkdtempSync(join(tmpdir(), "aixa-signoff-"));
  const a = JSON.parse(fixture);
  const signed = { ...a, schema: 6, id: "signed-off", name: "Signed", signoff: { by: "Dana", role: "CISO", date: "2026-11-21", statement: "Residual risk acceptable.", digest: "" } };
  // The sign-off lies outside the digest, so the record's own digest is the
  // one signed.
  writeFileSync(join(dir, "signed.json"), JSON.stringify(signed));
  signed.signoff.digest = cliDigest(join(dir, "signed.json"));
  const changed = { ...signed, id: "changed-since", name: "Changed", signoff: { ...signed.signoff, digest: `sha256:${"0".repeat(64)}` } };
  await openFixture(page, "dashboard");
  await page.evaluate(
    (records) => records.forEach((r) => localStorage.setItem(`aixa.assessment.${r.id}`, JSON.stringify(r))),
    [signed, changed],
  );
  await page.reload();

  await openReport(page, "signed-off");
  const block = page.getByTestId("report-signoff");
  await expect(block).toContainText("Sign-off: signed off");
  await expect(block).toContainText("Dana (CISO)");
  await expect(block).toContainText(signed.signoff.digest);
  await openReport(page, "changed-since");
  await expect(page.getByTestId("report-signoff")).toContainText("Sign-off: changed since sign-off");
});

test("the navigator still prints as a landscape poster on one page", async ({ page }) => {
  await page.goto("./#/navigator");
  await expect(page.getByTestId("navigator")).toBeVisible();
  const { pages } = await print(page);
  expect(pages.length).toBe(1);
  expect([Math.round(pages[0].width), Math.round(pages[0].height)]).toEqual([A4.height, A4.width]);
  // The report's foot is not the poster's.
  expect(pages[0].text).not.toMatch(/Page\s*1\s*of/);
});
