/**
 * The article's closing ratios are quoted as arithmetic: "CE / FL = ratio", with
 * its own rounded CE and FL. This checks the arithmetic itself, apart from
 * whether each number is right: does the quoted quotient give the printed
 * ratio, and if not, which exact input would?
 */
import type { ScenarioId } from "./article-values";
import { checkedArticleValues, type CheckedValue } from "./errata";

export interface QuotedRatio {
  scenario: ScenarioId;
  ce: CheckedValue;
  fl: CheckedValue;
  ratio: CheckedValue;
  /** the printed CE divided by the printed FL */
  quotient: number;
  /** whether that quotient, at the printed ratio's precision, is the printed ratio */
  quotientGivesRatio: boolean;
  /** the exact CE divided by the printed FL */
  exactCeOverPrintedFl: number;
  /** whether that gives the printed ratio: the slip then sits in the quoted CE alone */
  exactCeGivesRatio: boolean;
}

/** True when `value` shows as the printed text at the printed precision. */
function showsAs(value: number, printed: CheckedValue): boolean {
  return Math.abs(value - printed.printed) <= printed.unit / 2 + 4 * Number.EPSILON * Math.abs(value);
}

const FINAL_THOUGHTS = "Final Thoughts";

/** One entry per scenario whose closing ratio the article quotes with its CE and FL. */
export function quotedRatios(): QuotedRatio[] {
  const quoted = checkedArticleValues().filter((c) => c.entry.location === FINAL_THOUGHTS);
  const scenarios = [...new Set(quoted.map((c) => c.entry.scenario).filter((s): s is ScenarioId => s !== undefined))];
  return scenarios.flatMap((scenario) => {
    const of = (q: string) => quoted.find((c) => c.entry.scenario === scenario && c.entry.quantity === q);
    const ce = of("ce");
    const fl = of("fl");
    const ratio = of("ceOverFl");
    if (!ce || !fl || !ratio) return [];
    const quotient = ce.printed / fl.printed;
    const exactCeOverPrintedFl = ce.exact / fl.printed;
    return [
      {
        scenario,
        ce,
        fl,
        ratio,
        quotient,
        quotientGivesRatio: showsAs(quotient, ratio),
        exactCeOverPrintedFl,
        exactCeGivesRatio: showsAs(exactCeOverPrintedFl, ratio),
      },
    ];
  });
}

/** The quoted ratio a printed CE / FL value belongs to, if it is one. */
export function quotedRatioOf(id: string): QuotedRatio | undefined {
  return quotedRatios().find((q) => q.ratio.entry.id === id);
}
