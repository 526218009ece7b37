import { describe, expect, it } from "vitest";
import { fixedThemeOf, pageKindOf, pageLabel, pagePathOf } from "../../support/site-pages";

describe("pagePathOf", () => {
  it.each([
    ["index.html", ""],
    ["why-focal-loss/index.html", "why-focal-loss/"],
    ["embed/focal-curves/index.html", "embed/focal-curves/"],
    ["404.html", "404.html"],
  ])("%s is served at /%s", (file, path) => {
    expect(pagePathOf(file)).toBe(path);
  });
});

describe("pageKindOf", () => {
  const article = '<meta property="og:type" content="article">';
  it("tells the index, chapters, embeds, the 404 page and other pages apart", () => {
    expect(pageKindOf("", article)).toBe("index");
    expect(pageKindOf("why-focal-loss/", article)).toBe("chapter");
    expect(pageKindOf("embed/focal-curves/", "")).toBe("embed");
    expect(pageKindOf("deck/", "")).toBe("deck");
    expect(pageKindOf("404.html", "")).toBe("not-found");
    expect(pageKindOf("figures/", '<meta property="og:type" content="website">')).toBe("other");
  });
  it("labels the index as /", () => {
    expect(pageLabel({ path: "" })).toBe("/");
    expect(pageLabel({ path: "figures/" })).toBe("/figures/");
  });
});

describe("fixedThemeOf", () => {
  it("reads a theme pinned on <html>, and null for pages that follow the reader", () => {
    expect(fixedThemeOf('<!DOCTYPE html><html lang="en" data-theme="dark" class="deck-page">')).toBe("dark");
    expect(fixedThemeOf('<!DOCTYPE html><html lang="en"><body data-theme="dark">')).toBeNull();
  });
});
