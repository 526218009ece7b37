/**
 * A live chart as a self-contained SVG file: what the reader sees, painted by
 * the charts' paint table (src/charts/paint.ts) in the page's current tokens
 * and written as presentation attributes (slide tools and Inkscape ignore or
 * half-apply stylesheets and know no CSS variables), the text faces embedded
 * as data: URLs, a background for the theme, and nothing that points outside
 * the file.
 */
import { CHART_TEXT, PAINT_TOKENS, colourAndOpacity, markAttributes } from "../charts/paint";
import { THEME_TOKENS, type TokenName, type Tokens } from "../lib/site/theme-tokens";
import { embeddedFontCss, familyNames, type FaceUse } from "./export-fonts";

const SVG_NS = "http://www.w3.org/2000/svg";

/**
 * The tokens in force where the chart is (the page's theme, an embed's or a
 * standalone element's own), each colour as a probe in the chart paints it
 * (global.css writes them as light-dark() pairs, which a custom property keeps
 * unresolved) and checked paintable; the site's light palette stands in for
 * any the page does not define.
 */
function tokensAt(el: Element): Tokens {
  const style = getComputedStyle(el);
  const probe = el.appendChild(document.createElementNS(SVG_NS, "g"));
  const tokens = { ...THEME_TOKENS.light };
  for (const name of Object.keys(tokens) as TokenName[]) {
    let value = style.getPropertyValue(name).trim();
    if (!value) continue;
    if (PAINT_TOKENS.has(name)) {
      probe.style.color = `var(${name})`;
      value = getComputedStyle(probe).color;
      try {
        colourAndOpacity(value);
      } catch {
        continue; // a colour the file cannot carry (outside sRGB, say): keep the site's own
      }
    }
    tokens[name] = value;
  }
  probe.remove();
  return tokens;
}

function classList(el: Element): string[] {
  return Array.from(el.classList);
}

/** Drops any attribute that would make the file reach outside itself (links, external images, url() to files). */
function stripExternalReferences(root: Element): void {
  for (const el of [root, ...Array.from(root.querySelectorAll("*"))]) {
    for (const attr of Array.from(el.attributes)) {
      const value = attr.value.trim();
      if (
        (attr.localName === "href" || attr.name === "xlink:href") &&
        !value.startsWith("#") &&
        !value.startsWith("data:")
      ) {
        el.removeAttribute(attr.name);
      } else if (/url\(\s*["']?(?!#|data:)/i.test(value)) {
        el.removeAttribute(attr.name);
      }
    }
    if (
      el.localName === "a" ||
      el.localName === "image" ||
      el.localName === "foreignObject" ||
      el.localName === "script"
    )
      el.remove();
  }
}

export interface StandaloneSvgOptions {
  /** fill behind the chart; null for a transparent file */
  background: string | null;
  /** the size of the file's canvas, in CSS pixels; the chart's on-screen size by default */
  width?: number;
  height?: number;
}

/** The chart as a standalone SVG document (text of an .svg file). */
export async function standaloneSvg(live: SVGSVGElement, options: StandaloneSvgOptions): Promise<string> {
  const copy = live.cloneNode(true) as SVGSVGElement;
  const tokens = tokensAt(live);
  const family = tokens[CHART_TEXT["font-family"]];
  const hidden: Element[] = [];
  const uses = new Map<string, FaceUse>();
  const paint = (el: Element, twin: Element, context: ReadonlySet<string>) => {
    if (getComputedStyle(el).display === "none") {
      hidden.push(twin);
      return;
    }
    const own = classList(el);
    for (const [name, value] of Object.entries(markAttributes(own, context, tokens))) {
      if (value !== null && value !== undefined) twin.setAttribute(name, String(value));
    }
    if (el instanceof SVGTextContentElement) {
      const weight = twin.getAttribute("font-weight") ?? "400";
      const style = twin.getAttribute("font-style") ?? "normal";
      for (const name of familyNames(family)) uses.set(`${name}|${weight}|${style}`, { family: name, weight, style });
    }
    const inner = new Set([...context, ...own]);
    Array.from(el.children).forEach((child, i) => paint(child, twin.children[i]!, inner));
    twin.removeAttribute("style");
    twin.removeAttribute("class");
  };
  paint(live, copy, new Set());
  copy.setAttribute("font-family", family);
  copy.setAttribute("font-size", String(CHART_TEXT["font-size"]));
  hidden.forEach((el) => el.remove());

  const box = live.getBoundingClientRect();
  const viewBox = live.viewBox.baseVal;
  const width = options.width ?? Math.round(box.width || viewBox.width);
  const height = options.height ?? Math.round(box.height || viewBox.height);
  copy.setAttribute("xmlns", SVG_NS);
  copy.setAttribute("width", String(width));
  copy.setAttribute("height", String(height));
  copy.setAttribute("version", "1.1");
  if (!copy.hasAttribute("viewBox") && viewBox.width > 0)
    copy.setAttribute("viewBox", `${viewBox.x} ${viewBox.y} ${viewBox.width} ${viewBox.height}`);
  for (const attr of ["aria-hidden", "tabindex", "focusable", "data-key"]) copy.removeAttribute(attr);
  stripExternalReferences(copy);

  const defs = document.createElementNS(SVG_NS, "defs");
  const fontCss = await embeddedFontCss([...uses.values()]);
  if (fontCss) {
    const style = document.createElementNS(SVG_NS, "style");
    style.textContent = fontCss;
    defs.append(style);
  }
  const first = copy.querySelector(":scope > title, :scope > desc");
  const after = first ? (copy.querySelector(":scope > desc") ?? first).nextSibling : copy.firstChild;
  copy.insertBefore(defs, after);
  if (options.background) {
    const vb = viewBox.width > 0 ? viewBox : { x: 0, y: 0, width, height };
    const bg = document.createElementNS(SVG_NS, "rect");
    bg.setAttribute("x", String(vb.x));
    bg.setAttribute("y", String(vb.y));
    bg.setAttribute("width", String(vb.width));
    bg.setAttribute("height", String(vb.height));
    bg.setAttribute("fill", options.background);
    copy.insertBefore(bg, defs.nextSibling);
  }
  return `<?xml version="1.0" encoding="UTF-8"?>\n${new XMLSerializer().serializeToString(copy)}\n`;
}

/** The page background behind an element, as the standalone file's backdrop (null when transparent). */
export function backgroundOf(el: Element): string | null {
  for (let node: Element | null = el; node; node = node.parentElement) {
    const bg = getComputedStyle(node).backgroundColor;
    if (bg && bg !== "transparent" && !/^rgba\(.*,\s*0\)$/.test(bg)) return bg;
  }
  return null;
}
