/**
 * A reader with JavaScript turned off opens each chapter: the text, the
 * typeset math and the tables are all there, and every number shown is the
 * one the loss-math module gives for the inputs on the page. Without
 * JavaScript a page is its built HTML, so this reads dist/ in Node, each
 * chapter parsed once. (That the page fits a phone needs layout: that check is
 * tests/e2e/read-chapters-on-a-phone.spec.ts.)
 */
import { describe, expect, it } from "vitest";
import { builtDocument, builtFile, dataset, text, type BuiltDocument } from "./support/html";
import {
  balancedCrossEntropy,
  crossEntropy,
  focalLoss,
  focalLossFromLogit,
  modulatingFactor,
  priorBias,
  pt,
  sigmoid,
  softplus,
  type Alpha,
  type Label,
} from "../../src/lib/math/loss";
import { formatNumber, formatNumberTex, formatPercent, type Notation } from "../../src/lib/text/format";
import { formatFactor } from "../../src/lib/article/paper-readings";
import { loadReference } from "../support/reference";

/** AP from the paper's Table 1a (by α) and 1b (by γ), read off the paper for this test. */
const PAPER_TABLE_1A: Record<number, number> = {
  0.1: 0.0,
  0.25: 10.8,
  0.5: 30.2,
  0.75: 31.1,
  0.9: 30.8,
  0.99: 28.7,
  0.999: 25.1,
};
const PAPER_TABLE_1B: Record<number, number> = { 0: 31.1, 0.1: 31.4, 0.2: 31.9, 0.5: 32.9, 1: 33.7, 2: 34.0, 5: 32.2 };

/** The score minimising η·FL(q, 1) + (1 − η)·FL(q, 0), by golden-section search on loss.ts's focal loss (not the site's solver). */
function minimiseExpectedFocalLoss(eta: number, gamma: number): number {
  const risk = (q: number) =>
    eta * focalLoss(q, 1, { alpha: null, gamma }) + (1 - eta) * focalLoss(q, 0, { alpha: null, gamma });
  const phi = (Math.sqrt(5) - 1) / 2;
  let [a, b] = [1e-9, 1 - 1e-9];
  for (let i = 0; i < 200; i++) {
    const c = b - phi * (b - a);
    const d = a + phi * (b - a);
    if (risk(c) < risk(d)) b = d;
    else a = c;
  }
  return (a + b) / 2;
}

const SUPERSCRIPT_DIGITS = "⁰¹²³⁴⁵⁶⁷⁸⁹";
/**
 * format.ts's RATIO_RULE worked out here by Intl rather than by the site's
 * formatter: three significant digits without trailing zeros; from 100 up the
 * whole number with thousands separators; from a million (and below 10⁻³)
 * three significant digits times a power of ten.
 */
function ratioText(ratio: number): string {
  if (ratio >= 1e6 || (ratio > 0 && ratio < 1e-3)) {
    const [mantissa, exponent] = new Intl.NumberFormat("en-US", { notation: "scientific", maximumSignificantDigits: 3 })
      .format(ratio)
      .split("E");
    const power = [...exponent!].map((c) => (c === "-" ? "⁻" : SUPERSCRIPT_DIGITS[Number(c)])).join("");
    return `${mantissa} × 10${power}`;
  }
  const threeDigits = new Intl.NumberFormat("en-US", { maximumSignificantDigits: 3 }).format(ratio);
  if (Number(threeDigits.replaceAll(",", "")) < 100) return threeDigits;
  return new Intl.NumberFormat("en-US", { maximumFractionDigits: 0 }).format(ratio);
}

/** 60-digit values from ../shared/reference: the article's examples and the probability grid. */
interface ReferenceCase {
  p: number;
  y: Label;
  alpha: Alpha;
  gamma: number;
  ce: number;
  balanced_ce: number;
  fl: number;
}
const ARTICLE_CASES = loadReference<{ cases: (ReferenceCase & { scenario: string })[] }>("article-examples.json").cases;
const GRID_CASES = loadReference<{ cases: ReferenceCase[] }>("probability-grid.json").cases;
/**
 * CE / FL for a ratio printed on a page: the reference's CE over its FL where
 * the reference holds those inputs, else 1/(α_t (1 − p_t)^γ), the ratio worked
 * out from the definitions by hand. Never the loss module's.
 */
function referenceRatio(p: number, y: Label, alpha: Alpha, gamma: number): number {
  const hit = [...ARTICLE_CASES, ...GRID_CASES].find(
    (c) => c.p === p && c.y === y && c.alpha === alpha && c.gamma === gamma,
  );
  if (hit) return hit.ce / hit.fl;
  const alphaT = alpha === null ? 1 : y === 1 ? alpha : 1 - alpha;
  const oneMinusPt = y === 1 ? 1 - p : p;
  return 1 / (alphaT * oneMinusPt ** gamma);
}

