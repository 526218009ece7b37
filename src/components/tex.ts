import katex from "katex";
import { escapeXml } from "../lib/text/escape-xml";

/**
 * KaTeX to HTML at build time. Strict and throwing, unlike the Markdown math:
 * these formulas are generated from computed numbers, so a malformed one is a
 * bug in the generator and should fail the build, not print a red error.
 */
export function renderTex(tex: string, displayMode = false): string {
  return katex.renderToString(tex, { displayMode, throwOnError: true, strict: "error", output: "htmlAndMathml" });
}

/**
 * Math that is all a table header cell holds: KaTeX's drawing (which KaTeX
 * hides from assistive technology) and the same in plain text, visually
 * hidden. KaTeX's MathML copy alone does not count as text for axe
 * (empty-table-header) nor for screen readers without MathML, which would
 * announce the column with no name; so here the text replaces the MathML
 * rather than doubling it.
 */
export function renderTexHeader(tex: string, text: string): string {
  const drawing = katex.renderToString(tex, { throwOnError: true, strict: "error", output: "html" });
  return `<span class="visually-hidden">${escapeXml(text)}</span>${drawing}`;
}

/**
 * A line of text with inline math between single dollar signs, as HTML: the
 * text escaped, each $…$ typeset by KaTeX at build time. For short strings
 * that live in frontmatter (a chapter's key idea), where MDX does not reach.
 */
export function renderInlineMath(text: string): string {
  return text
    .split(/(\$[^$]+\$)/)
    .map((part) =>
      part.length > 2 && part.startsWith("$") && part.endsWith("$") ? renderTex(part.slice(1, -1)) : escapeXml(part),
    )
    .join("");
}
