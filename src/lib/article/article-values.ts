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

/** A printed value as a row of its place: id, quantity, the text as printed, the example, what it is, and the expression printed instead of a number, if any. */
type PrintedRow = [
  id: string,
  quantity: Quantity,
  printedText: string,
  example: Example,
  what: string,
  printedAs?: string,
];

/** The values printed in one place of the article (about one scenario, if any), in the article's order. */
function printedAt(location: string, scenario: ScenarioId | undefined, rows: PrintedRow[]): PrintedValue[] {
  return rows.map(([id, quantity, printedText, example, what, printedAs]) => ({
    id,
    ...(scenario ? { scenario } : {}),
    location,
    what,
    printedText,
    ...(printedAs ? { printedAs } : {}),
    quantity,
    example,
  }));
}

export const articlePrintedValues: readonly PrintedValue[] = [
  ...printedAt(CE, undefined, [
    ["ce-fg", "ce", "0.05", fg(0.95), "CE of a foreground example with p = 0.95"],
    ["ce-bg", "ce", "0.05", bg(0.05), "CE of a background example with p = 0.05"],
  ]),
  ...printedAt(BCE, undefined, [
    ["bce-fg", "balancedCe", "0.0128", fg(0.95, A), "balanced CE (α = 0.25) of a foreground example with p = 0.95"],
    ["bce-bg", "balancedCe", "0.038", bg(0.05, A), "balanced CE (α = 0.25) of a background example with p = 0.05"],
  ]),
  ...printedAt(FLX, undefined, [
    ["mf-pt-fg-099", "pt", "0.99", fg(0.99, null, G), "$p_t$ of a foreground example with p = 0.99"],
    [
      "mf-pt-bg-001",
      "pt",
      "0.99",
      bg(0.01, null, G),
      "$p_t$ of a background example with p = 0.01, printed as 1 − 0.01",
    ],
    [
      "mf-fg-099",
      "modulating",
      "0.0001",
      fg(0.99, null, G),
      "modulating factor (γ = 2) of a foreground example with p = 0.99",
    ],
    [
      "mf-bg-001",
      "modulating",
      "0.0001",
      bg(0.01, null, G),
      "modulating factor (γ = 2) of a background example with p = 0.01",
    ],
    ["mf-pt-fg-001", "pt", "0.01", fg(0.01, null, G), "$p_t$ of a misclassified foreground example with p = 0.01"],
    [
      "mf-pt-bg-099",
      "pt",
      "0.01",
      bg(0.99, null, G),
      "$p_t$ of a misclassified background example with p = 0.99, printed as 1 − 0.99",
    ],
    [
      "mf-fg-001",
      "modulating",
      "0.9801",
      fg(0.01, null, G),
      "modulating factor (γ = 2) of a foreground example with p = 0.01",
    ],
    [
      "mf-bg-099",
      "modulating",
      "0.9801",
      bg(0.99, null, G),
      "modulating factor (γ = 2) of a background example with p = 0.99",
    ],
  ]),
  ...printedAt(S1, "easy", [
    ["s1-pt-fg", "pt", "0.95", fg(0.95, A, G), "$p_t$ of the foreground example (p = 0.95)"],
    ["s1-pt-bg", "pt", "0.95", bg(0.05, A, G), "$p_t$ of the background example (p = 0.05), printed as 1 − 0.05"],
    ["s1-ce-fg", "ce", "0.0512932943875505", fg(0.95, A, G), "CE of the foreground example (p = 0.95)"],
    ["s1-ce-bg", "ce", "0.051293294387550", bg(0.05, A, G), "CE of the background example (p = 0.05)"],
    [
      "s1-fl-fg",
      "fl",
      "3.2058308992219E-5",
      fg(0.95, A, G),
      "FL (α = 0.25, γ = 2) of the foreground example (p = 0.95)",
    ],
    ["s1-fl-bg", "fl", "9.61E-5", bg(0.05, A, G), "FL (α = 0.25, γ = 2) of the background example (p = 0.05)"],
  ]),
  ...printedAt(S2, "misclassified", [
    ["s2-pt-fg", "pt", "0.95", fg(0.05, A, G), "$p_t$ of the misclassified foreground example (p = 0.05)"],
    [
      "s2-pt-bg",
      "pt",
      "0.95",
      bg(0.95, A, G),
      "$p_t$ of the misclassified background example (p = 0.95), printed as 1 − 0.05",
    ],
    ["s2-ce-fg", "ce", "2.995732273553991", fg(0.05, A, G), "CE of the foreground example (p = 0.05)"],
    ["s2-ce-bg", "ce", "2.995732273553992", bg(0.95, A, G), "CE of the background example (p = 0.95)"],
    [
      "s2-fl-fg",
      "fl",
      "0.675912094220619",
      fg(0.05, A, G),
      "FL (α = 0.25, γ = 2) of the foreground example (p = 0.05)",
    ],
    [
      "s2-fl-bg",
      "fl",
      "2.027736282661858",
      bg(0.95, A, G),
      "FL (α = 0.25, γ = 2) of the background example (p = 0.95)",
    ],
  ]),
  ...printedAt(S3, "very-easy", [
    ["s3-pt-fg", "pt", "0.99", fg(0.99, A, G), "$p_t$ of the foreground example (p = 0.99)"],
    ["s3-pt-bg", "pt", "0.99", bg(0.01, A, G), "$p_t$ of the background example (p = 0.01), printed as 1 − 0.01"],
    ["s3-ce-fg", "ce", "0.0100503358535014", fg(0.99, A, G), "CE of the foreground example (p = 0.99)"],
    ["s3-ce-bg", "ce", "0.0100503358535014", bg(0.01, A, G), "CE of the background example (p = 0.01)"],
    [
      "s3-mf-fg",
      "modulating",
      "0.9801",
      fg(0.99, A, G),
      "modulating factor written into FL of the foreground example (p = 0.99), printed as (1 − 0.01)²",
      "(1-0.01)2",
    ],
    ["s3-fl-fg", "fl", "2.51E-7", fg(0.99, A, G), "FL (α = 0.25, γ = 2) of the foreground example (p = 0.99)"],
    [
      "s3-fl-bg",
      "fl",
      "7.5377518901261E-7",
      bg(0.01, A, G),
      "FL (α = 0.25, γ = 2) of the background example (p = 0.01)",
    ],
  ]),
  ...printedAt(FT, "easy", [
    [
      "ft-s1-ce",
      "ce",
      "0.05129",
      fg(0.95, A, G),
      "CE of the easy foreground example, as quoted in the scenario-1 ratio",
    ],
    [
      "ft-s1-fl",
      "fl",
      "3.2058E-7",
      fg(0.95, A, G),
      "FL of the easy foreground example, as quoted in the scenario-1 ratio",
    ],
    ["ft-s1-ratio", "ceOverFl", "1600", fg(0.95, A, G), "CE / FL for the easy foreground example"],
  ]),
  ...printedAt(FT, "misclassified", [
    [
      "ft-s2-ce",
      "ce",
      "2.3",
      fg(0.05, A, G),
      "CE of the misclassified foreground example, as quoted in the scenario-2 ratio",
    ],
    [
      "ft-s2-fl",
      "fl",
      "0.667",
      fg(0.05, A, G),
      "FL of the misclassified foreground example, as quoted in the scenario-2 ratio",
    ],
    ["ft-s2-ratio", "ceOverFl", "4.5", fg(0.05, A, G), "CE / FL for the misclassified foreground example"],
  ]),
  ...printedAt(FT, "very-easy", [
    [
      "ft-s3-ce",
      "ce",
      "0.01",
      fg(0.99, A, G),
      "CE of the very easy foreground example, as quoted in the scenario-3 ratio",
    ],
    [
      "ft-s3-fl",
      "fl",
      "0.00000025",
      fg(0.99, A, G),
      "FL of the very easy foreground example, as quoted in the scenario-3 ratio",
    ],
    ["ft-s3-ratio", "ceOverFl", "40000", fg(0.99, A, G), "CE / FL for the very easy foreground example"],
  ]),
];
