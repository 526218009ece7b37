import { describe, expect, it } from "vitest";
import { FIGURE1_GAMMAS, focalLossOfPt } from "../../../../src/lib/math/loss";
import { focalCurvesPgfplots, pgfNumber } from "../../../../src/lib/embed/pgfplots";

const styles = {
  g0: { colour: "#0072b2" },
  g05: { colour: "#56a0d3", dash: "9 4" },
  g1: { colour: "#009e73", dash: "2 3" },
  g2: { colour: "#b8860b", dash: "12 3 2 3" },
  g5: { colour: "#d55e00", dash: "5 3" },
  reader: { colour: "#cc3d8f" },
};

function plots(tex: string) {
  return [...tex.matchAll(/\\addplot\[color=(\w+)[^\]]*\] coordinates \{([^}]*)\};\n\\addlegendentry\{(.*)\}$/gm)].map(
    (m) => ({
      colour: m[1]!,
      legend: m[3]!,
      points: [...m[2]!.matchAll(/\(([^,]+),([^)]+)\)/g)].map((p) => ({ x: Number(p[1]), y: Number(p[2]) })),
    }),
  );
}

describe("focalCurvesPgfplots", () => {
  const tex = focalCurvesPgfplots({ gamma: 3.4, alpha: 0.25, styles });

  it("draws the paper's five reference curves and the reader's, each with its own colour defined", () => {
    const drawn = plots(tex);
    expect(drawn.length).toBe(FIGURE1_GAMMAS.length + 1);
    for (const p of drawn) expect(tex).toContain(`\\definecolor{${p.colour}}{HTML}{`);
    expect(new Set(drawn.map((p) => p.colour)).size).toBe(drawn.length);
    expect(tex).toContain("\\definecolor{flreader}{HTML}{CC3D8F}");
    expect(drawn.at(-1)!.legend).toContain("\\gamma = 3.4, \\alpha = 0.25");
  });

  it("writes coordinates equal to the loss module's values (to the 10 digits printed)", () => {
    const drawn = plots(tex);
    const params = [...FIGURE1_GAMMAS.map((gamma) => ({ gamma, alpha: null })), { gamma: 3.4, alpha: 0.25 }];
    drawn.forEach((curve, i) => {
      expect(curve.points.length).toBeGreaterThan(150);
      for (const p of curve.points) {
        const exact = focalLossOfPt(p.x, params[i]!);
        expect(Math.abs(p.y - exact)).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(exact)));
      }
    });
  });

  it("uses the paper's axis labels and the site's dash patterns", () => {
    expect(tex).toContain("xlabel={probability of ground truth class}");
    expect(tex).toContain("ylabel={loss}");
    expect(tex).toContain("dash pattern=on 6pt off 1.5pt on 1pt off 1.5pt");
    expect(tex).toMatch(/\\begin\{tikzpicture\}[\s\S]*\\begin\{axis\}[\s\S]*\\end\{axis\}\s*\\end\{tikzpicture\}/);
  });

  it("refuses a colour that is not #rrggbb rather than writing broken TeX", () => {
    expect(() =>
      focalCurvesPgfplots({ gamma: 2, alpha: null, styles: { ...styles, g2: { colour: "var(--x)" } } }),
    ).toThrow(RangeError);
  });
});

describe("pgfNumber", () => {
  it("prints ten significant digits, plain where TeX users expect it", () => {
    expect(pgfNumber(0.5)).toBe("0.5");
    expect(pgfNumber(4.605170185988091)).toBe("4.605170186");
    expect(pgfNumber(2.5e-7)).toBe("2.5e-7");
    expect(() => pgfNumber(Infinity)).toThrow(RangeError);
  });
});
