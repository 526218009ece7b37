/** Helpers for reading chart scenes in Node: find a node by its key, collect its text, sample its path, snapshot it. */
import { sceneToMarkup, type SvgNode } from "../../../src/charts/scene";

/** The first node with this tag and key, depth first (inside the node keyed `within`, if given); throws when there is none. */
export function nodeAt(scene: SvgNode, tag: string, key: string, within?: string): SvgNode {
  const root = within ? find(scene, (n) => n.key === within) : scene;
  if (!root) throw new Error(`no node keyed ${within}`);
  const found = find(root, (n) => n.tag === tag && n.key === key);
  if (!found) throw new Error(`no <${tag}> keyed ${key}${within ? ` in ${within}` : ""}`);
  return found;
}

/** The first node, depth first, that passes the test. */
export function find(scene: SvgNode, test: (n: SvgNode) => boolean): SvgNode | undefined {
  if (test(scene)) return scene;
  for (const child of scene.children ?? []) {
    const found = find(child, test);
    if (found) return found;
  }
  return undefined;
}

/** Every node, depth first. */
export function allNodes(scene: SvgNode): SvgNode[] {
  return [scene, ...(scene.children ?? []).flatMap(allNodes)];
}

/** A node's attributes as the printed text of each (what the SVG would say). */
export function attrsOf(scene: SvgNode, tag: string, key: string, within?: string): Record<string, string> {
  const attrs: Record<string, string> = {};
  for (const [name, value] of Object.entries(nodeAt(scene, tag, key, within).attrs ?? {}))
    if (value !== null && value !== undefined) attrs[name] = String(value);
  return attrs;
}

/** The text content of every text-bearing node, in order. */
export function textsOf(scene: SvgNode): string[] {
  return allNodes(scene).flatMap((n) => (n.text !== undefined ? [n.text] : []));
}

/** The scene as the SVG the site prints, one element per line, for a committed snapshot that diffs readably. */
export function snapshotSvg(scene: SvgNode): string {
  return `${sceneToMarkup(scene).replace(/></g, ">\n<")}\n`;
}

/** The vertices of an M/L path, split into subpaths at each M. */
export function subpaths(d: string): Array<Array<[number, number]>> {
  const out: Array<Array<[number, number]>> = [];
  for (const [, cmd, x, y] of d.matchAll(/([ML])\s*(-?[\d.]+(?:e-?\d+)?)[ ,](-?[\d.]+(?:e-?\d+)?)/g)) {
    if (cmd === "M") out.push([]);
    out.at(-1)!.push([Number(x), Number(y)]);
  }
  return out;
}

interface Scale {
  (v: number): number;
  invert(px: number): number;
}

/**
 * Checks every vertex of a path against the function it should draw: the
 * vertex's x, inverted through the x scale, must give the vertex's y through
 * the y scale, within the 0.01 px the path is printed at (plus what 0.02 px of
 * x error does on a steep curve). Vertices on the plot's top or bottom edge,
 * where a curve is cut, lie on a chord and are skipped. Returns how many were compared.
 */
export function comparePathToFunction(
  d: string,
  fn: (x: number) => number,
  x: Scale,
  y: Scale,
  edges: { top: number; bottom: number },
  clampX?: [number, number],
): number {
  let compared = 0;
  for (const [px, py] of subpaths(d).flat()) {
    if (py < edges.top - 0.01 || py > edges.bottom + 0.01) throw new Error(`vertex outside the plot at y=${py}`);
    if (Math.abs(py - edges.top) < 0.02 || Math.abs(py - edges.bottom) < 0.02) continue;
    const clamp = (v: number) => (clampX ? Math.min(clampX[1], Math.max(clampX[0], v)) : v);
    const xv = clamp(x.invert(px));
    const dx = Math.abs(x.invert(px + 0.02) - x.invert(px));
    const slack = 0.02 + Math.abs(y(fn(clamp(xv + dx))) - y(fn(xv)));
    const error = Math.abs(y(fn(xv)) - py);
    if (!(error <= slack))
      throw new Error(`vertex (${px}, ${py}) is ${error} px from the curve at x=${xv} (allowed ${slack})`);
    compared++;
  }
  return compared;
}

/** Every attribute or text in the scene that would print as NaN, undefined or Infinity ("key.attr = value"). */
export function badValues(scene: SvgNode): string[] {
  const bad: string[] = [];
  for (const n of allNodes(scene)) {
    for (const [name, value] of Object.entries(n.attrs ?? {})) {
      if (typeof value === "number" ? !Number.isFinite(value) : /NaN|undefined|Infinity/.test(String(value ?? "")))
        bad.push(`${n.key}.${name} = ${value}`);
    }
    if (n.text !== undefined && /NaN|undefined|Infinity/.test(n.text)) bad.push(`${n.key} text = ${n.text}`);
  }
  return bad;
}
