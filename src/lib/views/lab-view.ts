/**
 * Everything the lab draws from one snapshot, as data: the series for each
 * chart and the read-outs as text. The component (build time) and the element
 * (browser) both go through here, so they show the same thing for the same run.
 */
import type { LabSnapshot, ModelId, ModelSnapshot } from "../lab/lab-run";
import { lossParams, type LossChoice, type ModelState } from "../lab/trainer";
import type { CdfPoint, PrPoint } from "../math/metrics";
import { formatNumber } from "../text/format";
import { lossName } from "./loss-budget";

/** One model's training loss: [step, loss] pairs. */
export interface CurveSeries {
  id: string;
  label: string;
  points: readonly [number, number][];
}

/** One model's precision against recall on the held-out points. */
export interface PrSeries {
  id: string;
  label: string;
  points: readonly PrPoint[];
}

/** One model, whose decision boundary is drawn. */
export interface BoundarySeries {
  id: string;
  label: string;
  model: ModelState;
}

/** The cumulative share of the loss for one γ. */
export interface CdfSeries {
  gamma: number;
  points: readonly CdfPoint[];
  /** the reader's own γ, drawn in the reader's colour over the reference curves */
  reader?: boolean;
}

/** The loss a lab model trains with, named as the loss budget names it. */
export function choiceLabel(choice: LossChoice): string {
  return lossName(choice.kind, lossParams(choice));
}

export function modelLabel(m: Pick<ModelSnapshot, "id" | "choice">): string {
  return m.id === "ce" ? "Cross-entropy (side by side)" : `Your model: ${choiceLabel(m.choice)}`;
}

export interface LabView {
  step: string;
  curves: CurveSeries[];
  pr: PrSeries[] | null;
  boundaries: BoundarySeries[];
  cdf: { positives: CdfSeries[]; negatives: CdfSeries[] } | null;
  readouts: { id: ModelId; label: string; ap: string; loss: string }[];
  chance: string;
}

const ap = (m: ModelSnapshot) =>
  m.diverged ? "diverged" : m.ap === null ? "…" : formatNumber(m.ap, { notation: "fixed", digits: 3 });
const lastLoss = (m: ModelSnapshot) => {
  const last = m.history.at(-1);
  if (!last) return "—";
  return formatNumber(last[1], { notation: "significant", digits: 3 });
};

export function labView(s: LabSnapshot): LabView {
  return {
    step: String(s.step),
    curves: s.models.map((m) => ({ id: m.id, label: modelLabel(m), points: m.history })),
    pr: s.models.every((m) => m.pr !== null || m.diverged)
      ? s.models.filter((m) => m.pr !== null).map((m) => ({ id: m.id, label: modelLabel(m), points: m.pr! }))
      : null,
    boundaries: s.models.filter((m) => !m.diverged).map((m) => ({ id: m.id, label: modelLabel(m), model: m.model })),
    cdf: s.cdf
      ? {
          positives: s.cdf.map((c) => ({ gamma: c.gamma, points: c.positives })),
          negatives: s.cdf.map((c) => ({ gamma: c.gamma, points: c.negatives })),
        }
      : null,
    readouts: s.models.map((m) => ({ id: m.id, label: modelLabel(m), ap: ap(m), loss: lastLoss(m) })),
    chance: formatNumber(s.chanceAp, { notation: "significant", digits: 2 }),
  };
}
