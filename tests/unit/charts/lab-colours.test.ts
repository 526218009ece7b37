/**
 * One meaning per colour across the labs' charts (issue #20): the imbalance lab's training loss,
 * decision boundary, precision–recall and loss-by-γ charts, its loss budget, and the detector lab's
 * share curves, loss maps and detections. The table below is the statement of what each colour
 * means; lab.css must paint every lab mark with the token its meaning has, no token may carry two
 * meanings, and every curve token lab.css uses must be one of these marks.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { LAB_MARKS, LAB_MEANINGS } from "../../../src/charts/paint";
import { trainingCurveScene } from "../../../src/charts/training-curve";
import { prCurveScene } from "../../../src/charts/pr-curve";
import { lossCdfScene } from "../../../src/charts/loss-cdf";
import { decisionBoundaryScene, scatterNode } from "../../../src/charts/decision-boundary";
import { lossMapScene, shareCurveScene } from "../../../src/charts/detector-lab";
import { detectionsScene } from "../../../src/charts/detector-detections";
import type { SvgNode } from "../../../src/charts/scene";
import { makeDataSet } from "../../../src/lib/lab/synthetic-data";

/** What each colour means in the labs: the reader's key, written out. */
const STATED: Record<string, { token: string; dash?: string }> = {
  "your model": { token: "--curve-reader" },
  "cross-entropy": { token: "--curve-g0", dash: "6 4" },
  positives: { token: "--curve-g1" },
  negatives: { token: "--text-muted" },
  "hard negatives": { token: "--curve-g5" },
  chance: { token: "--text", dash: "2 3" },
};
const MEANING_NAMES: Record<keyof typeof LAB_MEANINGS, keyof typeof STATED> = {
  yours: "your model",
  ce: "cross-entropy",
  positives: "positives",
  negatives: "negatives",
  "hard-negatives": "hard negatives",
  chance: "chance",
};

/** Each chart's marks and what they show: lab.css's selector for the mark, and its meaning. */
const CHART_MARKS: [chart: string, selector: string, meaning: keyof typeof STATED][] = [
  ["training loss", ".lab-panel svg .series-yours", "your model"],
  ["training loss", ".lab-panel svg .series-ce", "cross-entropy"],
  ["decision boundary", ".lab-panel svg .dots-positive", "positives"],
  ["decision boundary", ".lab-panel svg .dots-negative", "negatives"],
  ["precision–recall", ".lab-panel svg .chance", "chance"],
  ["loss by γ", ".imbalance-lab .gamma-0", "your model"],
  ["loss by γ", ".imbalance-lab .gamma-05", "your model"],
  ["loss by γ", ".imbalance-lab .gamma-1", "your model"],
  ["loss by γ", ".imbalance-lab .gamma-2", "your model"],
  ["readouts", ".lab-readout.series-yours .key", "your model"],
  ["readouts", ".lab-readout.series-ce .key", "cross-entropy"],
  ["loss budget", ".part-easyNegatives", "negatives"],
  ["loss budget", ".part-hardNegatives", "hard negatives"],
  ["loss budget", ".part-positives", "positives"],
  ["detector loss maps", ".loss-map.series-yours .loss-cell", "your model"],
  ["detector loss maps", ".loss-map.series-ce .loss-cell", "cross-entropy"],
  ["detector loss maps", ".loss-map .object-box", "positives"],
  ["detector detections", ".detections-map .series-yours .detection-box", "your model"],
  ["detector detections", ".detections-map .series-ce .detection-box", "cross-entropy"],
  // Both the training progress and the seed spread's progress (inside the lab) are painted by this one rule.
  ["detector progress", ".detector-lab progress", "your model"],
];

