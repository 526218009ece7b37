/** Helpers for reading chart markup in Node: find an element by its data-key and sample its path. */

/** The attributes of the first element with this tag and data-key inside the markup (after `within`, if given). */
export function attrsOf(markup: string, tag: string, key: string, within?: string): Record<string, string> {
  const start = within ? markup.indexOf(`data-key="${within}"`) : 0;
  if (start < 0) throw new Error(`no element with data-key="${within}"`);
  const re = new RegExp(`<${tag} data-key="${key}"([^>]*)>`, "g");
  re.lastIndex = start;
  const match = re.exec(markup);
  if (!match) throw new Error(`no <${tag} data-key="${key}">`);
  const attrs: Record<string, string> = {};
  for (const [, name, value] of match[1]!.matchAll(/([\w:-]+)="([^"]*)"/g)) attrs[name!] = value!;
  return attrs;
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
    if (!(error <= slack)) throw new Error(`vertex (${px}, ${py}) is ${error} px from the curve at x=${xv} (allowed ${slack})`);
    compared++;
  }
  return compared;
}
