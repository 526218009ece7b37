/**
 * Trains the detector lab's default run and its no-prior variant on five seeds
 * each and writes every model's held-out AP to
 * src/lib/detector-lab/data/seed-spread.json, which the chapter's prose and the
 * figure's "5 seeds" table read at build time (training 10 runs at build time
 * would take minutes). The build checks the file's first seed against the run
 * it trains anyway, so a file left stale by a change to the model fails the build.
 *
 *   npm run detector:seeds
 *   DETECTOR_SEEDS_PART=prior npm run detector:seeds     (or noPrior: that half only, the other kept from the file)
 */
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { DEFAULT_DETECTOR_STATE, NO_PRIOR_STATE } from "../src/lib/detector-lab/detector-facts";
import { runSeed, spreadSeeds } from "../src/lib/detector-lab/seed-spread";
import type { DetectorLabState } from "../src/lib/state/detector-lab-state";

const OUT = "src/lib/detector-lab/data/seed-spread.json";

function spread(state: DetectorLabState) {
  return {
    state,
    outcomes: spreadSeeds(state.seed).map((seed) => {
      const start = performance.now();
      const outcome = runSeed(state, seed);
      console.error(
        `seed ${seed} (prior ${state.prior}): ${JSON.stringify(outcome)} in ${Math.round(performance.now() - start)} ms`,
      );
      return outcome;
    }),
  };
}

const part = process.env.DETECTOR_SEEDS_PART;
const previous = existsSync(OUT) ? JSON.parse(readFileSync(OUT, "utf8")) : {};
const result = {
  generatedBy: "npm run detector:seeds",
  prior: part === "noPrior" ? previous.prior : spread(DEFAULT_DETECTOR_STATE),
  noPrior: part === "prior" ? previous.noPrior : spread(NO_PRIOR_STATE),
};
writeFileSync(OUT, `${JSON.stringify(result, null, 2)}\n`);
console.error(`wrote ${OUT}`);
