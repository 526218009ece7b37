/**
 * The paper's Table 1d (Lin et al. 2017): focal loss against two OHEM
 * baselines on RetinaNet with ResNet-101-FPN, COCO AP on minival. Measurements,
 * kept as data.
 */
export interface OhemRow {
  method: "OHEM" | "OHEM 1:3" | "FL";
  /** minibatch size; null for FL, which uses every anchor */
  batchSize: number | null;
  /** NMS threshold; null for FL */
  nms: number | null;
  ap: number;
  ap50: number;
  ap75: number;
}

export const TABLE_1D_SOURCE = "Table 1d (FL vs. OHEM baselines, with ResNet-101-FPN)";

export const TABLE_1D: readonly OhemRow[] = [
  { method: "OHEM", batchSize: 128, nms: 0.7, ap: 31.1, ap50: 47.2, ap75: 33.2 },
  { method: "OHEM", batchSize: 256, nms: 0.7, ap: 31.8, ap50: 48.8, ap75: 33.9 },
  { method: "OHEM", batchSize: 512, nms: 0.7, ap: 30.6, ap50: 47.0, ap75: 32.6 },
  { method: "OHEM", batchSize: 128, nms: 0.5, ap: 32.8, ap50: 50.3, ap75: 35.1 },
  { method: "OHEM", batchSize: 256, nms: 0.5, ap: 31.0, ap50: 47.4, ap75: 33.0 },
  { method: "OHEM", batchSize: 512, nms: 0.5, ap: 27.6, ap50: 42.0, ap75: 29.2 },
  { method: "OHEM 1:3", batchSize: 128, nms: 0.5, ap: 31.1, ap50: 47.2, ap75: 33.2 },
  { method: "OHEM 1:3", batchSize: 256, nms: 0.5, ap: 28.3, ap50: 42.4, ap75: 30.3 },
  { method: "OHEM 1:3", batchSize: 512, nms: 0.5, ap: 24.0, ap50: 35.5, ap75: 25.8 },
  { method: "FL", batchSize: null, nms: null, ap: 36.0, ap50: 54.9, ap75: 38.7 },
];

/** The best OHEM row of the table (highest AP) and FL's row. */
export function bestOhem(rows: readonly OhemRow[] = TABLE_1D): OhemRow {
  return rows.filter((r) => r.method !== "FL").reduce((a, b) => (b.ap > a.ap ? b : a));
}

export function focalRow(rows: readonly OhemRow[] = TABLE_1D): OhemRow {
  const fl = rows.find((r) => r.method === "FL");
  if (!fl) throw new Error("Table 1d has no FL row");
  return fl;
}
