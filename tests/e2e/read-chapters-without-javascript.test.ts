/**
 * A reader with JavaScript turned off opens each chapter: the text, the
 * typeset math and the tables are all there, and every number shown is the
 * one the loss-math module gives for the inputs on the page.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { launchBrowser, siteUrl, watchedPage } from "./support/browser";
import { balancedCrossEntropy, crossEntropy, focalLoss, focalLossFromLogit, modulatingFactor, priorBias, pt, sigmoid, softplus, type Alpha, type Label } from "../../src/lib/math/loss";
import { formatNumber, formatNumberTex, formatPercent, formatRatio, type Notation } from "../../src/lib/text/format";
import { formatFactor } from "../../src/lib/article/paper-readings";

/** AP from the paper's Table 1a (by α) and 1b (by γ), read off the paper for this test. */
const PAPER_TABLE_1A: Record<number, number> = { 0.1: 0.0, 0.25: 10.8, 0.5: 30.2, 0.75: 31.1, 0.9: 30.8, 0.99: 28.7, 0.999: 25.1 };
const PAPER_TABLE_1B: Record<number, number> = { 0: 31.1, 0.1: 31.4, 0.2: 31.9, 0.5: 32.9, 1: 33.7, 2: 34.0, 5: 32.2 };

/** The score minimising η·FL(q, 1) + (1 − η)·FL(q, 0), by golden-section search on loss.ts's focal loss (not the site's solver). */
function minimiseExpectedFocalLoss(eta: number, gamma: number): number {
  const risk = (q: number) => eta * focalLoss(q, 1, { alpha: null, gamma }) + (1 - eta) * focalLoss(q, 0, { alpha: null, gamma });
  const phi = (Math.sqrt(5) - 1) / 2;
  let [a, b] = [1e-9, 1 - 1e-9];
  for (let i = 0; i < 200; i++) {
    const c = b - phi * (b - a);
    const d = a + phi * (b - a);
    if (risk(c) < risk(d)) b = d; else a = c;
  }
  return (a + b) / 2;
}

