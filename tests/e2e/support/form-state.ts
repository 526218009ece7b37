/**
 * A form's fields as the reader left them, and putting them back: the tests
 * that share one page (shared-page.ts) start each case from the state the page
 * opened in, the way a reader would undo their edits, rather than reloading.
 */
import type { Page } from "@playwright/test";

export interface FieldState {
  /** the nth element matched by the selector */
  index: number;
  type: string;
  value: string;
  checked: boolean;
}

/** Every field matched by `selector` (e.g. "loss-calculator [data-input]"), in document order. */
export function fieldStates(page: Page, selector: string): Promise<FieldState[]> {
  return page.locator(selector).evaluateAll((els) =>
    els.map((el, index) => {
      const input = el as HTMLInputElement;
      return { index, type: input.type, value: input.value, checked: input.checked };
    }),
  );
}

/**
 * Types or ticks back every field that differs from `saved`: boxes and radios
 * first (a box can switch the field after it on or off), then the values.
 */
export async function restoreFields(page: Page, selector: string, saved: FieldState[]): Promise<void> {
  const now = await fieldStates(page, selector);
  const fields = page.locator(selector);
  const checkable = (f: FieldState) => f.type === "checkbox" || f.type === "radio";
  for (const f of saved.filter(checkable)) {
    if (now[f.index]!.checked !== f.checked && (f.type === "checkbox" || f.checked))
      await fields.nth(f.index).setChecked(f.checked);
  }
  for (const f of saved.filter((s) => !checkable(s))) {
    if (now[f.index]!.value !== f.value) await fields.nth(f.index).fill(f.value);
  }
}
