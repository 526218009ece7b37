import { describe, expect, it } from "vitest";
import { defaultScenarioState } from "../../../../src/lib/state/calculator-state";
import {
  ceOverFlRatio,
  printedForRow,
  scenarioExportTable,
  scenarioOf,
  scenarioRowValues,
} from "../../../../src/lib/views/scenario-table";
import { toMarkdown } from "../../../../src/lib/text/table-export";
import { loadReference, relativeError } from "../../../support/reference";

interface ArticleCase {
  scenario: string;
  p: number;
  y: 0 | 1;
  ce: number;
  balanced_ce: number;
  fl: number;
  ce_over_fl: number;
}
const article = loadReference<{ cases: ArticleCase[] }>("article-examples.json").cases;

describe("the scenario table model", () => {
  it("computes the article's six examples to the 60-digit truth", () => {
    const state = defaultScenarioState();
    expect(state.rows).toHaveLength(article.length);
    for (const c of article) {
      const v = scenarioRowValues({ y: c.y, p: c.p }, 0.25, 2);
      expect(v.scenario).toBe(c.scenario);
      expect(relativeError(v.ce, c.ce)).toBeLessThanOrEqual(1e-12);
      expect(relativeError(v.balancedCe, c.balanced_ce)).toBeLessThanOrEqual(1e-12);
      expect(relativeError(v.fl, c.fl)).toBeLessThanOrEqual(1e-12);
      expect(relativeError(v.ceOverFl, c.ce_over_fl)).toBeLessThanOrEqual(1e-12);
    }
  });

  it("knows which rows are the article's scenarios", () => {
    expect(scenarioOf(1, 0.95)).toBe("easy");
    expect(scenarioOf(0, 0.95)).toBe("misclassified");
    expect(scenarioOf(0, 0.01)).toBe("very-easy");
    expect(scenarioOf(1, 0.9)).toBeUndefined();
  });

  it("lists what the article printed for a row, with the verdict (its 9.61E-5 background FL is 9.6175E-5 cut short)", () => {
    const easyBg = printedForRow(0, 0.05);
    const fl = easyBg.find((x) => x.id === "s1-fl-bg")!;
    expect(fl.printedText).toBe("9.61E-5");
    expect(fl.verdict).toBe("last-digit");
    expect(relativeError(fl.exact, article.find((c) => c.scenario === "easy" && c.y === 0)!.fl)).toBeLessThanOrEqual(
      1e-12,
    );
    // the easy foreground FL is printed twice: once right, once (in the final thoughts) off by a factor 100
    const easyFg = printedForRow(1, 0.95)
      .filter((x) => x.quantityName === "FL")
      .map((x) => [x.printedText, x.verdict]);
    expect(easyFg).toEqual([
      ["3.2058308992219E-5", "agrees"],
      ["3.2058E-7", "differs"],
    ]);
    expect(printedForRow(1, 0.9)).toEqual([]);
  });

  it("shows the printed column only for the article's α = 0.25, γ = 2", () => {
    const withPrinted = scenarioExportTable(defaultScenarioState());
    expect(withPrinted.columns.at(-1)!.header.text).toBe("Article printed");
    expect(withPrinted.rows[1]!.at(-1)!.text).toContain("FL 9.61E-5 (off in the last digit)");
    const other = scenarioExportTable({ ...defaultScenarioState(), gamma: 1 });
    expect(other.columns.map((c) => c.header.text)).not.toContain("Article printed");
    const mixed = scenarioExportTable({ ...defaultScenarioState(), rows: [{ y: 1, p: 0.9 }] });
    expect(mixed.rows[0]!.at(-1)!.text).toBe("—");
    expect(mixed.rows[0]![0]!.text).toBe("Your example");
  });

  it("reads ∞ and a ratio without a value as symbols, never NaN or Infinity", () => {
    expect(ceOverFlRatio(0, 0)).toBeNaN();
    expect(ceOverFlRatio(Infinity, Infinity)).toBeNaN();
    expect(ceOverFlRatio(1, 0)).toBe(Infinity);
    const t = scenarioExportTable({
      alpha: 0.25,
      gamma: 2,
      rows: [
        { y: 1, p: 0 },
        { y: 1, p: 1 },
        { y: 1, p: 0.5 },
      ],
    });
    const md = toMarkdown(t);
    expect(md).not.toMatch(/NaN|undefined|Infinity/);
    expect(t.rows[0]!.map((c) => c.text).slice(4, 8)).toEqual(["∞", "∞", "∞", "—"]);
    expect(t.rows[1]!.map((c) => c.csv ?? c.text).slice(4, 8)).toEqual(["0", "0", "0", "—"]);
  });
});