/** The chapters issue 4 asks for, in reading order. */
const CHAPTERS = [
  "why-focal-loss", "what-is-focal-loss", "cross-entropy", "balanced-cross-entropy", "focal-loss", "from-loss-to-detector", "ce-versus-fl", "final-thoughts",
] as const;

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
    const values = await page.locator(".value[data-quantity]").evaluateAll((els) => els.map((e) => ({ data: { ...(e as HTMLElement).dataset }, text: e.textContent })));
    for (const v of values) {
      const i = inputsOf(v.data);
      const value = expected(i.quantity, i.p, i.y, i.alpha, i.gamma);
      const want = (i.notation as string) === "ratio" ? formatRatio(value) : formatNumber(value, { digits: i.digits, notation: i.notation });
      expect(v.text, JSON.stringify(v.data)).toBe(want);
    }
    await close();
  });

  it("every worked example ends in the module's value", async () => {
    const { page, close } = await openWithoutJs(slug);
    const examples = await page.locator(".worked-example").evaluateAll((els) => els.map((e) => ({
      data: { ...(e as HTMLElement).dataset },
      tex: [...e.querySelectorAll('.katex-display annotation[encoding="application/x-tex"]')].map((a) => a.textContent ?? ""),
    })));
    for (const ex of examples) {
      const i = inputsOf(ex.data);
      // the last line may be a chain of aligned rows; its value is after the last "="
      const last = ex.tex.at(-1)!.replace(/\\end\{aligned\}\s*$/, "");
      expect(last.trim().endsWith(`= ${formatNumberTex(expected(i.quantity, i.p, i.y, i.alpha, i.gamma), { digits: i.digits, notation: i.notation })}`), last).toBe(true);
    }
    await close();
  });

  it("every computed equation and number outside the per-example quantities is the module's", async () => {
    const { page, close } = await openWithoutJs(slug);
    const computed = await page.locator("[data-fn]").evaluateAll((els) => els.map((e) => ({
      data: { ...(e as HTMLElement).dataset },
      text: e.classList.contains("value") ? e.textContent : e.querySelector('annotation[encoding="application/x-tex"]')?.textContent,
      equation: !e.classList.contains("value"),
    })));
    for (const c of computed) {
      const args = JSON.parse(c.data.args!) as number[];
      const value = c.data.fn === "priorBias" ? priorBias(args[0]!)
        : c.data.fn === "sigmoid" ? sigmoid(args[0]!)
        : c.data.fn === "ptAtReduction" ? 1 - args[0]! ** (-1 / args[1]!) // (1 − p_t)^γ = 1/r, solved by hand
        : c.data.fn === "scaleDown" ? (1 - args[0]!) ** -args[1]! // CE / FL without α is 1/(1 − p_t)^γ
        : c.data.fn === "keptShare" ? (1 - args[0]!) ** args[1]!
        : c.data.fn === "lossRatioAt" ? ((1 - args[0]!) ** args[2]! * Math.log(args[0]!)) / ((1 - args[1]!) ** args[2]! * Math.log(args[1]!))
        : c.data.fn === "focalOptimalScore" ? minimiseExpectedFocalLoss(args[0]!, args[1]!)
        : c.data.fn === "apTable1a" ? PAPER_TABLE_1A[args[0]!]!
        : c.data.fn === "apTable1b" ? PAPER_TABLE_1B[args[0]!]!
        : c.data.fn === "apGainOverBestBalancedCe" ? PAPER_TABLE_1B[args[0]!]! - Math.max(...Object.values(PAPER_TABLE_1A))
        : NaN;
      const notation = c.data.notation!;
      const format = { digits: Number(c.data.digits), notation: notation as Notation };
      const shown = notation === "ratio" ? formatRatio(value)
        : notation === "factor" ? formatFactor(value)
        : notation === "percent" ? formatPercent(value, Number(c.data.digits))
        : notation === "ap" ? value.toFixed(1)
        : formatNumber(value, format);
      if (c.equation) expect(c.text!.trim().endsWith(`= ${formatNumberTex(value, format)}`), c.text!).toBe(true);
      else expect(c.text, `${c.data.fn} ${c.data.args}`).toBe(shown);
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
    ["balanced-cross-entropy", "balancedCe", 0.95, 1, 0.25, 0],
    ["balanced-cross-entropy", "balancedCe", 0.05, 0, 0.25, 0],
    ["focal-loss", "modulating", 0.99, 1, null, 2],
    ["focal-loss", "modulating", 0.01, 0, null, 2],
    ["focal-loss", "modulating", 0.01, 1, null, 2],
    ["focal-loss", "modulating", 0.99, 0, null, 2],
    ["ce-versus-fl", "fl", 0.95, 1, 0.25, 2],
  ];
  it.each(required)("%s works %s for p = %s, y = %s", async (slug, quantity, p, y, alpha, gamma) => {
    const { page, close } = await openWithoutJs(slug);
    const selector = `.worked-example[data-quantity="${quantity}"][data-p="${p}"][data-y="${y}"][data-alpha="${alpha ?? "none"}"][data-gamma="${gamma}"]`;
    await expect(page.locator(selector).count()).resolves.toBe(1);
    const tex = await page.locator(`${selector} .katex-display annotation[encoding="application/x-tex"]`).allTextContents();
    expect(tex.join("\n")).toContain(formatNumberTex(expected(quantity, p, y, alpha, gamma), { digits: 4 }));
    await close();
  });

  // The article's scenarios as issue 4 lists them: [id, foreground p, background p].
  it.each([["easy", 0.95, 0.05], ["misclassified", 0.05, 0.95], ["very-easy", 0.99, 0.01]] as const)(
    "ce-versus-fl shows the %s scenario, foreground and background, every cell the module's", async (id, fgP, bgP) => {
      const { page, close } = await openWithoutJs("ce-versus-fl");
      const table = page.locator(`table.scenario-table[data-scenario="${id}"]`);
      await expect(table.count()).resolves.toBe(1);
      for (const [p, y] of [[fgP, 1], [bgP, 0]] as const) {
        const row = table.locator(`tbody tr[data-y="${y}"]`);
        const cell = (col: string) => row.locator(`td[data-col="${col}"]`).innerText();
        await expect(cell("p")).resolves.toBe(String(p));
        await expect(cell("ce")).resolves.toBe(formatNumber(crossEntropy(p, y), { digits: 4 }));
        await expect(cell("balancedCe")).resolves.toBe(formatNumber(balancedCrossEntropy(p, y, 0.25), { digits: 4 }));
        await expect(cell("fl")).resolves.toBe(formatNumber(focalLoss(p, y, { alpha: 0.25, gamma: 2 }), { digits: 4 }));
        const ratio = crossEntropy(p, y) / focalLoss(p, y, { alpha: 0.25, gamma: 2 });
        await expect(cell("ceOverFl")).resolves.toBe(formatRatio(ratio));
        expect(Number(await cell("pt"))).toBeCloseTo(pt(p, y), 12);
      }
      await close();
    });

  it("final-thoughts shows the paper's Table 1a and 1b as charts with tables, the prior bias, FL* and the BibTeX", async () => {
    const { page, close } = await openWithoutJs("final-thoughts");
    // Table 1a and 1b as transcribed in issue 4 (the paper's values, not computed)
    const rows = (t: string) => page.locator(`[data-table="${t}"] table tbody tr`).evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll("td")].map((td) => td.textContent)));
    await expect(rows("1a")).resolves.toEqual([[".1", "0.0"], [".25", "10.8"], [".5", "30.2"], [".75", "31.1"], [".9", "30.8"], [".99", "28.7"], [".999", "25.1"]]);
    await expect(rows("1b")).resolves.toEqual([["0", ".75", "31.1"], [".1", ".75", "31.4"], [".2", ".75", "31.9"], [".5", ".5", "32.9"], ["1", ".25", "33.7"], ["2", ".25", "34.0"], ["5", ".25", "32.2"]]);
    await expect(page.locator('[data-table="1a"] svg rect').count()).resolves.toBe(7);
    await expect(page.locator('[data-table="1b"] svg .bar-highlight').count()).resolves.toBe(1);
    // prior bias for π = 0.01
    const bias = await page.locator('[data-fn="priorBias"] annotation').textContent();
    expect(bias).toContain(formatNumberTex(-Math.log(0.99 / 0.01)));
    // FL* rows: −ln σ(γ x_t + β)/γ as softplus
    const star = page.locator("table.focal-star-table");
    const gamma = Number(await star.getAttribute("data-gamma"));
    const beta = Number(await star.getAttribute("data-beta"));
    const starRows = await star.locator("tbody tr").evaluateAll((trs) => trs.map((tr) => ({ xt: Number((tr as HTMLElement).dataset.xt), ce: tr.querySelector('[data-col="ce"]')?.textContent, fl: tr.querySelector('[data-col="fl"]')?.textContent, star: tr.querySelector('[data-col="star"]')?.textContent })));
    expect(starRows.length).toBeGreaterThanOrEqual(3);
    for (const r of starRows) {
      expect(r.ce).toBe(formatNumber(softplus(-r.xt), { digits: 4 }));
      expect(r.fl).toBe(formatNumber(focalLossFromLogit(r.xt, 1, { alpha: null, gamma }), { digits: 4 }));
      expect(r.star).toBe(formatNumber(softplus(-(gamma * r.xt + beta)) / gamma, { digits: 4 }));
    }
    await expect(page.locator("pre.bibtex").textContent()).resolves.toMatch(/@inproceedings\{lin2017focal,[\s\S]*1708\.02002/);
    await expect(page.locator('a[href="https://arxiv.org/abs/1708.02002"]').count()).resolves.toBeGreaterThan(0);
    await close();
  });

  it("the errata the article's numbers hold are shown beside the exact values", async () => {
    const { page, close } = await openWithoutJs("final-thoughts");
    const flagged = await page.locator("table.errata-table tbody tr").evaluateAll((trs) => trs.map((tr) => (tr as HTMLElement).dataset.printedId));
    // read off the article by hand: p_t of the misclassified pair, the (1 − 0.01)² factor, the × 10⁻⁷, 2.3 and 0.667, and two last digits
    expect(flagged.sort()).toEqual(["ft-s1-fl", "ft-s2-ce", "ft-s2-fl", "ft-s2-ratio", "s1-fl-bg", "s2-pt-bg", "s2-pt-fg", "s3-mf-fg"]);
    const row = page.locator('tr[data-printed-id="s2-pt-fg"]');
    await expect(row.innerText()).resolves.toContain("0.95");
    await expect(row.locator("td").nth(3).innerText()).resolves.toBe(String(pt(0.05, 1)));
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
