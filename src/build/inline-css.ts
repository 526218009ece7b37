/**
 * A small CSS cascade for chart scenes at build time: applies a stylesheet's
 * rules to a tree of SVG nodes and writes the results as presentation
 * attributes, custom properties (`--c`, the design tokens) resolved. The
 * preset images then need no stylesheet and no CSS variables, which resvg,
 * PowerPoint, Keynote and Inkscape do not all understand.
 *
 * Deliberately small: selectors of type and class compounds joined by
 * descendant combinators (all that charts.css uses). Rules with any other
 * selector, and at-rule blocks (@container, @media), are skipped.
 */
import { resolveVars, type Tokens } from "../lib/site/theme-tokens";

export interface StyledNode {
  tag: string;
  attrs?: Record<string, string | number | null | undefined>;
  children?: StyledNode[];
  text?: string;
}

interface Compound {
  tag: string | null;
  classes: string[];
}

interface Rule {
  selector: Compound[];
  specificity: number;
  order: number;
  declarations: Array<[string, string]>;
}

/** Properties that mean something in an SVG file (layout properties of the <svg> box do not). */
const SVG_PROPERTIES = new Set([
  "fill", "fill-opacity", "fill-rule", "stroke", "stroke-width", "stroke-dasharray", "stroke-dashoffset", "stroke-linecap",
  "stroke-linejoin", "stroke-opacity", "opacity", "visibility", "display", "paint-order", "font-family", "font-size",
  "font-weight", "font-style", "text-anchor", "dominant-baseline", "letter-spacing",
]);

function parseCompound(text: string): Compound | null {
  if (!/^(\*|[a-zA-Z][\w-]*)?(\.[\w-]+)*$/.test(text) || text === "") return null;
  const [head = "", ...classes] = text.split(".");
  return { tag: head === "" || head === "*" ? null : head, classes };
}

function parseSelector(text: string): Compound[] | null {
  const parts = text.trim().split(/\s+/);
  const compounds = parts.map(parseCompound);
  return compounds.every((c): c is Compound => c !== null) ? compounds : null;
}

/** Top-level style rules of a stylesheet, in order; at-rule blocks are skipped whole. */
export function parseRules(css: string): Rule[] {
  const text = css.replace(/\/\*[\s\S]*?\*\//g, "");
  const rules: Rule[] = [];
  let i = 0;
  let order = 0;
  while (i < text.length) {
    const open = text.indexOf("{", i);
    if (open < 0) break;
    const prelude = text.slice(i, open).trim();
    // Find the matching close brace (at-rules nest).
    let depth = 1;
    let j = open + 1;
    while (j < text.length && depth > 0) {
      if (text[j] === "{") depth++;
      else if (text[j] === "}") depth--;
      j++;
    }
    const body = text.slice(open + 1, j - 1);
    i = j;
    if (prelude.startsWith("@")) continue;
    const declarations = body
      .split(";")
      .map((d) => /^\s*([\w-]+)\s*:\s*([\s\S]+?)\s*$/.exec(d))
      .filter((m): m is RegExpExecArray => m !== null)
      .map((m) => [m[1]!.toLowerCase(), m[2]!.replace(/\s*!important$/, "")] as [string, string]);
    for (const selectorText of prelude.split(",")) {
      const selector = parseSelector(selectorText);
      if (!selector) continue;
      const classes = selector.reduce((n, c) => n + c.classes.length, 0);
      const tags = selector.reduce((n, c) => n + (c.tag ? 1 : 0), 0);
      rules.push({ selector, specificity: classes * 1000 + tags, order: order++, declarations });
    }
  }
  return rules;
}

function classesOf(node: StyledNode): string[] {
  const cls = node.attrs?.class;
  return typeof cls === "string" ? cls.split(/\s+/).filter(Boolean) : [];
}

function matchesCompound(node: StyledNode, c: Compound): boolean {
  if (c.tag && c.tag !== node.tag) return false;
  const classes = classesOf(node);
  return c.classes.every((cls) => classes.includes(cls));
}

/** Right to left: the last compound is the node itself, the others ancestors in order. */
function matches(selector: Compound[], node: StyledNode, ancestors: StyledNode[]): boolean {
  if (!matchesCompound(node, selector[selector.length - 1]!)) return false;
  let k = selector.length - 2;
  for (let a = ancestors.length - 1; a >= 0 && k >= 0; a--) {
    if (matchesCompound(ancestors[a]!, selector[k]!)) k--;
  }
  return k < 0;
}

const RGB = /^rgba?\(\s*([\d.]+)[\s,]+([\d.]+)[\s,]+([\d.]+)\s*(?:[/,]\s*([\d.]+)(%?))?\s*\)$/i;

/**
 * `rgb(86 180 233 / 0.09)` (CSS Color 4) as `rgb(86,180,233)` plus an opacity:
 * resvg and older slide tools read only the comma form and no alpha in it.
 */
export function splitAlpha(colour: string): { colour: string; alpha: number } {
  const m = RGB.exec(colour.trim());
  if (!m) return { colour, alpha: 1 };
  const alpha = m[4] === undefined ? 1 : Number(m[4]) / (m[5] ? 100 : 1);
  return { colour: `rgb(${m[1]},${m[2]},${m[3]})`, alpha };
}

function applyColourAlpha(attrs: Record<string, string | number | null | undefined>): void {
  for (const paint of ["fill", "stroke"] as const) {
    const value = attrs[paint];
    if (typeof value !== "string") continue;
    const { colour, alpha } = splitAlpha(value);
    if (colour === value) continue;
    attrs[paint] = colour;
    if (alpha < 1) {
      const declared = Number(attrs[`${paint}-opacity`] ?? 1);
      attrs[`${paint}-opacity`] = String(Number((alpha * (Number.isFinite(declared) ? declared : 1)).toFixed(4)));
    }
  }
}

/**
 * Applies the stylesheet to the tree in place: cascaded SVG properties become
 * attributes, custom properties are resolved against inherited ones and the
 * theme tokens, `display: none` removes the node, and class attributes stay
 * (harmless, and they name what each mark is).
 */
export function inlineStyles<T extends StyledNode>(root: T, css: string, tokens: Tokens): T {
  const rules = parseRules(css);
  const visit = (node: StyledNode, ancestors: StyledNode[], inherited: Tokens): boolean => {
    const declared = new Map<string, string>();
    rules
      .filter((r) => matches(r.selector, node, ancestors))
      .sort((a, b) => a.specificity - b.specificity || a.order - b.order)
      .forEach((r) => r.declarations.forEach(([name, value]) => declared.set(name, value)));
    const custom: Tokens = { ...inherited };
    for (const [name, value] of declared) if (name.startsWith("--")) custom[name] = resolveVars(value, inherited);
    for (const [name, value] of declared) {
      if (name.startsWith("--") || !SVG_PROPERTIES.has(name)) continue;
      const resolved = resolveVars(value, custom);
      if (name === "display") {
        if (resolved === "none") return false;
        continue;
      }
      node.attrs = { ...node.attrs, [name]: resolved };
    }
    if (node.attrs) applyColourAlpha(node.attrs);
    if (node.children) {
      const path = [...ancestors, node];
      node.children = node.children.filter((child) => visit(child, path, custom));
    }
    return true;
  };
  visit(root, [], tokens);
  return root;
}
