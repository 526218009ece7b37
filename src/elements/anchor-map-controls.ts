/**
 * The anchor map's form controls: the selects and sliders send patches to the
 * store, the buttons ask to add or remove a box, and a redraw writes the state
 * back into them (a control the reader is holding is left alone).
 */
import { formatNumber } from "../lib/text/format";
import type { AnchorMapState } from "../lib/state/anchor-map-state";

type Patch = Partial<Record<keyof AnchorMapState, unknown>>;

const SELECTS = ["level", "loss", "ohem"] as const;
const SLIDERS = ["gamma", "alpha"] as const;

export class AnchorMapControls {
  private readonly root: HTMLElement;

  constructor(root: HTMLElement, actions: { patch: (p: Patch) => void; add: () => void; remove: () => void }) {
    this.root = root;
    const box = root.querySelector<HTMLElement>("[data-controls]");
    if (box) box.hidden = false;
    for (const name of SELECTS)
      this.control<HTMLSelectElement>(name)?.addEventListener("change", (e) =>
        actions.patch({ [name]: (e.target as HTMLSelectElement).value }),
      );
    for (const name of SLIDERS)
      this.control<HTMLInputElement>(name)?.addEventListener("input", (e) =>
        actions.patch({ [name]: Number((e.target as HTMLInputElement).value) }),
      );
    root.querySelector('[data-action="add"]')?.addEventListener("click", actions.add);
    root.querySelector('[data-action="remove"]')?.addEventListener("click", actions.remove);
  }

  control<T extends HTMLElement>(name: string): T | null {
    return this.root.querySelector<T>(`[data-control="${name}"]`);
  }

  /** The class chosen for a new box. */
  newClass(): number {
    return Number(this.control<HTMLSelectElement>("new-class")?.value ?? 0);
  }

  showError(message: string): void {
    const el = this.root.querySelector<HTMLElement>("[data-error]");
    if (!el) return;
    if (el.textContent !== message) el.textContent = message;
    // Called on every drag step: an attribute write, even of the same value, costs the frame a style pass.
    if (el.hidden !== (message === "")) el.hidden = message === "";
  }

  sync(state: AnchorMapState): void {
    for (const name of SELECTS) {
      const el = this.control<HTMLSelectElement>(name);
      if (el && el.value !== state[name]) el.value = state[name];
    }
    for (const name of SLIDERS) {
      const el = this.control<HTMLInputElement>(name);
      const value = String(state[name]);
      if (el && el.value !== value && document.activeElement !== el) el.value = value;
      const out = this.root.querySelector(`[data-output="${name}"]`);
      const text = formatNumber(state[name], { notation: "fixed", digits: name === "gamma" ? 1 : 2 });
      if (out && out.textContent !== text) out.textContent = text;
    }
    const remove = this.root.querySelector<HTMLButtonElement>('[data-action="remove"]');
    if (remove) remove.disabled = state.boxes.length === 0;
  }
}
