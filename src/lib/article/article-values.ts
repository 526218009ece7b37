/**
 * Every number the beginner's article prints for its worked examples, as data:
 * where it stands in the article, the text as printed, and the example it is
 * about. Nothing here says whether a value is right: src/lib/article/errata.ts checks
 * each one against the loss-math module, and the pages show what it finds.
 */
import type { Alpha, Label } from "../math/loss";

export type Quantity = "pt" | "ce" | "balancedCe" | "modulating" | "fl" | "ceOverFl";

/** The inputs a printed value is about, in the module's terms. */
export interface Example {
  p: number;
  y: Label;
  alpha: Alpha;
  gamma: number;
}

export type ScenarioId = "easy" | "misclassified" | "very-easy";

export interface PrintedValue {
  /** stable id, used in tests and as an anchor */
  id: string;
  /** the article's section and sub-section where it is printed */
  location: string;
  /** what the article computes there, in our words; $…$ spans are typeset */
  what: string;
  /** the value exactly as printed (its digits set the article's own rounding) */
  printedText: string;
  /**
   * When the article writes an expression instead of a number, the expression
   * as it stands there (its superscripts flattened: "(1-0.01)2" is (1 − 0.01)²);
   * printedText is then what that expression evaluates to.
   */
  printedAs?: string;
  quantity: Quantity;
  example: Example;
  /** the comparison scenario this value belongs to, if any */
  scenario?: ScenarioId;
}

/** The article's three comparison scenarios (section "Cross-Entropy vs Focal Loss"). */
export interface Scenario {
  id: ScenarioId;
  /** the article's heading for it */
  title: string;
  /** p of the foreground (y = 1) and the background (y = 0) example */
  foregroundP: number;
  backgroundP: number;
}

export const ARTICLE_ALPHA = 0.25;
export const ARTICLE_GAMMA = 2;

export const articleScenarios: readonly Scenario[] = [
  { id: "easy", title: "Easily correctly classified records", foregroundP: 0.95, backgroundP: 0.05 },
  { id: "misclassified", title: "Misclassified records", foregroundP: 0.05, backgroundP: 0.95 },
  { id: "very-easy", title: "Very easily classified records", foregroundP: 0.99, backgroundP: 0.01 },
];

const fg = (p: number, alpha: Alpha = null, gamma = 0): Example => ({ p, y: 1, alpha, gamma });
const bg = (p: number, alpha: Alpha = null, gamma = 0): Example => ({ p, y: 0, alpha, gamma });
const A = ARTICLE_ALPHA;
const G = ARTICLE_GAMMA;

const CE = "Cross-Entropy Loss › Examples";
const BCE = "Balanced Cross-Entropy › Examples";
const FLX = "Focal loss explanation › Examples";
const S1 = "Cross-Entropy vs Focal Loss › Easily correctly classified records";
const S2 = "Cross-Entropy vs Focal Loss › Misclassified records";
const S3 = "Cross-Entropy vs Focal Loss › Very easily classified records";
const FT = "Final Thoughts";

/** The values printed in one place of the article (about one scenario, if any), in the article's order. */
function printedAt(
  location: string,
  scenario: ScenarioId | undefined,
  values: Omit<PrintedValue, "location" | "scenario">[],
): PrintedValue[] {
  return values.map(({ id, ...value }) => ({ id, ...(scenario ? { scenario } : {}), location, ...value }));
}

