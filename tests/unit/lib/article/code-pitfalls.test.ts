import { describe, expect, it } from "vitest";
import { readdirSync, readFileSync } from "node:fs";
import {
  IMAGE,
  firstLogitOff,
  firstLogitZero,
  ignoredAnchorsEffect,
  nanGradientRows,
  normaliserEffect,
  priorInitEffect,
  roundedPtRows,
  snippetValues,
  torchvisionDrift,
} from "../../../../src/lib/article/code-pitfalls";
import { fillSnippet } from "../../../../src/lib/article/code-snippets";
import { relativeError } from "../../../support/reference";

describe("1 − p_t from a rounded p_t", () => {
  it("the naive float64 value is exactly 0 from the first logit it reports, and not just before", () => {
    const x = firstLogitZero(64);
    expect(1 - 1 / (1 + Math.exp(-x))).toBe(0);
    expect(1 - 1 / (1 + Math.exp(-(x - 0.1)))).toBeGreaterThan(0);
    expect(firstLogitZero(32)).toBeLessThan(x);
  });
  it("relative errors are measured against σ(−x), and grow with the logit", () => {
    const rows = roundedPtRows([2, 20, 40]);
    expect(rows[0]!.relError64).toBeLessThan(1e-14);
    expect(rows[1]!.relError64).toBeGreaterThan(1e-9);
    expect(rows[2]!.naive64).toBe(0);
    expect(rows[2]!.relError64).toBe(1);
    expect(firstLogitOff(0.01, 32)).toBeLessThan(firstLogitOff(0.01, 64));
  });
});

describe("torchvision's measured float64 outputs", () => {
  it("the NaN gradients are all γ < 1 at confident examples, and the module gets them right", () => {
    const rows = nanGradientRows();
    expect(rows.length).toBeGreaterThan(0);
    for (const r of rows) {
      expect(r.gamma).toBeLessThan(1);
      expect(Math.abs(r.logit)).toBeGreaterThan(30);
      expect(relativeError(r.module, r.truth)).toBeLessThan(1e-12);
    }
  });
  it("drift buckets cover every case; torchvision drifts at large logits, the module does not", () => {
    const buckets = torchvisionDrift();
    expect(buckets.reduce((s, b) => s + b.cases, 0)).toBe(600);
    expect(buckets[0]!.worstLossError).toBeLessThan(1e-10);
    expect(buckets.at(-1)!.worstLossError).toBe(1);
    for (const b of buckets) expect(b.moduleWorstLossError).toBeLessThan(1e-12);
  });
});

describe("an image's anchors under each mistake", () => {
  it("the prior-bias loss matches the closed form at p = π", () => {
    const r = priorInitEffect(0.01);
    const negatives = IMAGE.anchors - IMAGE.positives;
    const fg = IMAGE.positives * 0.25 * 0.99 ** 2 * -Math.log(0.01);
    const bg = negatives * 0.75 * 0.01 ** 2 * -Math.log(0.99);
    expect(relativeError(r.lossAtPriorBias, (fg + bg) / IMAGE.positives)).toBeLessThan(1e-12);
    const zero = ((IMAGE.positives * 0.25 + negatives * 0.75) * 0.25 * Math.LN2) / IMAGE.positives;
    expect(relativeError(r.lossAtZeroBias, zero)).toBeLessThan(1e-12);
  });
  it("the all-anchor mean is the per-positive loss scaled by positives / anchors", () => {
    const r = normaliserEffect();
    expect(relativeError(r.factor, r.anchors / r.positives)).toBeLessThan(1e-12);
    expect(r.fewerPositivesSumOverPositives).toBeGreaterThan(r.sumOverPositives);
  });
  it("ignored anchors summed as background add their background loss", () => {
    const r = ignoredAnchorsEffect(0.4);
    const each = 0.75 * 0.4 ** 2 * -Math.log(0.6);
    expect(relativeError(r.lossWith - r.lossWithout, (IMAGE.ignored * each) / IMAGE.positives)).toBeLessThan(1e-9);
    expect(r.gradientPerIgnored).toBeGreaterThan(0);
  });
});

describe("snippets", () => {
  const dir = new URL("../../../../content/snippets/", import.meta.url);
  it("every snippet fills without a leftover placeholder", () => {
    for (const file of readdirSync(dir)) {
      const text = fillSnippet(readFileSync(new URL(file, dir), "utf8"), file);
      expect(text).not.toMatch(/\{\{|\}\}|NaN|undefined/);
    }
  });
  it("an unknown placeholder fails the build", () => {
    expect(() => fillSnippet("x = {{nope}}")).toThrow(/unknown placeholder \{\{nope\}\}/);
  });
  it("the torchvision snippet prints the per-positive sum of the six examples, computed independently here", () => {
    const sigmoid = (z: number) => 1 / (1 + Math.exp(-z));
    const xs = [3.2, -1.5, 0.4, -4.0, -6.5, 1.1];
    const ys = [1, 0, 0, 0, 0, 1];
    const sum = xs.reduce((s, x, i) => {
      const pt = ys[i] === 1 ? sigmoid(x) : 1 - sigmoid(x);
      const a = ys[i] === 1 ? 0.25 : 0.75;
      return s - a * (1 - pt) ** 2 * Math.log(pt);
    }, 0);
    expect(relativeError(snippetValues().sumOverPositives, sum / 2)).toBeLessThan(1e-12);
    const text = fillSnippet(readFileSync(new URL("torchvision.py", dir), "utf8"));
    expect(text).toContain(`exact value for these inputs: ${Number((sum / 2).toPrecision(6))}`);
  });
});
