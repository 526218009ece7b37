/**
 * A chart is described once, as a tree of plain SVG nodes (a "scene"), and
 * that one description is either printed as markup at build time (no DOM in
 * Node) or applied to a live <svg> in the browser with keyed D3 joins. The
 * server-rendered figure and the hydrated one therefore cannot drift apart,
 * and redrawing is idempotent: the same scene twice changes nothing.
 */
import { joinKeyed } from "./keyed-join";
import { escapeXml } from "../lib/text/escape-xml";

export type SvgTag =
  | "svg"
  | "g"
  | "path"
  | "line"
  | "rect"
  | "circle"
  | "text"
  | "tspan"
  | "title"
  | "desc"
  | "clipPath"
  | "defs"
  | "pattern"
  | "image";
export type AttrValue = string | number | null | undefined;

export interface SvgNode {
  tag: SvgTag;
  /** identity among its siblings, so a join updates the same element across redraws */
  key: string;
  attrs?: Record<string, AttrValue>;
  /** text content (for text, tspan, title, desc) */
  text?: string;
  children?: SvgNode[];
}

const SVG_NS = "http://www.w3.org/2000/svg";

/**
 * The same node object for the same key: for the parts of a chart that depend
 * only on its geometry (axes, bands, titles, reference curves), so a redraw
 * hands applyScene the very objects it applied last time and the join skips
 * those subtrees without comparing a single attribute. Scene nodes are never
 * mutated after they are built, which is what makes sharing them safe.
 */
const staticNodes = new Map<string, SvgNode>();
const STATIC_NODES_KEPT = 256;

export function staticNode(key: string, build: () => SvgNode): SvgNode {
  let found = staticNodes.get(key);
  if (!found) {
    found = build();
    // A figure resized many times must not grow this without bound: forget the oldest.
    if (staticNodes.size >= STATIC_NODES_KEPT) staticNodes.delete(staticNodes.keys().next().value!);
    staticNodes.set(key, found);
  }
  return found;
}

export function node(
  tag: SvgTag,
  key: string,
  attrs: Record<string, AttrValue> = {},
  children?: SvgNode[] | string,
): SvgNode {
  return typeof children === "string"
    ? { tag, key, attrs, text: children }
    : { tag, key, attrs, children: children ?? [] };
}

/** Numbers printed short: SVG needs no more than a hundredth of a pixel. */
export function attrText(value: number | string): string {
  if (typeof value === "string") return value;
  return Number.isInteger(value) ? String(value) : String(Math.round(value * 100) / 100);
}

function printAttrs(n: SvgNode): string {
  let out = ` data-key="${escapeXml(n.key)}"`;
  for (const [name, value] of Object.entries(n.attrs ?? {})) {
    if (value === null || value === undefined) continue;
    out += ` ${name}="${escapeXml(attrText(value))}"`;
  }
  return out;
}

/** The scene as SVG markup, for the build-time (JavaScript-free) figure. */
export function sceneToMarkup(n: SvgNode, rootAttrs: Record<string, AttrValue> = {}): string {
  const attrs = n.tag === "svg" ? { xmlns: SVG_NS, ...n.attrs, ...rootAttrs } : n.attrs;
  const open = `<${n.tag}${printAttrs({ ...n, attrs })}>`;
  const inner = n.text !== undefined ? escapeXml(n.text) : (n.children ?? []).map((c) => sceneToMarkup(c)).join("");
  return `${open}${inner}</${n.tag}>`;
}

function setAttrs(el: Element, n: SvgNode): void {
  for (const [name, value] of Object.entries(n.attrs ?? {})) {
    if (value === null || value === undefined) {
      if (el.hasAttribute(name)) el.removeAttribute(name);
      continue;
    }
    const text = attrText(value);
    // Skipping unchanged attributes saves style invalidation on every slider frame.
    if (el.getAttribute(name) !== text) el.setAttribute(name, text);
  }
  if (n.text !== undefined) setText(el, n.text);
}

/**
 * Rewrites a text node in place: textContent would put a new node in the old one's place on every
 * slider frame (the legend's γ label, a figure's readouts), which Chromium then styles and lays out
 * afresh (seen in a trace as "#text removed from layout" and "inserted into tree" once per frame).
 */
export function setText(el: Element, text: string): void {
  const only = el.firstChild;
  if (only && only.nodeType === 3 && only === el.lastChild) {
    if ((only as Text).data !== text) (only as Text).data = text;
  } else if (el.textContent !== text) el.textContent = text;
}

function joinChildren(parent: Element, children: readonly SvgNode[]): void {
  const joined = joinKeyed(
    parent,
    "*",
    children,
    (n) => `${n.tag}:${n.key}`,
    // Elements from the server carry their key in data-key.
    (el) => `${el.localName}:${el.getAttribute("data-key") ?? ""}`,
    (n) => {
      const el = document.createElementNS(SVG_NS, n.tag);
      el.setAttribute("data-key", n.key);
      return el;
    },
  );
  joined.forEach((child, i) => {
    const el = child as Element & { __applied?: SvgNode };
    const d = children[i]!;
    // The very node applied last time (a staticNode): nothing in this subtree can have changed.
    if (el.__applied === d) return;
    el.__applied = d;
    setAttrs(el, d);
    if (d.text === undefined) joinChildren(el, d.children ?? []);
  });
}

/** Applies a scene to a live <svg> in place (the browser half of every chart function). */
export function applyScene(target: SVGSVGElement, scene: SvgNode): void {
  setAttrs(target, scene);
  joinChildren(target, scene.children ?? []);
}