/** The chapters issue 4 asks for, in reading order. */
const CHAPTERS = [
  "why-focal-loss",
  "what-is-focal-loss",
  "cross-entropy",
  "balanced-cross-entropy",
  "focal-loss",
  "from-loss-to-detector",
  "ce-versus-fl",
  "final-thoughts",
] as const;

/** Recomputes a quantity from loss.ts directly (not through the components' helpers). */
function expected(quantity: string, p: number, y: Label, alpha: Alpha, gamma: number): number {
  switch (quantity) {
    case "pt":
      return pt(p, y);
    case "ce":
      return crossEntropy(p, y);
    case "balancedCe":
      return balancedCrossEntropy(p, y, alpha);
    case "modulating":
      return modulatingFactor(p, y, gamma);
    case "fl":
      return focalLoss(p, y, { alpha, gamma });
    case "ceOverFl":
      return crossEntropy(p, y) / focalLoss(p, y, { alpha, gamma });
    default:
      throw new Error(`unknown quantity ${quantity}`);
  }
}

interface Inputs {
  quantity: string;
  p: number;
  y: Label;
  alpha: Alpha;
  gamma: number;
  digits: number;
  notation: Notation;
}
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

const parsed = new Map<string, BuiltDocument>();
/** A chapter's built page, parsed once for all the tests that read it. */
function chapter(slug: string): BuiltDocument {
  let doc = parsed.get(slug);
  if (!doc) parsed.set(slug, (doc = builtDocument(builtFile(slug))));
  return doc;
}
const TEX = 'annotation[encoding="application/x-tex"]';

