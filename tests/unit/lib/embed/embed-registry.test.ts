import { describe, expect, it } from "vitest";
import { FIGURE1_GAMMAS } from "../../../../src/lib/math/loss";
import { ARTICLE_ALPHA, ARTICLE_GAMMA } from "../../../../src/lib/article/article-values";
import {
  EMBEDDABLE,
  embeddable,
  figureQuery,
  IMAGE_PRESETS,
  IMAGE_SIZE,
  IMAGE_PNG_SCALE,
  presetFileName,
} from "../../../../src/lib/embed/embed-registry";
import { FIGURE_FIELDS } from "../../../../src/lib/state/state";
import EMBED_WORDS from "../../../../content/embeds.json" with { type: "json" };

describe("the embed registry", () => {
  it("has unique ids and custom-element tag names", () => {
    expect(new Set(EMBEDDABLE.map((f) => f.id)).size).toBe(EMBEDDABLE.length);
    for (const f of EMBEDDABLE) {
      expect(f.id).toMatch(/^[a-z][a-z0-9-]*$/);
      // A valid custom element name: lowercase, starts with a letter, has a hyphen.
      expect(f.tag).toMatch(/^[a-z][a-z0-9]*-[a-z0-9-]+$/);
      expect(embeddable(f.id)).toBe(f);
    }
    expect(embeddable("nope")).toBeUndefined();
  });

  it("has words in content/embeds.json for exactly its figures, a caption for each figure and the map, none for a calculator", () => {
    const words: Record<string, { title: string; caption?: string }> = EMBED_WORDS;
    expect(Object.keys(words).sort()).toEqual(EMBEDDABLE.map((f) => f.id).sort());
    for (const f of EMBEDDABLE)
      expect(typeof words[f.id]!.caption, f.id).toBe(f.kind === "calculator" ? "undefined" : "string");
  });

  it("has titles short enough for a page <title> (html-validate's long-title: at most 70 characters)", () => {
    for (const { title } of Object.values(EMBED_WORDS)) expect([...title].length, title).toBeLessThanOrEqual(70);
  });

  it("lists exactly the figure state's URL parameters for the figures", () => {
    const stateParams = Object.values(FIGURE_FIELDS)
      .map((field) => field.param)
      .sort();
    for (const f of EMBEDDABLE.filter((e) => e.kind === "figure")) expect([...f.params].sort()).toEqual(stateParams);
  });

  it("has the presets the issue asks for: the paper's γ values and the article's α and γ", () => {
    const gammaOnly = IMAGE_PRESETS.filter((p) => p.alpha === null).map((p) => p.gamma);
    expect(gammaOnly).toEqual([...FIGURE1_GAMMAS]);
    expect(IMAGE_PRESETS.filter((p) => p.alpha !== null)).toEqual([
      expect.objectContaining({ gamma: ARTICLE_GAMMA, alpha: ARTICLE_ALPHA }),
    ]);
    expect(new Set(IMAGE_PRESETS.map((p) => p.id)).size).toBe(IMAGE_PRESETS.length);
  });

  it("sizes preset PNGs at exactly a 1080p slide", () => {
    expect(IMAGE_SIZE.width * IMAGE_PNG_SCALE).toBe(1920);
    expect(IMAGE_SIZE.height * IMAGE_PNG_SCALE).toBe(1080);
  });

  it("names preset files by figure, preset and theme", () => {
    const f = EMBEDDABLE[0]!;
    expect(presetFileName(f, IMAGE_PRESETS.at(-1)!, "dark", "png")).toBe(`${f.id}-alpha-0.25-gamma-2-dark.png`);
  });
});

describe("figureQuery", () => {
  const f = EMBEDDABLE[0]!;
  it("keeps only the figure's own parameters, validated, in canonical form", () => {
    expect(figureQuery(f, "?theme=dark&yscale=log&alpha=0.5&utm=x&gamma=3").toString()).toBe(
      "gamma=3&alpha=0.5&yscale=log",
    );
    expect(figureQuery(f, new URLSearchParams("controls=0")).toString()).toBe("");
    // Defaults and invalid values leave nothing behind.
    expect(figureQuery(f, "gamma=2&alpha=<img src=x>&yscale=javascript:alert(1)&examples=1").toString()).toBe(
      "examples=1",
    );
  });

  it("uses each calculator's own state parser", () => {
    const loss = embeddable("loss-calculator")!;
    expect(figureQuery(loss, "loss.p=0.9&loss.gamma=abc&gamma=3&loss.y=0").toString()).toBe("loss.p=0.9&loss.y=0");
    const table = embeddable("scenario-calculator")!;
    expect(figureQuery(table, "table.gamma=1&loss.p=0.5&table.alpha=%3Cscript%3E").toString()).toBe("table.gamma=1");
  });
});
