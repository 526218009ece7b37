import { describe, expect, it } from "vitest";
import {
  DEFAULT_EMBED_PARAMS,
  EMBED_STATE,
  embedRootAttributes,
  STANDALONE_ATTRIBUTES,
  STANDALONE_STATE,
} from "../../../../src/lib/state/embed-params";

describe("the embed parameters", () => {
  it("gives the defaults for an empty, missing or unrelated query", () => {
    for (const q of ["", "?", null, undefined, "gamma=2&alpha=0.25", "?utm_source=slides"]) {
      expect(EMBED_STATE.parse(q)).toEqual({
        theme: "auto",
        controls: true,
        fontScale: 1,
        caption: true,
        animate: true,
        fluid: false,
        print: false,
      });
    }
  });

  it("reads every parameter", () => {
    expect(EMBED_STATE.parse("?theme=dark&controls=0&fontScale=1.5&caption=0&animate=0&fluid=1&print=1")).toEqual({
      theme: "dark",
      controls: false,
      fontScale: 1.5,
      caption: false,
      animate: false,
      fluid: true,
      print: true,
    });
    expect(
      EMBED_STATE.parse(new URLSearchParams("theme=transparent&controls=1&caption=1&animate=1&fluid=0")),
    ).toMatchObject({
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
    ["print=1", { print: true }],
    ["fontScale=0.75", { fontScale: 0.75 }],
    ["fontScale=3", { fontScale: 3 }],
    ["fontScale=2.", { fontScale: 2 }],
    ["fontScale=.8", { fontScale: 0.8 }],
    ["fontScale=1.23456", { fontScale: 1.23 }],
  ] as const)("accepts %s", (query, expected) => {
    expect(EMBED_STATE.parse(query)).toEqual({ ...DEFAULT_EMBED_PARAMS, ...expected });
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
    expect(EMBED_STATE.parse(query)).toEqual(DEFAULT_EMBED_PARAMS);
  });

  it("keeps the valid parameters when others are invalid", () => {
    expect(EMBED_STATE.parse("theme=neon&controls=0&fontScale=99&caption=0")).toEqual({
      ...DEFAULT_EMBED_PARAMS,
      controls: false,
      caption: false,
    });
  });
});

describe("writing the embed parameters", () => {
  it("writes nothing for the defaults and leaves the figure's own parameters alone", () => {
    const query = new URLSearchParams("gamma=2&theme=dark&controls=0");
    expect(EMBED_STATE.write({ ...DEFAULT_EMBED_PARAMS }, query).toString()).toBe("gamma=2");
    expect(EMBED_STATE.write({ ...DEFAULT_EMBED_PARAMS, theme: "dark", fontScale: 1.5 }).toString()).toBe(
      "theme=dark&fontScale=1.5",
    );
  });
});

describe("embedRootAttributes", () => {
  it("holds only closed words, whatever the query said", () => {
    const attrs = embedRootAttributes(EMBED_STATE.parse("theme=%22%3E%3Cscript%3E&controls=0&fluid=1"));
    expect(attrs).toEqual({
      "data-embed-theme": "auto",
      "data-controls": "0",
      "data-caption": "1",
      "data-animate": "1",
      "data-fluid": "1",
    });
  });
});

describe("the standalone element's attributes", () => {
  it("are the figure's and the presentation's, in HTML's hyphenated style", () => {
    expect(STANDALONE_ATTRIBUTES).toEqual(["gamma", "alpha", "y-scale", "examples", "theme", "controls", "font-scale"]);
  });

  it("hide the sliders unless `controls` is present, and read font-scale as the embed reads fontScale", () => {
    const read = (attrs: Record<string, string>) => STANDALONE_STATE.fromAttributes((n) => attrs[n] ?? null);
    expect(read({})).toMatchObject({ controls: false, theme: "auto", fontScale: 1 });
    expect(read({ controls: "" }).controls).toBe(true);
    expect(read({ controls: "0" }).controls).toBe(false);
    expect(read({ "font-scale": "1.5", theme: "dark" })).toMatchObject({ fontScale: 1.5, theme: "dark" });
    expect(read({ "font-scale": "9", theme: "<b>" })).toMatchObject({ fontScale: 1, theme: "auto" });
  });
});
