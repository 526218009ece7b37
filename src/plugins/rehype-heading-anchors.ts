/**
 * Adds a "link to this section" anchor to every h2 and h3 that has an id.
 * Runs after Astro's rehypeHeadingIds (placed before it in the config) so the
 * ids exist. The anchor holds no text node: Astro collects heading text for the
 * outline after all plugins run, and a visible "#" would end up in it; the
 * glyph comes from CSS and the accessible name from aria-label.
 */
import type { Element, ElementContent, Root } from "hast";
import { visit } from "unist-util-visit";

function textOf(node: ElementContent): string {
  if (node.type === "text") return node.value;
  if (node.type === "element") {
    // KaTeX renders math twice (MathML and HTML); read the annotation once.
    if (node.properties?.className && String(node.properties.className).includes("katex-html")) return "";
    return node.children.map(textOf).join("");
  }
  return "";
}

export function rehypeHeadingAnchors() {
  return (tree: Root) => {
    visit(tree, "element", (node: Element) => {
      if (node.tagName !== "h2" && node.tagName !== "h3") return;
      const id = node.properties?.id;
      if (typeof id !== "string" || id === "") return;
      const title = node.children.map(textOf).join("").trim();
      node.children.push({
        type: "element",
        tagName: "a",
        properties: { className: ["heading-anchor"], href: `#${id}`, ariaLabel: `Link to the section “${title}”` },
        children: [],
      });
    });
  };
}
