/**
 * Results reported in Lin et al., "Focal Loss for Dense Object Detection"
 * (ICCV 2017, arXiv:1708.02002), Table 1: ablations of RetinaNet on COCO
 * (ResNet-50-FPN backbone, 600-pixel images, results on the minival split).
 * These are measurements, not something the loss-math module can compute, so
 * they are kept here as data, each with the table it comes from.
 */

export interface PaperTableSource {
  /** the table in the paper, as it labels it */
  table: string;
  /** what the table varies, in our words */
  description: string;
}

/** Table 1a: α-balanced cross-entropy (γ = 0), COCO AP for each α. */
export interface AlphaRow {
  alpha: number;
  ap: number;
}

/** Table 1b: focal loss with, for each γ, the α that worked best; COCO AP. */
export interface GammaRow {
  gamma: number;
  alpha: number;
  ap: number;
}

export const TABLE_1A: PaperTableSource = {
  table: "Table 1a",
  description: "α-balanced cross-entropy (γ = 0), varying α",
};

export const TABLE_1B: PaperTableSource = {
  table: "Table 1b",
  description: "focal loss, varying γ, each with its best α",
};

export const balancedCeByAlpha: readonly AlphaRow[] = [
  { alpha: 0.1, ap: 0.0 },
  { alpha: 0.25, ap: 10.8 },
  { alpha: 0.5, ap: 30.2 },
  { alpha: 0.75, ap: 31.1 },
  { alpha: 0.9, ap: 30.8 },
  { alpha: 0.99, ap: 28.7 },
  { alpha: 0.999, ap: 25.1 },
];

export const focalLossByGamma: readonly GammaRow[] = [
  { gamma: 0, alpha: 0.75, ap: 31.1 },
  { gamma: 0.1, alpha: 0.75, ap: 31.4 },
  { gamma: 0.2, alpha: 0.75, ap: 31.9 },
  { gamma: 0.5, alpha: 0.5, ap: 32.9 },
  { gamma: 1, alpha: 0.25, ap: 33.7 },
  { gamma: 2, alpha: 0.25, ap: 34.0 },
  { gamma: 5, alpha: 0.25, ap: 32.2 },
];

/** The row with the highest AP (the first one, if two tie). */
export function bestRow<T extends { ap: number }>(rows: readonly T[]): T {
  if (rows.length === 0) throw new RangeError("no rows");
  return rows.reduce((best, r) => (r.ap > best.ap ? r : best));
}

/** A number as the paper prints it in Table 1: ".25", ".999", "0" (no leading zero below 1). */
export function paperDecimal(value: number): string {
  if (value === 0) return "0";
  const text = String(value);
  return value > 0 && value < 1 ? text.replace(/^0/, "") : text;
}

export const paperBibtex = `@inproceedings{lin2017focal,
  title         = {Focal Loss for Dense Object Detection},
  author        = {Lin, Tsung-Yi and Goyal, Priya and Girshick, Ross and He, Kaiming and Doll{\\'a}r, Piotr},
  booktitle     = {Proceedings of the IEEE International Conference on Computer Vision (ICCV)},
  pages         = {2980--2988},
  year          = {2017},
  eprint        = {1708.02002},
  archivePrefix = {arXiv},
  primaryClass  = {cs.CV}
}`;
