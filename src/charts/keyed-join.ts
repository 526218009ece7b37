/**
 * A keyed join of an element's children with a list of data, as d3-selection's
 * `selectChildren().data(d, key).join(...).order()` does it: an element whose
 * key matches a datum is kept (so a redraw updates in place), a missing one is
 * created, the rest are removed, and the kept ones are put in the data's order.
 * Written out because it is the only part of d3-selection the charts used, and
 * its 3.8 KB gzip took the heaviest chapters over their JavaScript budget.
 */
export function joinKeyed<T>(
  parent: Element,
  selector: string,
  items: readonly T[],
  keyOfItem: (d: T) => string,
  keyOfElement: (el: Element) => string,
  create: (d: T) => Element,
): Element[] {
  const existing = new Map<string, Element>();
  for (const el of Array.from(parent.children)) {
    if (!el.matches(selector)) continue;
    const key = keyOfElement(el);
    // A second element with a key already seen has no datum to match (d3 sends it to exit).
    if (existing.has(key)) el.remove();
    else existing.set(key, el);
  }
  const joined: Element[] = [];
  let previous: Element | null = null;
  for (const d of items) {
    const key = keyOfItem(d);
    let el = existing.get(key);
    if (el) existing.delete(key);
    else el = create(d);
    const next: Element | null = previous ? previous.nextElementSibling : parent.firstElementChild;
    if (el !== next) parent.insertBefore(el, next);
    previous = el;
    joined.push(el);
  }
  for (const el of existing.values()) el.remove();
  return joined;
}
