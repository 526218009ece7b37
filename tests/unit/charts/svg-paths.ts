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
