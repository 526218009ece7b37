/**
 * The paper's Figure 4 for the reader's boxes and γ: the loss CDFs of the
 * positive and the negative terms for Figure 4's γ values and for the
 * reader's own. The terms are sorted by loss once per set of boxes
 * (termsByLoss serves every γ), so a new γ costs one pass over them.
 */
import { assignAnchors, type GroundTruth } from "./assignment";
import type { DetectorSetup } from "./detector-view";
import { FIGURE4_GAMMAS, lossCdfsAt, termsByLoss, trainingTerms, type LossCdfs, type TermsByLoss } from "./loss-map";
import { modelLogits } from "./score-model";

export interface LossCdfView {
  /** Figure 4's γ values, in order */
  reference: LossCdfs[];
  /** the reader's γ */
  reader: LossCdfs;
}

export class LiveLossCdf {
  private readonly setup: DetectorSetup;
  private boxesKey = "";
  private sorted: TermsByLoss | null = null;
  private reference: LossCdfs[] = [];

  constructor(setup: DetectorSetup) {
    this.setup = setup;
  }

  update(objects: readonly GroundTruth[], gamma: number): LossCdfView {
    const key = JSON.stringify(objects);
    if (!this.sorted || key !== this.boxesKey) {
      const { anchors, base, model, classes } = this.setup;
      const assignment = assignAnchors(anchors, objects, classes);
      const sorted = termsByLoss(trainingTerms(assignment, objects, modelLogits(assignment, base, model)));
      this.sorted = sorted;
      this.boxesKey = key;
      this.reference = FIGURE4_GAMMAS.map((g) => lossCdfsAt(sorted, g));
    }
    const same = this.reference.find((c) => c.gamma === gamma);
    return { reference: this.reference, reader: same ?? lossCdfsAt(this.sorted, gamma) };
  }
}
