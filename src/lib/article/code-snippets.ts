/**
 * Fills a code snippet's {{name}} placeholders with the module's values, so the
 * numbers a snippet prints for its example inputs are computed, never typed.
 * An unknown placeholder, or one left over, fails the build.
 */
import { formatNumber } from "../text/format";
import {
  SNIPPET_CLASS_LOGITS,
  SNIPPET_CLASS_TARGETS,
  SNIPPET_LOGITS,
  SNIPPET_TARGETS,
  snippetValues,
} from "./code-pitfalls";

/** A Python literal for a number: enough digits to round-trip, no thousands separators. */
function pythonNumber(x: number): string {
  return Number.isInteger(x) ? `${x}.0` : String(x);
}

function pythonList(values: readonly number[]): string {
  return `[${values.map(pythonNumber).join(", ")}]`;
}

/** Six significant digits, as a reader compares a printed loss. */
function printed(value: number): string {
  return formatNumber(value, { notation: "significant", digits: 6 }).replace("−", "-");
}

export function snippetPlaceholders(): Record<string, string> {
  const v = snippetValues();
  return {
    logits: pythonList(SNIPPET_LOGITS),
    targets: pythonList(SNIPPET_TARGETS),
    count: String(SNIPPET_LOGITS.length),
    classLogits: `[${SNIPPET_CLASS_LOGITS.map(pythonList).join(", ")}]`,
    classTargets: `[${SNIPPET_CLASS_TARGETS.join(", ")}]`,
    classes: String(SNIPPET_CLASS_LOGITS[0]!.length),
    sumOverPositives: printed(v.sumOverPositives),
    meanWithAlpha: printed(v.meanWithAlpha),
    kerasDefaultMean: printed(v.kerasDefaultMean),
    kerasBalancedMean: printed(v.kerasBalancedMean),
    kerasCategoricalMean: printed(v.kerasCategoricalMean),
  };
}

export function fillSnippet(source: string, name = "snippet"): string {
  const values = snippetPlaceholders();
  return source.replace(/\{\{(\w+)\}\}/g, (_match, key: string) => {
    const value = values[key];
    if (value === undefined) throw new Error(`${name}: unknown placeholder {{${key}}}`);
    return value;
  });
}
