import { describe, expect, it } from "vitest";
import type { Element, ElementContent, Root } from "hast";
import { rehypeMathPunctuation } from "../../../src/plugins/rehype-math-punctuation";

const math = (tex: string): Element => ({
  type: "element",
  tagName: "span",
  properties: { className: ["katex"] },
  children: [{ type: "text", value: tex }],
});
const text = (value: string): ElementContent => ({ type: "text", value });

function run(children: ElementContent[]): ElementContent[] {
  const p: Element = { type: "element", tagName: "p", properties: {}, children };
  const tree: Root = { type: "root", children: [p] };
  rehypeMathPunctuation()(tree);
  return p.children;
}

/** A node as a short string: text as is, a wrapper as [its contents], a formula as $tex$. */
function show(node: ElementContent): string {
  if (node.type === "text") return node.value;
  const el = node as Element;
  const names = el.properties?.className as string[];
  if (names.includes("katex")) return `$${(el.children[0] as { value: string }).value}$`;
  if (names.includes("math-nowrap")) return `[${el.children.map(show).join("")}]`;
  return "?";
}

describe("rehypeMathPunctuation", () => {
  it("binds the punctuation after a formula to it, and leaves the words after it free to wrap", () => {
    const out = run([
      text("on "),
      math("x_1^2"),
      text(", "),
      math("x_2^2"),
      text(" and "),
      math("x_1 x_2"),
      text(", so."),
    ]);
    expect(out.map(show)).toEqual(["on ", "[$x_1^2$,]", " ", "$x_2^2$", " and ", "[$x_1 x_2$,]", " so."]);
  });

  it("keeps a closing bracket and full stop together with the formula, and leaves formulas without punctuation alone", () => {
    expect(run([text("("), math("\\alpha = 0.75"), text(").")]).map(show)).toEqual(["(", "[$\\alpha = 0.75$).]"]);
    expect(run([math("p_t"), text(" is")]).map(show)).toEqual(["$p_t$", " is"]);
  });
});
