import { describe, expect, it } from "vitest";
import katex from "katex";
import {
  alphaStepTex,
  inputTex,
  ptStepTex,
  resultStepTex,
  shortDecimalTex,
  workedExampleLines,
} from "../../../../src/lib/article/worked-math";
import { formatNumberTex } from "../../../../src/lib/text/format";
import { loadReference } from "../../../support/reference";

interface GridCase {
  p: number;
  y: 0 | 1;
  alpha: number | null;
  gamma: number;
  pt: number;
  modulating: number;
  ce: number;
  balanced_ce: number;
  fl: number;
}
const grid = loadReference<{ cases: GridCase[] }>("probability-grid.json").cases;
const truth = (p: number, y: 0 | 1, alpha: number | null, gamma: number) => {
  const c = grid.find((g) => g.p === p && g.y === y && g.alpha === alpha && g.gamma === gamma);
  if (!c) throw new Error(`no reference case p=${p} y=${y} alpha=${alpha} gamma=${gamma}`);
  return c;
};

describe("shortDecimalTex", () => {
  it.each([
    [1 - 0.05, "0.95"],
    [1 - 0.99, "0.01"],
    [1 - 0.25, "0.75"],
    [1e-7, "1 \\times 10^{-7}"],
    [1600.0000000000002, "1600"],
    [-0.5, "-0.5"],
    [Infinity, "\\infty"],
  ])("%s → %s", (v, tex) => expect(shortDecimalTex(v)).toBe(tex));
});

describe("inputTex", () => {
  it.each([
    [0.95, "0.95"],
    [2, "2"],
    [1e-12, "1 \\times 10^{-12}"],
  ])("%s → %s", (v, tex) => expect(inputTex(v)).toBe(tex));
});

describe("worked-example lines", () => {
  it("spell out p_t for both classes", () => {
    expect(ptStepTex({ p: 0.95, y: 1, alpha: null, gamma: 0 })).toBe("p_t = p = 0.95");
    expect(ptStepTex({ p: 0.05, y: 0, alpha: null, gamma: 0 })).toBe("p_t = 1 - p = 1 - 0.05 = 0.95");
  });
  it("spell out α_t for both classes", () => {
    expect(alphaStepTex({ p: 0.95, y: 1, alpha: 0.25, gamma: 2 })).toBe("\\alpha_t = \\alpha = 0.25");
    expect(alphaStepTex({ p: 0.05, y: 0, alpha: 0.25, gamma: 2 })).toBe("\\alpha_t = 1 - \\alpha = 1 - 0.25 = 0.75");
  });

  it.each([
    ["ce", 0.95, 1, null, 0],
    ["ce", 0.05, 0, null, 0],
    ["balancedCe", 0.95, 1, 0.25, 0],
    ["balancedCe", 0.05, 0, 0.25, 0],
    ["fl", 0.95, 1, 0.25, 2],
    ["fl", 0.05, 0, 0.25, 2],
    ["fl", 0.99, 1, 0.25, 2],
    ["modulating", 0.01, 0, null, 2],
  ] as const)("%s for p = %s, y = %s ends in the reference value", (q, p, y, alpha, gamma) => {
    const c = truth(p, y, alpha, gamma);
    const expected = { ce: c.ce, balancedCe: c.balanced_ce, fl: c.fl, modulating: c.modulating }[q];
    const last = resultStepTex(q, { p, y, alpha, gamma }, { digits: 4 }).replace(/\\end\{aligned\}$/, "");
    expect(last.endsWith(`= ${formatNumberTex(expected, { digits: 4 })}`), last).toBe(true);
  });

  it("FL lines go p_t, α_t, factor, result, and every line is valid strict KaTeX", () => {
    const lines = workedExampleLines("fl", { p: 0.95, y: 1, alpha: 0.25, gamma: 2 });
    expect(lines).toHaveLength(4);
    expect(lines[0]).toMatch(/^p_t/);
    expect(lines[1]).toMatch(/^\\alpha_t/);
    expect(lines[2]).toMatch(/^\(1 - p_t\)\^\{\\gamma\} = \(1 - 0\.95\)\^\{2\} = 0\.0025$/);
    expect(lines[3]).toBe(
      "\\begin{aligned}\\mathrm{FL} &= -\\alpha_t (1 - p_t)^{\\gamma} \\ln p_t \\\\ &= -0.25 \\times 0.0025 \\times \\ln 0.95 \\\\ &= 3.2058 \\times 10^{-5}\\end{aligned}",
    );
    for (const tex of lines)
      expect(() => katex.renderToString(tex, { throwOnError: true, strict: "error" })).not.toThrow();
  });

  it("CE has no α_t or factor line; unweighted balanced CE has no α_t line", () => {
    expect(workedExampleLines("ce", { p: 0.95, y: 1, alpha: 0.25, gamma: 2 })).toHaveLength(2);
    expect(workedExampleLines("balancedCe", { p: 0.95, y: 1, alpha: null, gamma: 0 })).toHaveLength(2);
  });

  it("a certain mistake shows an infinite loss, never NaN", () => {
    const last = resultStepTex("ce", { p: 0, y: 1, alpha: null, gamma: 0 });
    expect(last).toMatch(/= \\infty$/);
    expect(last).not.toMatch(/NaN/);
  });
});
