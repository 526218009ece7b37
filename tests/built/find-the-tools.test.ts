/**
 * A reader finds every chapter and the tools from any page (issue #20): the
 * site header's menu (a native <details>, so it works without JavaScript)
 * lists every chapter of the index's contents and the figures, calculator,
 * scenarios and deck pages, and on a chapter its button says where the reader is.
 */
import { describe, expect, it } from "vitest";
import { builtDocument, builtFile, text } from "./support/html";

const TOOLS = ["/figures/", "/calculator/", "/scenarios/", "/deck/"];

const hrefs = (doc: ReturnType<typeof builtDocument>, selector: string) =>
  doc.all(selector).map((a) => a.attribs.href ?? "");

describe("the site menu", () => {
  const index = builtDocument(builtFile(""));
  const chapters = hrefs(index, ".site-menu a").filter((h) => !TOOLS.includes(h));

  it("on the home page lists the chapters of the contents, in order, and every tool", () => {
    expect(chapters.length).toBeGreaterThanOrEqual(10);
    const contents = hrefs(index, "main a").filter((h) => chapters.includes(h));
    expect([...new Set(contents)]).toEqual(chapters);
    for (const tool of TOOLS) expect(hrefs(index, ".site-menu a")).toContain(tool);
  });

  it("is on every chapter and tool page, with the same links, and a chapter's button reads 'Chapter N of M'", () => {
    for (const path of [...chapters, ...TOOLS.filter((t) => t !== "/deck/")]) {
      const doc = builtDocument(builtFile(path.replace(/^\/|\/$/g, "")));
      const links = hrefs(doc, ".site-menu a");
      expect(links, path).toEqual(expect.arrayContaining([...chapters, ...TOOLS]));
      const n = chapters.indexOf(path);
      if (n >= 0) expect(text(doc.one(".site-menu summary")), path).toContain(`Chapter ${n + 1} of ${chapters.length}`);
    }
  });
});
