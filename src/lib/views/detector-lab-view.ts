/**
 * What the detector lab draws from one snapshot, as data: the series of its
 * three curves and its read-outs as text. The component (build time) and the
 * element (browser) both go through here, so they show the same run the same way.
 */
import type { DetectorSnapshot, ModelSnapshot } from "../detector-lab/detector-session";
import { formatNumber, formatPercent } from "../text/format";
import type { CurveSeries } from "./lab-view";

export type DetectorModelId = "ce" | "yours";

export interface DetectorReadout {
  id: DetectorModelId;
  label: string;
  ap: string;
  loss: string;
  easyLossShare: string;
  easyGradShare: string;
}

export interface DetectorView {
  step: number;
  steps: number;
  loss: CurveSeries[];
  easyLoss: CurveSeries[];
  easyGrad: CurveSeries[];
  readouts: DetectorReadout[];
  chance: string;
  imbalance: string;
}

export function detectorModelLabel(id: DetectorModelId, gamma: number, alpha: number | null): string {
  if (id === "ce") return "Cross-entropy";
  return `Focal loss (γ = ${formatNumber(gamma, { notation: "fixed", digits: 1 })}${alpha === null ? "" : `, α = ${formatNumber(alpha, { notation: "fixed", digits: 2 })}`})`;
}

const apText = (ap: number | null) => (ap === null ? "…" : formatNumber(ap, { notation: "fixed", digits: 3 }));

export function detectorView(s: DetectorSnapshot, gamma: number, alpha: number | null): DetectorView {
  const models: [DetectorModelId, ModelSnapshot][] = [
    ["ce", s.ce],
    ["yours", s.focal],
  ];
  const series = (pick: (m: ModelSnapshot) => number[]) =>
    models.map(([id, m]) => ({
      id,
      label: detectorModelLabel(id, gamma, alpha),
      points: pick(m).map((v, i) => [s.atStep[i]!, v] as [number, number]),
    }));
  const last = (values: number[]) => values.at(-1);
  return {
    step: s.step,
    steps: s.steps,
    loss: series((m) => m.loss),
    easyLoss: series((m) => m.easyLossShare),
    easyGrad: series((m) => m.easyGradShare),
    readouts: models.map(([id, m]) => ({
      id,
      label: detectorModelLabel(id, gamma, alpha),
      ap: apText(m.ap),
      loss: last(m.loss) === undefined ? "—" : formatNumber(last(m.loss)!, { digits: 3 }),
      easyLossShare: last(m.easyLossShare) === undefined ? "—" : formatPercent(last(m.easyLossShare)!),
      easyGradShare: last(m.easyGradShare) === undefined ? "—" : formatPercent(last(m.easyGradShare)!),
    })),
    chance: formatNumber(s.chanceAp, { notation: "fixed", digits: 3 }),
    imbalance: `${formatNumber(s.positivesPerScene, { notation: "fixed", digits: 1 })} positive and ${formatNumber(s.negativesPerScene, { notation: "fixed", digits: 0 })} negative anchors`,
  };
}
