/**
 * A reader with JavaScript turned off opens each chapter: the text, the
 * typeset math and the tables are all there, and every number shown is the
 * one the loss-math module gives for the inputs on the page.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { launchBrowser, siteUrl, watchedPage } from "./support/browser";
import { balancedCrossEntropy, crossEntropy, focalLoss, modulatingFactor, pt, type Alpha, type Label } from "../../src/lib/loss";
import { formatNumber, formatNumberTex, type Notation } from "../../src/lib/format";

/** The chapters issue 4 asks for, in reading order. */
const CHAPTERS = ["why-focal-loss", "what-is-focal-loss", "cross-entropy"] as const;

/** Recomputes a quantity from loss.ts directly (not through the components' helpers). */
function expected(quantity: string, p: number, y: Label, alpha: Alpha, gamma: number): number {
  switch (quantity) {
    case "pt": return pt(p, y);
    case "ce": return crossEntropy(p, y);
    case "balancedCe": return balancedCrossEntropy(p, y, alpha);
    case "modulating": return modulatingFactor(p, y, gamma);
    case "fl": return focalLoss(p, y, { alpha, gamma });
    case "ceOverFl": return crossEntropy(p, y) / focalLoss(p, y, { alpha, gamma });
    default: throw new Error(`unknown quantity ${quantity}`);
  }
}

interface Inputs { quantity: string; p: number; y: Label; alpha: Alpha; gamma: number; digits: number; notation: Notation }
function inputsOf(d: Record<string, string | undefined>): Inputs {
  return {
    quantity: d.quantity!,
    p: Number(d.p),
    y: Number(d.y) as Label,
    alpha: d.alpha === "none" ? null : Number(d.alpha),
    gamma: Number(d.gamma),
    digits: Number(d.digits),
    notation: d.notation as Notation,
  };
}

let browser: Browser;
beforeAll(async () => { browser = await launchBrowser(); });
afterAll(async () => { await browser?.close(); });

async function openWithoutJs(slug: string, width = 1280): Promise<{ page: Page; close: () => Promise<void>; problems: string[] }> {
  const { page, context, problems } = await watchedPage(browser, { javaScriptEnabled: false, viewport: { width, height: 900 } });
  const response = await page.goto(siteUrl(`${slug}/`), { waitUntil: "load" });
  expect(response?.status(), slug).toBe(200);
  return { page, problems, close: () => context.close() };
}

describe.each(CHAPTERS)("chapter %s with JavaScript off", (slug) => {
  it("shows its heading, key idea, outline and typeset math, with no KaTeX errors and no NaN", async () => {
    const { page, close, problems } = await openWithoutJs(slug);
    await expect(page.locator("h1").count()).resolves.toBe(1);
    await expect(page.locator(".key-idea").textContent()).resolves.toMatch(/Key idea\.\s+\S/);
    expect(await page.locator(".prose h2").count()).toBeGreaterThanOrEqual(2);
    expect(await page.locator(".katex").count()).toBeGreaterThan(0);
    await expect(page.locator(".katex-error").count()).resolves.toBe(0);
    const text = await page.locator("main").innerText();
    expect(text).not.toMatch(/\bNaN\b|undefined|\[object Object\]/);
    // every h2 has an anchor link to itself, and the outline links to every h2
    const headings = await page.locator(".prose h2").evaluateAll((hs) => hs.map((h) => ({ id: h.id, anchor: h.querySelector("a.heading-anchor")?.getAttribute("href") })));
    for (const h of headings) expect(h.anchor, h.id).toBe(`#${h.id}`);
    const outline = await page.locator(".outline a").evaluateAll((as) => as.map((a) => a.getAttribute("href")));
    expect(outline).toEqual(headings.map((h) => `#${h.id}`));
    expect(problems).toEqual([]);
    await close();
  });

  it("every inline number equals the module's value for its inputs", async () => {
    const { page, close } = await openWithoutJs(slug);
    const values = await page.locator(".value").evaluateAll((els) => els.map((e) => ({ data: { ...(e as HTMLElement).dataset }, text: e.textContent })));
    for (const v of values) {
      const i = inputsOf(v.data);
      expect(v.text, JSON.stringify(v.data)).toBe(formatNumber(expected(i.quantity, i.p, i.y, i.alpha, i.gamma), { digits: i.digits, notation: i.notation }));
    }
    await close();
  });

  it("every worked example ends in the module's value", async () => {
    const { page, close } = await openWithoutJs(slug);
    const examples = await page.locator(".worked-example").evaluateAll((els) => els.map((e) => ({
      data: { ...(e as HTMLElement).dataset },
      tex: [...e.querySelectorAll('annotation[encoding="application/x-tex"]')].map((a) => a.textContent ?? ""),
    })));
    for (const ex of examples) {
      const i = inputsOf(ex.data);
      const last = ex.tex.at(-1)!;
      expect(last.trim().endsWith(`= ${formatNumberTex(expected(i.quantity, i.p, i.y, i.alpha, i.gamma), { digits: i.digits, notation: i.notation })}`), last).toBe(true);
    }
    await close();
  });

  it("fits a 390 px phone: no sideways scrolling of the page", async () => {
    const { page, close } = await openWithoutJs(slug, 390);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await close();
  });
});

describe("what each chapter must show", () => {
  /** Worked examples a chapter has to contain: [slug, quantity, p, y, alpha, gamma]. */
  const required: [string, string, number, Label, Alpha, number][] = [
    ["cross-entropy", "ce", 0.95, 1, null, 0],
    ["cross-entropy", "ce", 0.05, 0, null, 0],
  ];
  it.each(required)("%s works %s for p = %s, y = %s", async (slug, quantity, p, y, alpha, gamma) => {
    const { page, close } = await openWithoutJs(slug);
    const selector = `.worked-example[data-quantity="${quantity}"][data-p="${p}"][data-y="${y}"][data-alpha="${alpha ?? "none"}"][data-gamma="${gamma}"]`;
    await expect(page.locator(selector).count()).resolves.toBe(1);
    const tex = await page.locator(`${selector} annotation[encoding="application/x-tex"]`).allTextContents();
    expect(tex.join("\n")).toContain(formatNumberTex(expected(quantity, p, y, alpha, gamma), { digits: 4 }));
    await close();
  });

  it("the index lists the chapters in this order", async () => {
    const { page, context } = await watchedPage(browser, { javaScriptEnabled: false });
    await page.goto(siteUrl(), { waitUntil: "load" });
    const hrefs = await page.locator(".toc-list a").evaluateAll((as) => as.map((a) => new URL((a as HTMLAnchorElement).href).pathname));
    const slugs = hrefs.map((h) => h.split("/").filter(Boolean).at(-1));
    expect(slugs.slice(0, CHAPTERS.length)).toEqual([...CHAPTERS]);
    await context.close();
  });
});
