import { describe, expect, it } from "vitest";
import { barChartScene, barRowsScene, layoutBarChart, noteLines, noteRows } from "../../../src/charts/bar-chart";
import { attrsOf, badValues, nodeAt, snapshotSvg } from "./svg-paths";

describe("layoutBarChart", () => {
  const bars = [
    { label: "a", value: 0 },
    { label: "b", value: 10 },
    { label: "c", value: 40 },
  ];
  const layout = layoutBarChart(bars, {
    width: 400,
    height: 200,
    margin: { top: 10, right: 10, bottom: 30, left: 40 },
  });

  it("bar heights are proportional to values and stand on the baseline", () => {
    const [a, b, c] = layout.bars;
    expect(a!.height).toBe(0);
    expect(c!.height / b!.height).toBeCloseTo(4, 10);
    for (const bar of layout.bars) expect(bar.y + bar.height).toBeCloseTo(layout.plot.bottom, 10);
    expect(c!.y).toBeCloseTo(layout.plot.top, 10); // the largest bar reaches the top
  });

  it("bars are in order, inside the plot, and do not overlap", () => {
    for (let i = 0; i < layout.bars.length; i++) {
      const bar = layout.bars[i]!;
      expect(bar.x).toBeGreaterThanOrEqual(layout.plot.left);
      expect(bar.x + bar.width).toBeLessThanOrEqual(layout.plot.right);
      if (i > 0) expect(bar.x).toBeGreaterThan(layout.bars[i - 1]!.x + layout.bars[i - 1]!.width);
    }
  });

  it("ticks run up the value axis within the domain", () => {
    const values = layout.ticks.map((t) => t.value);
    expect(values[0]).toBe(0);
    expect(Math.max(...values)).toBeLessThanOrEqual(40);
    expect(layout.ticks.every((t) => t.y >= layout.plot.top && t.y <= layout.plot.bottom)).toBe(true);
  });

  it("a given domain fixes the scale", () => {
    const fixed = layoutBarChart([{ label: "x", value: 50 }], { width: 300, height: 100, domain: [0, 100] });
    expect(fixed.bars[0]!.height).toBeCloseTo((fixed.plot.bottom - fixed.plot.top) / 2, 10);
  });

  it("draws a tiny non-zero value as a visible 2-unit stub, and zero as nothing", () => {
    // (1 − 0.99)² = 0.01% of cross-entropy kept, on a 0–100% axis: a true height of 0.02 units.
    const tiny = layoutBarChart(
      [
        { label: "0.99", value: 0.01 },
        { label: "0", value: 0 },
      ],
      { width: 300, height: 200, domain: [0, 100] },
    );
    expect(tiny.bars[0]!.height).toBe(2);
    expect(tiny.bars[0]!.y + 2).toBeCloseTo(tiny.plot.bottom, 10);
    expect(tiny.bars[1]!.height).toBe(0);
  });

  it("puts a note wider than its bar's band a word a line, and one that fits on one line", () => {
    // Table 1d: ten bars in 680 units leave a band of about 63 units, too narrow for "OHEM 1:3" at 14 units.
    expect(noteLines("OHEM 1:3", 63)).toEqual(["OHEM", "1:3"]);
    expect(noteLines("OHEM", 63)).toEqual(["OHEM"]);
    expect(noteLines(undefined, 63)).toEqual([]);
    const bars = Array.from({ length: 10 }, (_, i) => ({ label: `${i}`, value: 30, note: "all anchors" }));
    expect(noteRows(bars, { width: 680, height: 290 })).toBe(2);
    expect(noteRows(bars.slice(0, 3), { width: 680, height: 290 })).toBe(1);
  });

  it("refuses empty data and non-finite values", () => {
    expect(() => layoutBarChart([], { width: 10, height: 10 })).toThrow(/at least one bar/);
    expect(() => layoutBarChart([{ label: "x", value: NaN }], { width: 10, height: 10 })).toThrow(/non-finite/);
  });
});

