/**
 * A trained lab run as chapter 6's loss map reads it: the run's settings and
 * the two models' logits on the run's first held-out scene (the scene the lab
 * draws its loss maps on), as one line of text. The lab writes it to the
 * browser's storage when a run stops; the build writes the default run's into
 * the page. The scene itself is not stored: it is made again from the seed.
 *
 * The logits are the network's own 32-bit floats, base64-encoded, so the map
 * scores exactly what the lab trained. Whatever is read back is checked like
 * URL input (storage can hold anything: an older format, a hand edit, another
 * site's tests): a wrong version, a setting out of range, a wrong length or a
 * non-finite logit rejects the record with a message, never a NaN on the page.
 */
import { DETECTOR_LAB_STATE, DETECTOR_STEPS, type DetectorLabState } from "../state/detector-lab-state";
import type { DetectorSnapshot } from "./detector-session";
import { ANCHOR_COUNT } from "./anchor-grid";
import { OBJECT_CLASSES } from "./scenes";
import { base64ToFloats, floatsToBase64 } from "../text/float-base64";

/** The browser-storage key; one run is kept, the last one to stop. */
export const TRAINED_RUN_KEY = "focal-loss.trained-detector";
export const TRAINED_RUN_VERSION = 1;
/** Logits per model: K per anchor, anchor-major (anchor n, class k at n·K + k). */
export const TRAINED_LOGIT_COUNT = ANCHOR_COUNT * OBJECT_CLASSES.length;
/** Longer text than a record can be is rejected before it is parsed. */
const MAX_TEXT = 64 * 1024;

export type TrainedModel = "ce" | "focal";

export interface TrainedRun {
  seed: number;
  /** the focal model's γ and α (the CE model has neither) */
  gamma: number;
  alpha: number;
  /** whether the heads started at the prior π = 0.01 */
  prior: boolean;
  /** steps trained when the run stopped, and the steps it was set to */
  steps: number;
  planned: number;
  /** when the run stopped (ms since 1970); null for the build's default run */
  savedAt: number | null;
  logits: Record<TrainedModel, Float32Array>;
}

export type ParsedRun = { ok: true; run: TrainedRun } | { ok: false; message: string };

export function encodeTrainedRun(run: TrainedRun): string {
  return JSON.stringify({
    v: TRAINED_RUN_VERSION,
    seed: run.seed,
    gamma: run.gamma,
    alpha: run.alpha,
    prior: run.prior,
    steps: run.steps,
    planned: run.planned,
    savedAt: run.savedAt,
    ce: floatsToBase64(run.logits.ce),
    focal: floatsToBase64(run.logits.focal),
  });
}

const fields = DETECTOR_LAB_STATE.fields;
/** A setting is valid when the lab's own field table keeps it as it is (in range, on the slider's grid). */
const keeps = (field: { coerce(v: unknown): unknown }, v: unknown) => typeof v === "number" && field.coerce(v) === v;
const maxSteps = Math.max(...DETECTOR_STEPS);

/** The record in `text`, or why it cannot be used. Never throws. */
export function parseTrainedRun(text: string | null | undefined): ParsedRun {
  const bad = (why: string): ParsedRun => ({ ok: false, message: `The stored run cannot be used (${why})` });
  if (text === null || text === undefined || text === "") return { ok: false, message: "No run is stored." };
  if (text.length > MAX_TEXT) return bad("it is too long");
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return bad("it is not a record this site wrote");
  }
  if (!data || typeof data !== "object" || Array.isArray(data)) return bad("it is not a record this site wrote");
  const r = data as Record<string, unknown>;
  if (r.v !== TRAINED_RUN_VERSION) return bad("it was written by another version of this page");
  if (!keeps(fields.seed, r.seed)) return bad("its seed is out of range");
  if (!keeps(fields.gamma, r.gamma)) return bad("its γ is out of range");
  if (!keeps(fields.alpha, r.alpha)) return bad("its α is out of range");
  if (typeof r.prior !== "boolean") return bad("its prior setting is missing");
  const planned = r.planned;
  if (typeof planned !== "number" || !(DETECTOR_STEPS as readonly number[]).includes(planned))
    return bad("its number of steps is not one the lab offers");
  const steps = r.steps;
  if (typeof steps !== "number" || !Number.isInteger(steps) || steps < 1 || steps > Math.min(planned, maxSteps))
    return bad("its steps trained are out of range");
  const savedAt = r.savedAt;
  if (savedAt !== null && (typeof savedAt !== "number" || !Number.isFinite(savedAt) || savedAt < 0))
    return bad("its time is not a time");
  const ce = typeof r.ce === "string" ? base64ToFloats(r.ce, TRAINED_LOGIT_COUNT) : null;
  const focal = typeof r.focal === "string" ? base64ToFloats(r.focal, TRAINED_LOGIT_COUNT) : null;
  if (!ce || !focal) return bad(`its logits are not ${TRAINED_LOGIT_COUNT} numbers per model`);
  if (![ce, focal].every((a) => a.every(Number.isFinite))) return bad("some of its logits are not finite numbers");
  return {
    ok: true,
    run: {
      seed: r.seed as number,
      gamma: r.gamma as number,
      alpha: r.alpha as number,
      prior: r.prior,
      steps,
      planned,
      savedAt,
      logits: { ce, focal },
    },
  };
}

/** "seed 3, γ 2.0, α 0.25, prior on, 200 steps" (or "37 of 200 steps" for a run paused on the way). */
export function runSettingsText(run: TrainedRun): string {
  const steps = run.steps === run.planned ? `${run.steps} steps` : `${run.steps} of ${run.planned} steps`;
  return `seed ${run.seed}, γ ${run.gamma.toFixed(1)}, α ${run.alpha.toFixed(2)}, prior ${run.prior ? "on" : "off"}, ${steps}`;
}

/** The record of a lab run as it stands in a snapshot (the lab's state gives the settings it was trained with). */
export function runFromSnapshot(
  state: DetectorLabState,
  snapshot: Pick<DetectorSnapshot, "step" | "steps"> & {
    ce: { logits: Float32Array };
    focal: { logits: Float32Array };
  },
  savedAt: number | null,
): TrainedRun {
  return {
    seed: state.seed,
    gamma: state.gamma,
    alpha: state.alpha,
    prior: state.prior,
    steps: snapshot.step,
    planned: snapshot.steps,
    savedAt,
    logits: { ce: snapshot.ce.logits.slice(), focal: snapshot.focal.logits.slice() },
  };
}