const css = readFileSync("src/styles/lab.css", "utf8").replace(/\/\*[\s\S]*?\*\//g, "");

/** Split a selector list on its top-level commas (not those inside :is(...)). */
function selectors(list: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let current = "";
  for (const ch of list) {
    if (ch === "(") depth++;
    if (ch === ")") depth--;
    if (ch === "," && depth === 0) {
      out.push(current.trim());
      current = "";
    } else current += ch;
  }
  out.push(current.trim());
  return out.map((s) => s.replace(/\s+/g, " "));
}

/** Every innermost rule of lab.css: its selectors and declarations. */
const RULES = [...css.matchAll(/([^{}]+)\{([^{}]*)\}/g)].map((m) => ({
  selectors: selectors(m[1]!),
  declarations: [...m[2]!.matchAll(/([\w-]+)\s*:\s*([^;]+)/g)].map((d) => [d[1]!, d[2]!.trim()] as const),
}));
const ROOT_ALIASES = new Map(
  RULES.filter((r) => r.selectors.includes(":root")).flatMap((r) =>
    r.declarations.map(([name, value]) => [name, /^var\((--[\w-]+)\)$/.exec(value)?.[1]] as const),
  ),
);
const COLOUR_PROPERTIES = ["stroke", "fill", "color", "background", "accent-color"];

/** The tokens a selector's rules colour with (lab.css's own aliases followed to the palette token). */
function coloursOf(selector: string): string[] {
  return RULES.filter((r) => r.selectors.includes(selector)).flatMap((r) =>
    r.declarations
      .filter(([p]) => COLOUR_PROPERTIES.includes(p))
      .flatMap(([, v]) => [...v.matchAll(/var\((--[\w-]+)\)/g)].map((m) => m[1]!))
      .map((t) => ROOT_ALIASES.get(t) ?? t),
  );
}
const dashOf = (selector: string) =>
  RULES.filter((r) => r.selectors.includes(selector))
    .flatMap((r) => r.declarations.filter(([p]) => p === "stroke-dasharray").map(([, v]) => v))
    .at(-1);

describe("one meaning per colour in the labs", () => {
  it("no colour means two things, and the paint table says what the statement says", () => {
    const tokens = Object.values(STATED).map((s) => s.token);
    expect(new Set(tokens).size).toBe(tokens.length);
    for (const [id, meaning] of Object.entries(LAB_MEANINGS)) {
      const stated = STATED[MEANING_NAMES[id as keyof typeof LAB_MEANINGS]]!;
      expect(meaning.colour, id).toBe(stated.token);
      expect("dash" in meaning ? meaning.dash : undefined, id).toBe(stated.dash);
    }
  });

  it.each(CHART_MARKS)("%s: %s is %s", (_chart, selector, meaning) => {
    const token = STATED[meaning]!.token;
    expect(MEANING_NAMES[LAB_MARKS[selector]!], "LAB_MARKS").toBe(meaning);
    const colours = coloursOf(selector);
    expect(colours.length, `lab.css colours ${selector}`).toBeGreaterThan(0);
    expect(new Set(colours), selector).toEqual(new Set([token]));
  });

  it("lab.css uses a curve colour only on the marks listed, so a new use cannot slip in unstated", () => {
    const listed = new Set(CHART_MARKS.map(([, s]) => s));
    const unlisted = RULES.flatMap((r) =>
      r.selectors
        .filter((s) => s !== ":root" && !listed.has(s))
        .filter((s) => coloursOf(s).some((t) => t.startsWith("--curve-")))
        // The hatch's lighter stripe and the halo mix the hard negatives' own colour: same meaning.
        .filter((s) => !s.startsWith(".budget-segment.part-hardNegatives")),
    );
    expect(unlisted).toEqual([]);
    expect(Object.keys(LAB_MARKS).sort()).toEqual([...listed].sort());
  });

  it("draws every cross-entropy curve in cross-entropy's dash, your model's in none but the γ's", () => {
    expect(dashOf(".lab-panel svg .series-ce")).toBe(STATED["cross-entropy"]!.dash);
    expect(dashOf(".imbalance-lab .gamma-0")).toBe(STATED["cross-entropy"]!.dash);
    expect(dashOf(".lab-panel svg .series-yours")).toBeUndefined();
    expect(dashOf(".imbalance-lab .gamma-2")).toBeUndefined();
    // The four γ of the loss-by-γ chart share a colour, so their dashes differ.
    const dashes = ["0", "05", "1", "2"].map((g) => dashOf(`.imbalance-lab .gamma-${g}`) ?? "none");
    expect(new Set(dashes).size).toBe(4);
    expect(dashOf(".lab-panel svg .chance")).toBe(STATED.chance!.dash);
  });
});

/** The classes the charts' scenes give their marks. */
function classes(n: SvgNode): string[] {
  const own = typeof n.attrs?.class === "string" ? [n.attrs.class] : [];
  return [...own, ...(n.children ?? []).flatMap(classes)];
}

describe("the lab charts carry the classes lab.css colours", () => {
  const models = [
    { id: "yours", label: "Focal loss", points: [[0, 1] as [number, number], [1, 0.5] as [number, number]] },
    { id: "ce", label: "Cross-entropy", points: [[0, 1] as [number, number], [1, 0.7] as [number, number]] },
  ];
  it("training loss, precision–recall, the detector's share curves: one series class per model", () => {
    for (const scene of [trainingCurveScene(models), shareCurveScene(models, "share of loss")])
      expect(classes(scene)).toEqual(expect.arrayContaining(["series series-yours", "series series-ce"]));
    const pr = prCurveScene(
      models.map((m) => ({ id: m.id, label: m.label, points: [{ recall: 0.5, precision: 0.5 }] })),
      0.1,
    );
    expect(classes(pr)).toEqual(expect.arrayContaining(["series series-yours", "series series-ce", "chance"]));
  });

  it("the decision boundary's points by class, the loss-by-γ curves by γ", () => {
    expect(classes(scatterNode(makeDataSet(3, 10, 50)))).toEqual(
      expect.arrayContaining(["dots dots-negative", "dots dots-positive"]),
    );
    expect(classes(decisionBoundaryScene(scatterNode(makeDataSet(3, 10, 50)), []))).toContain("lab-chart");
    const cdf = lossCdfScene(
      [0, 0.5, 1, 2].map((gamma) => ({
        gamma,
        points: [
          { fraction: 0, cumulative: 0 },
          { fraction: 1, cumulative: 1 },
        ],
      })),
      "negatives",
    );
    expect(classes(cdf)).toEqual(
      expect.arrayContaining(["series gamma-0", "series gamma-05", "series gamma-1", "series gamma-2"]),
    );
  });

  it("each detector loss map and each detection in its model's class; objects outlined", () => {
    const map = (id: string) =>
      lossMapScene(
        id,
        "data:image/png;base64,",
        new Float64Array(9 * 64).fill(1),
        [{ x0: 4, y0: 4, x1: 12, y1: 12, cls: 0 }],
        "map",
      );
    expect(map("ce").attrs!.class).toBe("loss-map series-ce");
    expect(map("yours").attrs!.class).toBe("loss-map series-yours");
    expect(classes(map("ce"))).toEqual(expect.arrayContaining(["loss-cell", "object-box object-0"]));
    const detections = detectionsScene(
      "d",
      "yours",
      "data:image/png;base64,",
      [],
      [{ anchor: 5, cls: 0, score: 0.9 }],
      "x",
    );
    expect(classes(detections)).toEqual(expect.arrayContaining(["detection series-yours", "detection-box"]));
  });
});