describe.each(CHAPTERS)("chapter %s with JavaScript off", (slug) => {
  it("shows its heading, key idea, outline and typeset math, with no KaTeX errors and no NaN", () => {
    const doc = chapter(slug);
    expect(doc.all("h1")).toHaveLength(1);
    expect(text(doc.one(".key-idea"))).toMatch(/Key idea\.\s+\S/);
    expect(doc.all(".prose h2").length).toBeGreaterThanOrEqual(2);
    expect(doc.all(".katex").length).toBeGreaterThan(0);
    expect(doc.all(".katex-error")).toHaveLength(0);
    const main = doc.all("main").map(text).join("\n");
    expect(main).not.toMatch(/\bNaN\b|undefined|\[object Object\]/);
    // every h2 has an anchor link to itself, and the outline links to every h2
    const headings = doc
      .all(".prose h2")
      .map((h) => ({ id: h.attribs.id, anchor: doc.one("a.heading-anchor", h)?.attribs.href }));
    for (const h of headings) expect(h.anchor, h.id).toBe(`#${h.id}`);
    const outline = doc.all(".outline a").map((a) => a.attribs.href);
    expect(outline).toEqual(headings.map((h) => `#${h.id}`));
  });

  it("every inline number equals the module's value for its inputs", () => {
    const values = chapter(slug)
      .all(".value[data-quantity]")
      .map((e) => ({ data: dataset(e), text: text(e) }));
    for (const v of values) {
      const i = inputsOf(v.data);
      const isRatio = (i.notation as string) === "ratio";
      // the only ratio a page prints per example is CE / FL, the one referenceRatio knows
      if (isRatio) expect(i.quantity, JSON.stringify(v.data)).toBe("ceOverFl");
      const want = isRatio
        ? ratioText(referenceRatio(i.p, i.y, i.alpha, i.gamma))
        : formatNumber(expected(i.quantity, i.p, i.y, i.alpha, i.gamma), { digits: i.digits, notation: i.notation });
      expect(v.text, JSON.stringify(v.data)).toBe(want);
    }
  });

  it("every worked example ends in the module's value", () => {
    const doc = chapter(slug);
    const examples = doc.all(".worked-example").map((e) => ({
      data: dataset(e),
      tex: doc.all(`.katex-display ${TEX}`, e).map(text),
    }));
    for (const ex of examples) {
      const i = inputsOf(ex.data);
      // the last line may be a chain of aligned rows; its value is after the last "="
      const last = ex.tex.at(-1)!.replace(/\\end\{aligned\}\s*$/, "");
      expect(
        last
          .trim()
          .endsWith(
            `= ${formatNumberTex(expected(i.quantity, i.p, i.y, i.alpha, i.gamma), { digits: i.digits, notation: i.notation })}`,
          ),
        last,
      ).toBe(true);
    }
  });

  it("every computed equation and number outside the per-example quantities is the module's", () => {
    const doc = chapter(slug);
    const computed = doc.all("[data-fn]").map((e) => {
      const isValue = (e.attribs.class ?? "").split(/\s+/).includes("value");
      return { data: dataset(e), text: isValue ? text(e) : text(doc.one(TEX, e)), equation: !isValue };
    });
    for (const c of computed) {
      const args = JSON.parse(c.data.args!) as number[];
      const value =
        c.data.fn === "priorBias"
          ? priorBias(args[0]!)
          : c.data.fn === "sigmoid"
            ? sigmoid(args[0]!)
            : c.data.fn === "ptAtReduction"
              ? 1 - args[0]! ** (-1 / args[1]!) // (1 − p_t)^γ = 1/r, solved by hand
              : c.data.fn === "scaleDown"
                ? (1 - args[0]!) ** -args[1]! // CE / FL without α is 1/(1 − p_t)^γ
                : c.data.fn === "keptShare"
                  ? (1 - args[0]!) ** args[1]!
                  : c.data.fn === "lossRatioAt"
                    ? ((1 - args[0]!) ** args[2]! * Math.log(args[0]!)) /
                      ((1 - args[1]!) ** args[2]! * Math.log(args[1]!))
                    : c.data.fn === "focalOptimalScore"
                      ? minimiseExpectedFocalLoss(args[0]!, args[1]!)
                      : c.data.fn === "apTable1a"
                        ? PAPER_TABLE_1A[args[0]!]!
                        : c.data.fn === "apTable1b"
                          ? PAPER_TABLE_1B[args[0]!]!
                          : c.data.fn === "apGainOverBestBalancedCe"
                            ? PAPER_TABLE_1B[args[0]!]! - Math.max(...Object.values(PAPER_TABLE_1A))
                            : NaN;
      const notation = c.data.notation!;
      const format = { digits: Number(c.data.digits), notation: notation as Notation };
      const shown =
        notation === "ratio"
          ? ratioText(value)
          : notation === "factor"
            ? formatFactor(value)
            : notation === "percent"
              ? formatPercent(value, Number(c.data.digits))
              : notation === "ap"
                ? value.toFixed(1)
                : formatNumber(value, format);
      if (c.equation) expect(c.text.trim().endsWith(`= ${formatNumberTex(value, format)}`), c.text).toBe(true);
      else expect(c.text, `${c.data.fn} ${c.data.args}`).toBe(shown);
    }
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
  it.each(required)("%s works %s for p = %s, y = %s", (slug, quantity, p, y, alpha, gamma) => {
    const doc = chapter(slug);
    const selector = `.worked-example[data-quantity="${quantity}"][data-p="${p}"][data-y="${y}"][data-alpha="${alpha ?? "none"}"][data-gamma="${gamma}"]`;
    expect(doc.all(selector)).toHaveLength(1);
    const tex = doc.all(`${selector} .katex-display ${TEX}`).map(text);
    expect(tex.join("\n")).toContain(formatNumberTex(expected(quantity, p, y, alpha, gamma), { digits: 4 }));
  });

  // The article's scenarios as issue 4 lists them: [id, foreground p, background p].
  it.each([
    ["easy", 0.95, 0.05],
    ["misclassified", 0.05, 0.95],
    ["very-easy", 0.99, 0.01],
  ] as const)(
    "ce-versus-fl shows the %s scenario, foreground and background, every cell the module's",
    (id, fgP, bgP) => {
      const doc = chapter("ce-versus-fl");
      const tables = doc.all(`table.scenario-table[data-scenario="${id}"]`);
      expect(tables).toHaveLength(1);
      for (const [p, y] of [
        [fgP, 1],
        [bgP, 0],
      ] as const) {
        const row = doc.one(`tbody tr[data-y="${y}"]`, tables[0]!);
        const cell = (col: string) => text(doc.one(`td[data-col="${col}"]`, row!)).trim();
        expect(cell("p")).toBe(String(p));
        expect(cell("ce")).toBe(formatNumber(crossEntropy(p, y), { digits: 4 }));
        expect(cell("balancedCe")).toBe(formatNumber(balancedCrossEntropy(p, y, 0.25), { digits: 4 }));
        expect(cell("fl")).toBe(formatNumber(focalLoss(p, y, { alpha: 0.25, gamma: 2 }), { digits: 4 }));
        const truth = ARTICLE_CASES.find((c) => c.scenario === id && c.y === y)!;
        expect(cell("ceOverFl")).toBe(ratioText(truth.ce / truth.fl));
        expect(Number(cell("pt"))).toBeCloseTo(pt(p, y), 12);
      }
    },
  );

  it("final-thoughts shows the paper's Table 1a and 1b as charts with tables, the prior bias, FL* and the BibTeX", () => {
    const doc = chapter("final-thoughts");
    // Table 1a and 1b as transcribed in issue 4 (the paper's values, not computed)
    const rows = (t: string) => doc.all(`[data-table="${t}"] table tbody tr`).map((tr) => doc.all("td", tr).map(text));
    expect(rows("1a")).toEqual([
      [".1", "0.0"],
      [".25", "10.8"],
      [".5", "30.2"],
      [".75", "31.1"],
      [".9", "30.8"],
      [".99", "28.7"],
      [".999", "25.1"],
    ]);
    expect(rows("1b")).toEqual([
      ["0", ".75", "31.1"],
      [".1", ".75", "31.4"],
      [".2", ".75", "31.9"],
      [".5", ".5", "32.9"],
      ["1", ".25", "33.7"],
      ["2", ".25", "34.0"],
      ["5", ".25", "32.2"],
    ]);
    // Each bar chart is printed twice, as columns and, for a phone, as rows: the same bars in each.
    for (const layout of ["bar-chart-columns", "bar-chart-rows"]) {
      expect(doc.all(`[data-table="1a"] svg.${layout} rect`)).toHaveLength(7);
      expect(doc.all(`[data-table="1b"] svg.${layout} .bar-highlight`)).toHaveLength(1);
    }
    // prior bias for π = 0.01
    const bias = text(doc.one('[data-fn="priorBias"] annotation'));
    expect(bias).toContain(formatNumberTex(-Math.log(0.99 / 0.01)));
    // FL* rows: −ln σ(γ x_t + β)/γ as softplus
    const star = doc.one("table.focal-star-table")!;
    const gamma = Number(star.attribs["data-gamma"]);
    const beta = Number(star.attribs["data-beta"]);
    const starRows = doc.all("tbody tr", star).map((tr) => ({
      xt: Number(tr.attribs["data-xt"]),
      xtText: text(doc.one('[data-col="xt"]', tr)),
      pt: text(doc.one('[data-col="pt"]', tr)),
      ptMath: doc.all('[data-col="pt"] .katex', tr).length,
      ce: text(doc.one('[data-col="ce"]', tr)),
      fl: text(doc.one('[data-col="fl"]', tr)),
      star: text(doc.one('[data-col="star"]', tr)),
    }));
    expect(starRows.length).toBeGreaterThanOrEqual(3);
    for (const r of starRows) {
      // a negative logit is printed with the minus sign, as every other number on the site, not a hyphen
      expect(r.xtText).toBe(String(r.xt).replace("-", "\u2212"));
      // p_t in the interface face and format of the loss columns beside it, not KaTeX's serif
      expect(r.pt).toBe(formatNumber(sigmoid(r.xt), { digits: 4 }));
      expect(r.ptMath).toBe(0);
      expect(r.ce).toBe(formatNumber(softplus(-r.xt), { digits: 4 }));
      expect(r.fl).toBe(formatNumber(focalLossFromLogit(r.xt, 1, { alpha: null, gamma }), { digits: 4 }));
      expect(r.star).toBe(formatNumber(softplus(-(gamma * r.xt + beta)) / gamma, { digits: 4 }));
    }
    expect(text(doc.one("pre.bibtex"))).toMatch(/@inproceedings\{lin2017focal,[\s\S]*1708\.02002/);
    expect(doc.all('a[href="https://arxiv.org/abs/1708.02002"]').length).toBeGreaterThan(0);
  });

  it("the errata the article's numbers hold are shown beside the exact values", () => {
    const doc = chapter("final-thoughts");
    const flagged = doc.all("table.errata-table tbody tr").map((tr) => tr.attribs["data-printed-id"]);
    // read off the article by hand: p_t of the misclassified pair, the (1 − 0.01)² factor, the × 10⁻⁷, 2.3 and 0.667, and two last digits
    expect(flagged.sort()).toEqual([
      "ft-s1-fl",
      "ft-s2-ce",
      "ft-s2-fl",
      "ft-s2-ratio",
      "s1-fl-bg",
      "s2-pt-bg",
      "s2-pt-fg",
      "s3-mf-fg",
    ]);
    const row = doc.one('tr[data-printed-id="s2-pt-fg"]')!;
    expect(text(row)).toContain("0.95");
    expect(text(doc.all("td", row)[3]).trim()).toBe(String(pt(0.05, 1)));
  });

  it("the index lists the chapters in this order", () => {
    const doc = chapter("");
    const hrefs = doc.all(".toc-list a").map((a) => new URL(a.attribs.href!, "http://site.invalid/").pathname);
    const slugs = hrefs.map((h) => h.split("/").filter(Boolean).at(-1));
    expect(slugs.slice(0, CHAPTERS.length)).toEqual([...CHAPTERS]);
  });
});
