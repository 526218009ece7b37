/**
 * The lab's controls: what a change to one of them asks of the state, and the
 * state written back into every control and the Train/Pause button.
 */
import type { LabState } from "../../lib/state/lab-state";
import { parseNumberInput, SEED_FIELD } from "../../lib/state/number-input";
import { formatCount } from "../../lib/views/loss-budget";
import { showFieldError } from "../field-errors";

export type LabChange = Partial<Record<keyof LabState, unknown>>;

/**
 * The change a control reports, or null when it is not one of the lab's
 * controls or holds an invalid seed (shown beside the field; the last good
 * seed keeps the run, as in the calculators).
 */
export function controlChange(root: HTMLElement, t: HTMLInputElement | HTMLSelectElement): LabChange | null {
  // Which control, from data-control: names carry the lab's id, unique on the page.
  switch (t.closest<HTMLElement>("[data-control]")?.dataset.control) {
    case "ratio":
      return { ratio: 10 ** Number(t.value) };
    case "seed": {
      const parsed = parseNumberInput(t.value, SEED_FIELD);
      showFieldError(
        t as HTMLInputElement,
        root.querySelector('[data-error="seed"]'),
        parsed.ok ? null : parsed.message,
      );
      return parsed.ok ? { seed: parsed.value } : null;
    }
    case "loss":
      return { loss: t.value };
    case "gamma":
      return { gamma: Number(t.value) };
    case "alpha":
      return { alpha: Number(t.value) };
    case "prior":
      return { prior: (t as HTMLInputElement).checked };
    case "compare":
      return { compare: (t as HTMLInputElement).checked };
    default:
      return null;
  }
}

/** The input or menu of one control, found by its data-control. */
function field<T extends HTMLInputElement | HTMLSelectElement = HTMLInputElement | HTMLSelectElement>(
  root: HTMLElement,
  control: string,
): T | null {
  return root.querySelector<T>(`[data-control="${control}"] :is(input, select)`);
}

export function syncControls(root: HTMLElement, s: LabState): void {
  const set = (name: string, value: string, text?: string) => {
    const input = field(root, name);
    if (input && document.activeElement !== input) input.value = value;
    const out = root.querySelector(`[data-control="${name}"] output`);
    if (out && text !== undefined) out.textContent = text;
    if (input && text !== undefined) input.setAttribute("aria-valuetext", text);
  };
  set("ratio", String(Math.log10(s.ratio)), `1:${formatCount(s.ratio)}`);
  set("seed", String(s.seed));
  set("loss", s.loss);
  set("gamma", String(s.gamma), s.gamma.toFixed(1));
  set("alpha", String(s.alpha), s.alpha.toFixed(2));
  const prior = field<HTMLInputElement>(root, "prior");
  if (prior) prior.checked = s.prior;
  const compare = field<HTMLInputElement>(root, "compare");
  if (compare) compare.checked = s.compare;
  // γ only matters to focal loss and α not to plain CE: say so rather than hide the sliders.
  field<HTMLInputElement>(root, "gamma")!.disabled = s.loss !== "focal";
  field<HTMLInputElement>(root, "alpha")!.disabled = s.loss === "ce";
}

export function showRunning(root: HTMLElement, running: boolean): void {
  const play = root.querySelector<HTMLButtonElement>('button[data-action="play"]');
  if (play) {
    play.textContent = running ? "Pause" : "Train";
    play.setAttribute("aria-pressed", String(running));
  }
  root.dataset.running = String(running);
}
