import { describe, expect, it } from "vitest";
import type { Element, Root } from "hast";
import { rehypeHeadingAnchors } from "../../../src/plugins/rehype-heading-anchors";

const heading = (tagName: string, id: string | undefined, text: string): Element => ({
  type: "element",
  tagName,
  properties: id === undefined ? {} : { id },
  children: [{ type: "text", value: text }],
});

function run(children: Element[]): Element[] {
  const tree: Root = { type: "root", children };
  rehypeHeadingAnchors()(tree);
  return tree.children as Element[];
}

describe("rehypeHeadingAnchors", () => {
  it("gives h2 and h3 with an id a text-free anchor to themselves, named after the heading", () => {
    const [h2, h3] = run([
      heading("h2", "worked-examples", "Worked examples"),
      heading("h3", "both", "Both misclassified"),
    ]);
    const anchor = h2!.children.at(-1) as Element;
    expect(anchor.tagName).toBe("a");
    expect(anchor.properties).toMatchObject({
      href: "#worked-examples",
      className: ["heading-anchor"],
      ariaLabel: "Link to the section “Worked examples”",
    });
    // no text node: Astro's outline collects heading text after the plugins run
    expect(anchor.children).toEqual([]);
    expect((h3!.children.at(-1) as Element).properties?.href).toBe("#both");
  });

  it("leaves h1, h4 and headings without an id alone", () => {
    const out = run([
      heading("h1", "title", "Title"),
      heading("h4", "small", "Small"),
      heading("h2", undefined, "No id"),
    ]);
    for (const h of out) expect(h.children).toHaveLength(1);
  });

  it("reads a heading's text through nested elements", () => {
    const h: Element = {
      type: "element",
      tagName: "h2",
      properties: { id: "x" },
      children: [
        { type: "text", value: "Why " },
        { type: "element", tagName: "em", properties: {}, children: [{ type: "text", value: "focal" }] },
      ],
    };
    const [out] = run([h]);
    expect((out!.children.at(-1) as Element).properties?.ariaLabel).toBe("Link to the section “Why focal”");
  });
});
