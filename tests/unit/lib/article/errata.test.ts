import { describe, expect, it } from "vitest";
import { articlePrintedValues, articleScenarios, type PrintedValue } from "../../../../src/lib/article/article-values";
import { articleErrata, checkPrintedValue, checkedValue, lastDigitUnit } from "../../../../src/lib/article/errata";
import type { Label } from "../../../../src/lib/math/loss";
import { loadReference, relativeError } from "../../../support/reference";

interface GridCase {
  p: number;
  y: Label;
  alpha: number | null;
  gamma: number;
  pt: number;
  modulating: number;
  ce: number;
  balanced_ce: number;
  fl: number;
}
interface ArticleCase {
  p: number;
  y: Label;
  alpha: number;
  gamma: number;
  ce: number;
  fl: number;
  ce_over_fl: number;
}
const grid = loadReference<{ cases: GridCase[] }>("probability-grid.json").cases;
const article = loadReference<{ cases: ArticleCase[] }>("article-examples.json").cases;

/** The 60-digit truth for a printed value, looked up in the reference files (not computed by the module). */
function truth(e: PrintedValue): number {
  const { p, y, alpha, gamma } = e.example;
  if (e.quantity === "ceOverFl") {
    const c = article.find((a) => a.p === p && a.y === y && a.alpha === alpha && a.gamma === gamma);
    if (!c) throw new Error(`no article case for ${e.id}`);
    return c.ce_over_fl;
  }
  const g = grid.find((c) => c.p === p && c.y === y && c.alpha === alpha && c.gamma === gamma);
  if (!g) throw new Error(`no grid case for ${e.id}`);
  return { pt: g.pt, ce: g.ce, balancedCe: g.balanced_ce, modulating: g.modulating, fl: g.fl }[e.quantity];
}

describe("the article's printed values", () => {
  it("have unique ids and parse as numbers", () => {
    expect(new Set(articlePrintedValues.map((e) => e.id)).size).toBe(articlePrintedValues.length);
    for (const e of articlePrintedValues) expect(Number.isFinite(Number(e.printedText)), e.id).toBe(true);
  });

  it.each(articlePrintedValues.map((e) => [e.id, e] as const))(
    "%s: the module's exact value is the 60-digit truth",
    (_id, e) => {
      expect(relativeError(checkPrintedValue(e).exact, truth(e))).toBeLessThanOrEqual(1e-12);
    },
  );

  it("verdicts from the truth and from the module agree on every entry", () => {
    for (const e of articlePrintedValues) {
      const fromTruth = checkPrintedValue({ ...e }).verdict;
      const t = truth(e);
      const unit = lastDigitUnit(e.printedText);
      const off = Math.max(0, Math.abs(t - Number(e.printedText)) - 4 * Number.EPSILON * Math.abs(t)) / unit;
      // truncation, worked out on the digits of the truth rather than with the module's arithmetic
      const truncated = Number((Math.trunc(t / unit + 1e-9) * unit).toPrecision(12));
      const expected =
        off <= 0.5 ? "agrees" : Math.abs(Number(e.printedText) - truncated) <= 1e-9 * unit ? "last-digit" : "differs";
      expect(fromTruth, e.id).toBe(expected);
    }
  });

  // Facts read off the article by a person, each checked here against the computation.
  it.each([
    ["ce-fg", "agrees"], // −ln 0.95 = 0.0513 → "0.05"
    ["bce-bg", "agrees"], // 0.75 · 0.0513 = 0.0385 → "0.038" at three decimals
    ["s1-fl-fg", "agrees"],
    ["s2-pt-fg", "differs"], // a foreground example with p = 0.05 has p_t = 0.05, printed 0.95
    ["s2-pt-bg", "differs"], // a background example with p = 0.95 has p_t = 0.05, printed 0.95
    ["s3-mf-fg", "differs"], // (1 − 0.99)² is meant; (1 − 0.01)² is printed
    ["ft-s1-fl", "differs"], // FL is 3.2058 × 10⁻⁵, quoted as × 10⁻⁷
    ["ft-s2-ce", "differs"], // CE is 2.9957, quoted as 2.3
    ["ft-s2-fl", "differs"], // FL is 0.6759, quoted as 0.667
    ["ft-s2-ratio", "differs"], // the ratio is 4.43, printed 4.5: no rounding or truncation of 4.43 gives 4.5
    ["s1-fl-bg", "last-digit"], // 9.6175 × 10⁻⁵ truncated to 9.61
    ["ft-s1-ratio", "agrees"],
    ["ft-s3-ratio", "agrees"],
    ["s1-pt-bg", "agrees"], // printed as 1 − 0.05: the background example's p_t is 0.95
    ["mf-pt-bg-099", "agrees"], // printed as 1 − 0.99: the misclassified background example's p_t is 0.01
    ["ft-s1-ce", "agrees"], // −ln 0.95 = 0.051293… → "0.05129"
  ])("%s %s", (id, verdict) => {
    expect(checkedValue(id).verdict).toBe(verdict);
  });

  it("errata are exactly the entries that do not agree", () => {
    const flagged = new Set(articleErrata().map((c) => c.entry.id));
    for (const e of articlePrintedValues)
      expect(flagged.has(e.id), e.id).toBe(checkPrintedValue(e).verdict !== "agrees");
  });

  it("covers each scenario's foreground and background", () => {
    for (const s of articleScenarios) {
      const entries = articlePrintedValues.filter((e) => e.scenario === s.id);
      expect(
        entries.some((e) => e.example.y === 1 && e.example.p === s.foregroundP),
        s.id,
      ).toBe(true);
      expect(
        entries.some((e) => e.example.y === 0 && e.example.p === s.backgroundP),
        s.id,
      ).toBe(true);
    }
  });
});

describe("lastDigitUnit", () => {
  it.each([
    ["0.0128", 1e-4],
    ["0.05", 1e-2],
    ["3.2058308992219E-5", 1e-18],
    ["9.61E-5", 1e-7],
    ["40000", 1],
    ["4.5", 0.1],
    ["0.00000025", 1e-8],
  ])("%s → %s", (text, unit) => {
    expect(relativeError(lastDigitUnit(text), unit)).toBeLessThan(1e-12);
  });
  it("rejects text that is not a number", () => {
    expect(() => lastDigitUnit("1,600")).toThrow(/printed value must be a decimal number; got 1,600/);
  });
});

it("unknown ids fail loudly", () => {
  expect(() => checkedValue("nope")).toThrow(/no printed value with id nope/);
});
