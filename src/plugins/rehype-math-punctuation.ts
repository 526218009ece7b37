/**
 * Keeps a formula and the punctuation right after it on one line: a line may
 * break between KaTeX's inline-block boxes and a following comma or full stop,
 * which stranded ", x₂²" at the start of a line in the lab's prose. Each
 * inline formula followed by punctuation is wrapped, with that punctuation,
 * in a <span class="math-nowrap"> (global.css: white-space: nowrap). The rest
 * of the text node after the punctuation stays outside, free to wrap.
 */
import type { Element, ElementContent, Root } from "hast";
import { visit } from "unist-util-visit";

const PUNCTUATION = /^[,.;:!?)\]’”]+/u;

function isInlineMath(node: ElementContent | undefined): node is Element {
  if (node?.type !== "element" || node.tagName !== "span") return false;
  const names = node.properties?.className;
  return Array.isArray(names) && names.includes("katex");
}

export function rehypeMathPunctuation() {
  return (tree: Root) => {
    visit(tree, "element", (parent: Element) => {
      // A wrapper made here holds a formula and its punctuation already.
      const names = parent.properties?.className;
      if (Array.isArray(names) && names.includes("math-nowrap")) return;
      const children = parent.children;
      for (let i = 0; i < children.length - 1; i++) {
        const math = children[i];
        const next = children[i + 1];
        if (!isInlineMath(math) || next?.type !== "text") continue;
        const punctuation = PUNCTUATION.exec(next.value)?.[0];
        if (!punctuation) continue;
        const rest = next.value.slice(punctuation.length);
        const wrapped: Element = {
          type: "element",
          tagName: "span",
          properties: { className: ["math-nowrap"] },
          children: [math, { type: "text", value: punctuation }],
        };
        children.splice(i, 2, wrapped, ...(rest ? [{ type: "text" as const, value: rest }] : []));
      }
    });
  };
}
