import { describe, expect, it } from "vitest";
import { renderInlineMath, renderTexHeader } from "../../../src/components/tex";

describe("math as all of a table header cell", () => {
  const html = renderTexHeader("p_t = \\sigma(x_t)", "pₜ = σ(xₜ)");

  it("carries the words as visually hidden text, which names the column for screen readers and axe", () => {
    expect(html).toMatch(/^<span class="visually-hidden">pₜ = σ\(xₜ\)<\/span>/);
  });

  it("draws the math with KaTeX but hides the drawing from assistive technology and has no MathML copy to read twice", () => {
    expect(html).toContain('<span class="katex-html" aria-hidden="true">');
    expect(html).not.toContain("<math");
    // Every text node outside the hidden drawing is the visually hidden words.
    const outsideDrawing = html
      .replace(/<span class="katex-html" aria-hidden="true">[\s\S]*$/, "")
      .replace(/<[^>]+>/g, "");
    expect(outsideDrawing).toBe("pₜ = σ(xₜ)");
  });

  it("escapes the words", () => {
    expect(renderTexHeader("a < b", "a < b & c")).toContain('<span class="visually-hidden">a &lt; b &amp; c</span>');
  });
});

describe("renderInlineMath (a key idea in frontmatter)", () => {
  it("typesets each $…$ with KaTeX and escapes the text around it", () => {
    const html = renderInlineMath("Multiplying by $(1 - p_t)^\\gamma$ shrinks <easy> ones; $\\gamma$ sets how fast.");
    expect(html.match(/class="katex"/g)).toHaveLength(2);
    expect(html).toContain("Multiplying by ");
    expect(html).toContain("shrinks &lt;easy&gt; ones; ");
    expect(html).not.toContain("$");
    // KaTeX's MathML copy carries the symbols for assistive technology.
    expect(html).toContain("<mi>γ</mi>");
  });

  it("leaves text without math as escaped text, and fails the build on malformed TeX", () => {
    expect(renderInlineMath("A & B")).toBe("A &amp; B");
    expect(() => renderInlineMath("bad $\\frac{1}$ math")).toThrow();
  });
});