describe("barChartScene", () => {
  const bars = [
    { label: "0", value: 0.81 },
    { label: "2", value: 0.25, note: "α = .25", highlight: true },
  ];
  const options = { width: 420, height: 220, margin: { top: 30, right: 8, bottom: 44, left: 40 } };
  const text = {
    yLabel: "share",
    format: (v: number) => `${Math.round(v * 100)}%`,
    tickFormat: (v: number) => String(v),
  };
  const scene = barChartScene(bars, options, text);
  const layout = layoutBarChart(bars, options);

  it("draws each bar where the layout puts it, with its value above and its label and note below", () => {
    for (const [i, bar] of layout.bars.entries()) {
      const rect = attrsOf(scene, "rect", "bar", `bar-${i}`);
      expect(Number(rect.y)).toBeCloseTo(bar.y, 2);
      expect(Number(rect.height)).toBeCloseTo(bar.height, 2);
      expect(nodeAt(scene, "text", "value", `bar-${i}`).text).toBe(text.format(bar.value));
      expect(nodeAt(scene, "text", "label", `bar-${i}`).text).toBe(bar.label);
    }
    expect(nodeAt(scene, "title", "title", "bar-1").text).toBe("2 (α = .25): 25%");
    expect(nodeAt(scene, "text", "note", "bar-1").text).toBe("α = .25");
    expect(attrsOf(scene, "g", "bar-1").class).toBe("bar bar-highlight");
    expect(badValues(scene)).toEqual([]);
  });

  it("labels the value axis with the tick format", () => {
    expect(nodeAt(scene, "text", "y-label").text).toBe("share");
    const axis = nodeAt(scene, "g", "value-axis");
    const ticks = axis.children!.filter((n) => n.attrs?.class === "tick");
    expect(ticks.map((t) => nodeAt(t, "text", "label").text)).toEqual(layout.ticks.map((t) => String(t.value)));
    // Each gridline at its value's height, across the plot.
    expect(ticks.map((t) => t.attrs!.transform)).toEqual(
      layout.ticks.map((t) => `translate(${layout.plot.left},${t.y.toFixed(2)})`),
    );
    expect(nodeAt(ticks[0]!, "line", "grid").attrs!.x2).toBe(layout.plot.right - layout.plot.left);
  });

  it("prints as the committed SVG", async () => {
    await expect(snapshotSvg(scene)).toMatchFileSnapshot("./__snapshots__/bar-chart.svg");
  });
});

describe("bars that share a label", () => {
  it("get a band each (Table 1d has OHEM and OHEM 1:3 at the same batch size and threshold)", () => {
    const layout = layoutBarChart(
      [
        { label: "128 · .5", note: "OHEM", value: 31 },
        { label: "128 · .5", note: "OHEM 1:3", value: 32 },
      ],
      { width: 300, height: 200 },
    );
    const [a, b] = layout.bars;
    expect(b!.x).toBeGreaterThan(a!.x + a!.width);
  });
});

describe("barRowsScene (the phone layout)", () => {
  const bars = [
    { label: "α = .1", value: 0 },
    { label: "α = .75", value: 31.1, highlight: true },
    { label: "α = .999", value: 25.1 },
  ];
  const text = { yLabel: "COCO AP", format: (v: number) => v.toFixed(1), tickFormat: String };
  const scene = barRowsScene(bars, { width: 340, height: 0, domain: [0, 40] }, text);
  const rects = (scene.children ?? []).flatMap((g) => (g.children ?? []).filter((c) => c.tag === "rect"));

  it("draws one row per bar, lengths proportional to the values, none drawn into the label column", () => {
    expect(rects).toHaveLength(3);
    const widths = rects.map((r) => Number(r.attrs!.width));
    expect(widths[0]).toBe(0);
    expect(widths[1]! / widths[2]!).toBeCloseTo(31.1 / 25.1, 10);
    const labelEnd = Number(rects[0]!.attrs!.x);
    expect(labelEnd).toBeGreaterThan("α = .999".length * 6);
    for (const r of rects) expect(Number(r.attrs!.x) + Number(r.attrs!.width)).toBeLessThanOrEqual(340 - 50);
  });

  it("has no bad values", () => {
    expect(badValues(scene)).toEqual([]);
  });
});
