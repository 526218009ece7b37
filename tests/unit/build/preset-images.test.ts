import { describe, expect, it } from "vitest";
import { styledPresetMarkup } from "../../../src/build/preset-images";
import { IMAGE_PRESETS, IMAGE_SIZE } from "../../../src/lib/embed/embed-registry";
import { THEME_TOKENS } from "../../../src/lib/site/theme-tokens";

const preset = IMAGE_PRESETS.find((p) => p.gamma === 2 && p.alpha === null)!;

/** The attributes of the element keyed `key` in printed markup (the markup is the file resvg reads). */
function attrs(markup: string, tag: string, key: string): Record<string, string> {
  const m = new RegExp(`<${tag} data-key="${key}"([^>]*)>`).exec(markup);
  if (!m) throw new Error(`no <${tag}> ${key}`);
  return Object.fromEntries([...m[1]!.matchAll(/([\w:-]+)="([^"]*)"/g)].map((a) => [a[1]!, a[2]!]));
}

describe("styledPresetMarkup (the ready-made slide images)", () => {
  it.each(["light", "dark"] as const)(
    "paints the well-classified band in the %s theme's band colour, visibly",
    (theme) => {
      const { markup } = styledPresetMarkup("focal-curves", preset, theme);
      const band = attrs(markup, "rect", "band");
      const token = /^rgb\((\d+) (\d+) (\d+) \/ ([\d.]+)\)$/.exec(THEME_TOKENS[theme]["--band"])!;
      const hex = `#${[token[1], token[2], token[3]].map((c) => Number(c).toString(16).padStart(2, "0")).join("")}`;
      expect(band.fill).toBe(hex);
      expect(Number(band["fill-opacity"])).toBe(Number(token[4]));
      expect(Number(band["fill-opacity"])).toBeGreaterThan(0);
      expect(markup).toContain(">well-classified examples<");
    },
  );

  it("leaves a margin around the chart, so the top tick and the curves do not touch the image's edge", () => {
    const { markup } = styledPresetMarkup("focal-curves", preset, "light");
    expect(attrs(markup, "svg", "focal-curves").viewBox).toBe(`0 0 ${IMAGE_SIZE.width} ${IMAGE_SIZE.height}`);
    const shift = /translate\((\d+),(\d+)\)/.exec(attrs(markup, "g", "chart").transform!)!;
    expect(Number(shift[2])).toBeGreaterThanOrEqual(16);
    // The "5" tick of the loss axis sits at the plot's top, inside the chart group: at least that far from the edge.
    expect(
      Number(attrs(markup, "g", "t5").transform!.match(/,([\d.]+)\)/)![1]) + Number(shift[2]),
    ).toBeGreaterThanOrEqual(24);
  });

  it("writes colours only as hex with separate opacities, which resvg and slide tools read", () => {
    for (const theme of ["light", "dark"] as const) {
      const { markup } = styledPresetMarkup("modulating-factor", preset, theme);
      expect(markup).not.toMatch(/(fill|stroke)="(rgb|var)\(/);
      expect(markup).toContain(`fill="${THEME_TOKENS[theme]["--bg"]}"`);
    }
  });

  it("draws at twice the size for the PNG with the same picture", () => {
    const one = styledPresetMarkup("logit-gradient", preset, "dark");
    const two = styledPresetMarkup("logit-gradient", preset, "dark", 2);
    expect(attrs(two.markup, "svg", "logit-loss-gradient").width).toBe(String(IMAGE_SIZE.width * 2));
    expect(two.markup.replace(/<svg[^>]*>/, "")).toBe(one.markup.replace(/<svg[^>]*>/, ""));
    expect(one.title).not.toBe("");
  });
});
