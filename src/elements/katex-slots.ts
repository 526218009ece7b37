/**
 * Changes the numbers in formulas KaTeX typeset at build time, without KaTeX.
 *
 * A template marks each number with \htmlData{slot=…, shape=…}. KaTeX's HTML
 * for a run of digits is one `.mord` span whose size the browser works out
 * from the text, so a new number in the same shape is a text change. A number
 * that changes shape (0.0513 → 3.2058 × 10⁻⁵) gets a clone of a fragment
 * KaTeX typeset in that shape at build time, with its digits changed. Digits,
 * ∞ and the minus sign all sit within the heights KaTeX measured for the
 * fragment, so its vertical layout stays right; only the line's strut (the
 * invisible span that sets the line height) is raised to fit the new shape.
 */
import type { NumberParts } from "../lib/text/format";
import type { SlotShape } from "../lib/views/loss-steps";

export type Fragments = Record<SlotShape, Element>;

/** The fragment elements (the slot spans) from their typeset HTML, read once. */
export function readFragments(root: ParentNode): Fragments | null {
  const get = (shape: SlotShape) =>
    root.querySelector(`template[data-fragment="${shape}"]`) as HTMLTemplateElement | null;
  const out: Partial<Fragments> = {};
  for (const shape of ["plain", "sci", "sci-group"] as const) {
    const slot = get(shape)?.content.querySelector("[data-slot]");
    if (!slot) return null;
    out[shape] = slot;
  }
  return out as Fragments;
}

function mantissaText(parts: NumberParts): string {
  const sign = parts.negative ? "\u2212" : "";
  return sign + parts.mantissa;
}

/** em values from a KaTeX strut's inline style: total height and depth below the baseline. */
function strutMetrics(strut: HTMLElement): { height: number; depth: number } {
  const total = parseFloat(strut.style.height) || 0;
  const depth = -(parseFloat(strut.style.verticalAlign) || 0);
  return { height: total - depth, depth };
}

function fitStrut(slot: Element, fragment: Element): void {
  const base = slot.closest(".base");
  const strut = base?.querySelector(":scope > .strut") as HTMLElement | null;
  const fragmentStrut = fragment.closest(".base")?.querySelector(":scope > .strut") as HTMLElement | null;
  if (!strut || !fragmentStrut) return;
  const have = strutMetrics(strut);
  const need = strutMetrics(fragmentStrut);
  const height = Math.max(have.height, need.height);
  const depth = Math.max(have.depth, need.depth);
  strut.style.height = `${(height + depth).toFixed(4)}em`;
  if (depth > 0) strut.style.verticalAlign = `${(-depth).toFixed(4)}em`;
}

/**
 * Puts a number into a slot: same shape, new digits; other shape, a fresh
 * fragment. The spacing KaTeX put at the end of the slot (before the next
 * operator) stays.
 */
export function fillSlot(slot: HTMLElement, parts: NumberParts, shape: SlotShape, fragments: Fragments): void {
  if (slot.dataset.shape !== shape) {
    const trailing = slot.lastElementChild?.classList.contains("mspace") ? slot.lastElementChild : null;
    const fragment = fragments[shape];
    const children = [...fragment.children].map((c) => c.cloneNode(true));
    slot.replaceChildren(...children, ...(trailing ? [trailing] : []));
    slot.dataset.shape = shape;
    fitStrut(slot, fragment);
  }
  // The first digit run is the number (after "(" in a group); the exponent sits in the superscript.
  const mantissa = slot.querySelector(":scope > .mord, .mord");
  if (mantissa) mantissa.textContent = parts.infinite ? `${parts.negative ? "\u2212" : ""}∞` : mantissaText(parts);
  if (parts.exponent !== null) {
    const exponent = slot.querySelector(".msupsub .sizing > .mord");
    if (exponent) exponent.textContent = parts.exponent < 0 ? `\u2212${-parts.exponent}` : String(parts.exponent);
  }
}