export const articlePrintedValues: readonly PrintedValue[] = [
  ...printedAt(CE, undefined, [
    {
      id: "ce-fg",
      what: "CE of a foreground example with p = 0.95",
      printedText: "0.05",
      quantity: "ce",
      example: fg(0.95),
    },
    {
      id: "ce-bg",
      what: "CE of a background example with p = 0.05",
      printedText: "0.05",
      quantity: "ce",
      example: bg(0.05),
    },
  ]),
  ...printedAt(BCE, undefined, [
    {
      id: "bce-fg",
      what: "balanced CE (α = 0.25) of a foreground example with p = 0.95",
      printedText: "0.0128",
      quantity: "balancedCe",
      example: fg(0.95, A),
    },
    {
      id: "bce-bg",
      what: "balanced CE (α = 0.25) of a background example with p = 0.05",
      printedText: "0.038",
      quantity: "balancedCe",
      example: bg(0.05, A),
    },
  ]),
  ...printedAt(FLX, undefined, [
    {
      id: "mf-pt-fg-099",
      what: "$p_t$ of a foreground example with p = 0.99",
      printedText: "0.99",
      quantity: "pt",
      example: fg(0.99, null, G),
    },
    {
      id: "mf-pt-bg-001",
      what: "$p_t$ of a background example with p = 0.01, printed as 1 − 0.01",
      printedText: "0.99",
      quantity: "pt",
      example: bg(0.01, null, G),
    },
    {
      id: "mf-fg-099",
      what: "modulating factor (γ = 2) of a foreground example with p = 0.99",
      printedText: "0.0001",
      quantity: "modulating",
      example: fg(0.99, null, G),
    },
    {
      id: "mf-bg-001",
      what: "modulating factor (γ = 2) of a background example with p = 0.01",
      printedText: "0.0001",
      quantity: "modulating",
      example: bg(0.01, null, G),
    },
    {
      id: "mf-pt-fg-001",
      what: "$p_t$ of a misclassified foreground example with p = 0.01",
      printedText: "0.01",
      quantity: "pt",
      example: fg(0.01, null, G),
    },
    {
      id: "mf-pt-bg-099",
      what: "$p_t$ of a misclassified background example with p = 0.99, printed as 1 − 0.99",
      printedText: "0.01",
      quantity: "pt",
      example: bg(0.99, null, G),
    },
    {
      id: "mf-fg-001",
      what: "modulating factor (γ = 2) of a foreground example with p = 0.01",
      printedText: "0.9801",
      quantity: "modulating",
      example: fg(0.01, null, G),
    },
    {
      id: "mf-bg-099",
      what: "modulating factor (γ = 2) of a background example with p = 0.99",
      printedText: "0.9801",
      quantity: "modulating",
      example: bg(0.99, null, G),
    },
  ]),
  ...printedAt(S1, "easy", [
    {
      id: "s1-pt-fg",
      what: "$p_t$ of the foreground example (p = 0.95)",
      printedText: "0.95",
      quantity: "pt",
      example: fg(0.95, A, G),
    },
    {
      id: "s1-pt-bg",
      what: "$p_t$ of the background example (p = 0.05), printed as 1 − 0.05",
      printedText: "0.95",
      quantity: "pt",
      example: bg(0.05, A, G),
    },
    {
      id: "s1-ce-fg",
      what: "CE of the foreground example (p = 0.95)",
      printedText: "0.0512932943875505",
      quantity: "ce",
      example: fg(0.95, A, G),
    },
    {
      id: "s1-ce-bg",
      what: "CE of the background example (p = 0.05)",
      printedText: "0.051293294387550",
      quantity: "ce",
      example: bg(0.05, A, G),
    },
    {
      id: "s1-fl-fg",
      what: "FL (α = 0.25, γ = 2) of the foreground example (p = 0.95)",
      printedText: "3.2058308992219E-5",
      quantity: "fl",
      example: fg(0.95, A, G),
    },
    {
      id: "s1-fl-bg",
      what: "FL (α = 0.25, γ = 2) of the background example (p = 0.05)",
      printedText: "9.61E-5",
      quantity: "fl",
      example: bg(0.05, A, G),
    },
  ]),
  ...printedAt(S2, "misclassified", [
    {
      id: "s2-pt-fg",
      what: "$p_t$ of the misclassified foreground example (p = 0.05)",
      printedText: "0.95",
      quantity: "pt",
      example: fg(0.05, A, G),
    },
    {
      id: "s2-pt-bg",
      what: "$p_t$ of the misclassified background example (p = 0.95), printed as 1 − 0.05",
      printedText: "0.95",
      quantity: "pt",
      example: bg(0.95, A, G),
    },
    {
      id: "s2-ce-fg",
      what: "CE of the foreground example (p = 0.05)",
      printedText: "2.995732273553991",
      quantity: "ce",
      example: fg(0.05, A, G),
    },
    {
      id: "s2-ce-bg",
      what: "CE of the background example (p = 0.95)",
      printedText: "2.995732273553992",
      quantity: "ce",
      example: bg(0.95, A, G),
    },
    {
      id: "s2-fl-fg",
      what: "FL (α = 0.25, γ = 2) of the foreground example (p = 0.05)",
      printedText: "0.675912094220619",
      quantity: "fl",
      example: fg(0.05, A, G),
    },
    {
      id: "s2-fl-bg",
      what: "FL (α = 0.25, γ = 2) of the background example (p = 0.95)",
      printedText: "2.027736282661858",
      quantity: "fl",
      example: bg(0.95, A, G),
    },
  ]),
  ...printedAt(S3, "very-easy", [
    {
      id: "s3-pt-fg",
      what: "$p_t$ of the foreground example (p = 0.99)",
      printedText: "0.99",
      quantity: "pt",
      example: fg(0.99, A, G),
    },
    {
      id: "s3-pt-bg",
      what: "$p_t$ of the background example (p = 0.01), printed as 1 − 0.01",
      printedText: "0.99",
      quantity: "pt",
      example: bg(0.01, A, G),
    },
    {
      id: "s3-ce-fg",
      what: "CE of the foreground example (p = 0.99)",
      printedText: "0.0100503358535014",
      quantity: "ce",
      example: fg(0.99, A, G),
    },
    {
      id: "s3-ce-bg",
      what: "CE of the background example (p = 0.01)",
      printedText: "0.0100503358535014",
      quantity: "ce",
      example: bg(0.01, A, G),
    },
    {
      id: "s3-mf-fg",
      what: "modulating factor written into FL of the foreground example (p = 0.99), printed as (1 − 0.01)²",
      printedText: "0.9801",
      printedAs: "(1-0.01)2",
      quantity: "modulating",
      example: fg(0.99, A, G),
    },
    {
      id: "s3-fl-fg",
      what: "FL (α = 0.25, γ = 2) of the foreground example (p = 0.99)",
      printedText: "2.51E-7",
      quantity: "fl",
      example: fg(0.99, A, G),
    },
    {
      id: "s3-fl-bg",
      what: "FL (α = 0.25, γ = 2) of the background example (p = 0.01)",
      printedText: "7.5377518901261E-7",
      quantity: "fl",
      example: bg(0.01, A, G),
    },
  ]),
  ...printedAt(FT, "easy", [
    {
      id: "ft-s1-ce",
      what: "CE of the easy foreground example, as quoted in the scenario-1 ratio",
      printedText: "0.05129",
      quantity: "ce",
      example: fg(0.95, A, G),
    },
    {
      id: "ft-s1-fl",
      what: "FL of the easy foreground example, as quoted in the scenario-1 ratio",
      printedText: "3.2058E-7",
      quantity: "fl",
      example: fg(0.95, A, G),
    },
    {
      id: "ft-s1-ratio",
      what: "CE / FL for the easy foreground example",
      printedText: "1600",
      quantity: "ceOverFl",
      example: fg(0.95, A, G),
    },
  ]),
  ...printedAt(FT, "misclassified", [
    {
      id: "ft-s2-ce",
      what: "CE of the misclassified foreground example, as quoted in the scenario-2 ratio",
      printedText: "2.3",
      quantity: "ce",
      example: fg(0.05, A, G),
    },
    {
      id: "ft-s2-fl",
      what: "FL of the misclassified foreground example, as quoted in the scenario-2 ratio",
      printedText: "0.667",
      quantity: "fl",
      example: fg(0.05, A, G),
    },
    {
      id: "ft-s2-ratio",
      what: "CE / FL for the misclassified foreground example",
      printedText: "4.5",
      quantity: "ceOverFl",
      example: fg(0.05, A, G),
    },
  ]),
  ...printedAt(FT, "very-easy", [
    {
      id: "ft-s3-ce",
      what: "CE of the very easy foreground example, as quoted in the scenario-3 ratio",
      printedText: "0.01",
      quantity: "ce",
      example: fg(0.99, A, G),
    },
    {
      id: "ft-s3-fl",
      what: "FL of the very easy foreground example, as quoted in the scenario-3 ratio",
      printedText: "0.00000025",
      quantity: "fl",
      example: fg(0.99, A, G),
    },
    {
      id: "ft-s3-ratio",
      what: "CE / FL for the very easy foreground example",
      printedText: "40000",
      quantity: "ceOverFl",
      example: fg(0.99, A, G),
    },
  ]),
];
