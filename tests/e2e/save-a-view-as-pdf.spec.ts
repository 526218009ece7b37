/**
 * A lecturer takes the view they set up into Beamer or Keynote as a vector
 * PDF: "PDF of this view" opens the figure alone, in the reader's state, on a
 * page of the figure's own size, with the print dialog open, whose "Save as
 * PDF" is Chromium's print-to-PDF. The test prints that page with the same
 * engine (page.pdf) and reads the file: one page of the figure's size, the
 * chart drawn as paths, no bitmap.
 */
import { inflateSync } from "node:zlib";
import { expect, test, workerBrowser } from "./support/test";
import { EMBEDDABLE } from "../../src/lib/embed/embed-registry";
import { siteUrl, watchedPage } from "./support/browser";

const browser = workerBrowser();
const figure = EMBEDDABLE.find((f) => f.id === "focal-curves")!;

/** The decoded content of every stream in a PDF (Flate streams inflated). */
function pdfStreams(pdf: Buffer): string[] {
  const text = pdf.toString("latin1");
  const out: string[] = [];
  for (const m of text.matchAll(/<<((?:(?!>>\s*stream)[\s\S])*)>>\s*stream\r?\n/g)) {
    const start = m.index + m[0].length;
    const end = text.indexOf("endstream", start);
    const bytes = pdf.subarray(start, end);
    try {
      out.push((/FlateDecode/.test(m[1]!) ? inflateSync(bytes) : bytes).toString("latin1"));
    } catch {
      // A stream with a filter we do not read (none is expected): it simply counts for nothing.
    }
  }
  return out;
}

test("PDF of this view opens the reader's view with the print dialog, and prints as one vector page of the figure's size", async () => {
  const { page, context, problems } = await watchedPage(browser.current);
  // The dialog itself cannot be driven headless: record that the page asked for it.
  await context.addInitScript(() => {
    window.print = () => document.documentElement.setAttribute("data-print-requested", "");
  });
  await page.goto(siteUrl("figures/?gamma=3"));
  await page.waitForSelector("focal-loss-curves[data-ready]");
  const panel = page.locator(".share-panel").first();
  await panel.scrollIntoViewIfNeeded();
  await panel.locator("summary").click();
  const [popup] = await Promise.all([
    context.waitForEvent("page"),
    panel.getByRole("button", { name: "PDF of this view" }).click(),
  ]);
  await expect(panel.locator("[data-share-status]")).toContainText("Save as PDF");

  const url = new URL(popup.url());
  expect(url.pathname).toMatch(/\/embed\/focal-curves\/$/);
  expect(Object.fromEntries(url.searchParams)).toMatchObject({ gamma: "3", print: "1", controls: "0", animate: "0" });
  await expect(popup.locator("html")).toHaveAttribute("data-print-requested", "");
  await expect(popup.locator('.legend [data-key="reader"] [data-key="label"]')).toHaveText("yours: γ = 3");
  await expect(popup.locator(".figure-controls")).toBeHidden();

  const pdf = await popup.pdf({ preferCSSPageSize: true, printBackground: true });
  const text = pdf.toString("latin1");
  expect(text.startsWith("%PDF-")).toBe(true);
  // One page, the figure's CSS size in points (1 px = 0.75 pt).
  expect(text.match(/\/Type\s*\/Page\b/g)).toHaveLength(1);
  const box = /\/MediaBox\s*\[\s*0\s+0\s+([\d.]+)\s+([\d.]+)\s*\]/.exec(text);
  expect(box).not.toBeNull();
  expect(Number(box![1])).toBeCloseTo(figure.size.width * 0.75, 0);
  expect(Number(box![2])).toBeCloseTo(figure.size.height * 0.75, 0);
  // The curves are paths (hundreds of line or curve segments), the text is text, and nothing is a bitmap.
  const content = pdfStreams(pdf).join("\n");
  const segments = content.match(/(?:-?[\d.]+\s+){2}l\b|(?:-?[\d.]+\s+){6}c\b/g) ?? [];
  expect(segments.length).toBeGreaterThan(300);
  expect(content).toMatch(/\bTj\b|\bTJ\b/);
  expect(text).not.toMatch(/\/Subtype\s*\/Image/);
  expect(problems).toEqual([]);
  await context.close();
});
