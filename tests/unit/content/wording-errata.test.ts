import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { articlePrintedValues } from "../../../src/lib/article/article-values";

const seed = readFileSync(
  fileURLToPath(new URL("../../../../shared/seed/article-focal-loss-beginners-guide.txt", import.meta.url)),
  "utf8",
);
/** The wording errata, as the errata table reads them (src/content.config.ts's schema). */
const articleWordingErrata = JSON.parse(
  readFileSync(fileURLToPath(new URL("../../../content/wording-errata.json", import.meta.url)), "utf8"),
) as Array<Record<"id" | "location" | "quote" | "issue" | "correction" | "source", string>>;
/** The article sets some spaces as non-breaking (U+00A0); a quote is matched with every run of white space read as one space. */
const normalise = (text: string) => text.replace(/[\s\u00a0]+/g, " ");
const article = normalise(seed);

describe("the wording-and-notation errata quote the article", () => {
  it.each(articleWordingErrata.map((e) => [e.id, e] as const))("%s: its quote stands in the article", (_id, e) => {
    expect(article.includes(normalise(e.quote)), e.quote).toBe(true);
  });

  it("a quote that is not in the article is caught", () => {
    expect(article.includes(normalise("focal loss assigns more weight to easy examples"))).toBe(false);
  });

  it("ids are unique and every entry says what is wrong, what is right and where that comes from", () => {
    expect(new Set(articleWordingErrata.map((e) => e.id)).size).toBe(articleWordingErrata.length);
    for (const e of articleWordingErrata)
      for (const field of [e.location, e.issue, e.correction, e.source]) expect(field.trim().length).toBeGreaterThan(3);
  });

  it("quotes stay short (under twelve words), so nothing is copied at length", () => {
    for (const e of articleWordingErrata) expect(e.quote.trim().split(/\s+/).length, e.id).toBeLessThan(12);
  });
});

describe("a printed value written as an expression", () => {
  it.each(articlePrintedValues.filter((e) => e.printedAs).map((e) => [e.id, e.printedAs!] as const))(
    "%s: the expression %s stands in the article",
    (_id, expr) => {
      expect(article.includes(normalise(expr))).toBe(true);
    },
  );
});
