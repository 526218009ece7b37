import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  DEFAULT_EMBED_PARAMS,
  EMBED_THEMES,
  embedRootAttributes,
  FONT_SCALE_RANGE,
  parseEmbedParams,
  writeEmbedParams,
  type EmbedParams,
} from "../../../../src/lib/state/embed-params";

describe("parseEmbedParams", () => {
  it("gives the defaults for an empty, missing or unrelated query", () => {
    for (const q of ["", "?", null, undefined, "gamma=2&alpha=0.25", "?utm_source=slides"]) {
      expect(parseEmbedParams(q)).toEqual({ theme: "auto", controls: true, fontScale: 1, caption: true, animate: true, fluid: false });
    }
  });

  it("reads every parameter", () => {
    expect(parseEmbedParams("?theme=dark&controls=0&fontScale=1.5&caption=0&animate=0&fluid=1")).toEqual({
      theme: "dark",
      controls: false,
      fontScale: 1.5,
      caption: false,
      animate: false,
      fluid: true,
    });
    expect(parseEmbedParams(new URLSearchParams("theme=transparent&controls=1&caption=1&animate=1&fluid=0"))).toMatchObject({
      theme: "transparent",
      controls: true,
      caption: true,
      animate: true,
      fluid: false,
    });
  });

  it.each([
    ["theme=LIGHT", { theme: "light" }],
    ["theme=%20dark%20", { theme: "dark" }],
    ["controls=off", { controls: false }],
    ["controls=false", { controls: false }],
    ["fluid=yes", { fluid: true }],
    ["fontScale=0.75", { fontScale: 0.75 }],
    ["fontScale=3", { fontScale: 3 }],
    ["fontScale=2.", { fontScale: 2 }],
    ["fontScale=.8", { fontScale: 0.8 }],
    ["fontScale=1.23456", { fontScale: 1.23 }],
  ] as const)("accepts %s", (query, expected) => {
    expect(parseEmbedParams(query)).toEqual({ ...DEFAULT_EMBED_PARAMS, ...expected });
  });

  it.each([
    "theme=sepia",
    "theme=<img src=x onerror=alert(1)>",
    "theme=dark%00",
    "controls=2",
    "controls=",
    "caption=maybe",
    "fontScale=0.5",
    "fontScale=3.01",
    "fontScale=-1",
    "fontScale=abc",
    "fontScale=Infinity",
    "fontScale=NaN",
    "fontScale=1e0",
    "fontScale=0x2",
    "fontScale=1,5",
    "fontScale=" + "1".repeat(400),
    "animate=%E0%A4%A",
    "fluid=truee",
  ])("ignores %s", (query) => {
    expect(parseEmbedParams(query)).toEqual(DEFAULT_EMBED_PARAMS);
  });

  it("keeps the valid parameters when others are invalid", () => {
    expect(parseEmbedParams("theme=neon&controls=0&fontScale=99&caption=0")).toEqual({
      ...DEFAULT_EMBED_PARAMS,
      controls: false,
      caption: false,
    });
  });

  it("never throws and always returns values in range, whatever the query", () => {
    const anyQuery = fc.oneof(
      fc.string({ maxLength: 200 }),
      fc.string({ unit: "binary", maxLength: 200 }),
      fc
        .array(
          fc.tuple(
            fc.constantFrom("theme", "controls", "fontScale", "caption", "animate", "fluid", "gamma", "x"),
            fc.oneof(fc.string({ maxLength: 20 }), fc.double().map(String), fc.constantFrom("1", "0", "dark", "2.5")),
          ),
          { maxLength: 8 },
        )
        .map((pairs) => new URLSearchParams(pairs).toString()),
    );
    fc.assert(
      fc.property(anyQuery, (query) => {
        const p = parseEmbedParams(query);
        expect(EMBED_THEMES).toContain(p.theme);
        for (const flag of [p.controls, p.caption, p.animate, p.fluid]) expect(typeof flag).toBe("boolean");
        expect(Number.isFinite(p.fontScale)).toBe(true);
        expect(p.fontScale).toBeGreaterThanOrEqual(FONT_SCALE_RANGE.min);
        expect(p.fontScale).toBeLessThanOrEqual(FONT_SCALE_RANGE.max);
      }),
    );
  });
});

describe("writeEmbedParams", () => {
  const anyParams: fc.Arbitrary<EmbedParams> = fc.record({
    theme: fc.constantFrom(...EMBED_THEMES),
    controls: fc.boolean(),
    fontScale: fc.integer({ min: 75, max: 300 }).map((n) => n / 100),
    caption: fc.boolean(),
    animate: fc.boolean(),
    fluid: fc.boolean(),
  });

  it("round-trips through parseEmbedParams", () => {
    fc.assert(
      fc.property(anyParams, (params) => {
        expect(parseEmbedParams(writeEmbedParams(params))).toEqual(params);
      }),
    );
  });

  it("writes nothing for the defaults and leaves the figure's own parameters alone", () => {
    const query = new URLSearchParams("gamma=2&theme=dark&controls=0");
    expect(writeEmbedParams({ ...DEFAULT_EMBED_PARAMS }, query).toString()).toBe("gamma=2");
    expect(writeEmbedParams({ ...DEFAULT_EMBED_PARAMS, theme: "dark", fontScale: 1.5 }).toString()).toBe("theme=dark&fontScale=1.5");
  });
});

describe("embedRootAttributes", () => {
  it("holds only closed words, whatever the query said", () => {
    const attrs = embedRootAttributes(parseEmbedParams("theme=%22%3E%3Cscript%3E&controls=0&fluid=1"));
    expect(attrs).toEqual({
      "data-embed-theme": "auto",
      "data-controls": "0",
      "data-caption": "1",
      "data-animate": "1",
      "data-fluid": "1",
    });
  });
});
