/**
 * What a key does to a slider's value, for every control on the site that is
 * not a native <input type="range"> (the charts' keyboard readout, the
 * formula's draggable numbers). The keys follow the ARIA slider pattern, as
 * Distill's d-slider does, except that PageDown moves down: d-slider's
 * PageDown adds a page, which its tests never caught.
 */

export interface SliderRange {
  min: number;
  max: number;
  /** one arrow-key step; values land on the grid of steps from min */
  step: number;
}

/** PageUp/PageDown, and Shift with an arrow, move this many steps. */
export const PAGE_STEPS = 10;

/** Steps each key moves; Home and End go to the ends instead. */
const STEPS: Record<string, number> = {
  ArrowRight: 1,
  ArrowUp: 1,
  ArrowLeft: -1,
  ArrowDown: -1,
  PageUp: PAGE_STEPS,
  PageDown: -PAGE_STEPS,
};

/** Whether a slider acts on `key` (an arrow, a page key, Home or End). */
export function isSliderKey(key: string): boolean {
  return key === "Home" || key === "End" || Object.hasOwn(STEPS, key);
}

function decimalsOf(n: number): number {
  const text = String(n);
  const dot = text.indexOf(".");
  return dot < 0 ? 0 : text.length - dot - 1;
}

/** The nearest value on the step grid from min, inside the range, in decimal (0.1 steps give 0.3, not 0.30000000000000004). */
function onGrid(value: number, { min, max, step }: SliderRange): number {
  const snapped = min + Math.round((value - min) / step) * step;
  const rounded = Number(snapped.toFixed(Math.max(decimalsOf(step), decimalsOf(min))));
  return Math.min(max, Math.max(min, rounded));
}

/**
 * The value after pressing `key` at `value`, or undefined when the key is not
 * a slider key (so the caller leaves the event alone). A value off the grid,
 * where a pointer left it, first moves by the key's steps, then lands on the grid.
 */
export function sliderKeyValue(
  key: string,
  value: number,
  range: SliderRange,
  { shift = false } = {},
): number | undefined {
  if (key === "Home") return range.min;
  if (key === "End") return range.max;
  // Own keys only: "toString" is not a slider key, though the table inherits one.
  const steps = Object.hasOwn(STEPS, key) ? STEPS[key] : undefined;
  if (steps === undefined) return undefined;
  const from = Number.isFinite(value) ? value : range.min;
  const multiplier = shift && key.startsWith("Arrow") ? PAGE_STEPS : 1;
  return onGrid(from + steps * multiplier * range.step, range);
}
