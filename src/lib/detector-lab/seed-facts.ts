/**
 * The chapter's five-seed numbers, read from the file `npm run detector:seeds`
 * writes (scripts/detector-seeds.ts): ten runs to the end would add minutes to
 * every build, so the build trains only the two runs it draws and checks the
 * file against them.
 */
import { DETECTOR_LAB_STATE, type DetectorLabState } from "../state/detector-lab-state";
import { DEFAULT_DETECTOR_STATE, NO_PRIOR_STATE, defaultDetectorRun, noPriorDetectorRun } from "./detector-facts";
import type { DetectorSnapshot } from "./detector-session";
import { summariseSeeds, type SeedOutcome, type SeedSpread } from "./seed-spread";
import seedFile from "./data/seed-spread.json";

interface SeedFileSide {
  state: DetectorLabState;
  outcomes: SeedOutcome[];
}

/**
 * The five-seed spreads of the default run and of its no-prior variant, from
 * the file `npm run detector:seeds` writes. The file's first seed is the run
 * the build trains anyway: if the two disagree, the model or the data changed
 * since the file was written, and the build stops rather than print stale numbers.
 */
function checkedSpread(side: SeedFileSide, expected: DetectorLabState, run: () => DetectorSnapshot): SeedSpread {
  if (!DETECTOR_LAB_STATE.equals(side.state, expected))
    throw new Error("seed-spread.json was made with other settings: run npm run detector:seeds");
  const first = side.outcomes[0];
  const fresh = run();
  if (!first || first.seed !== expected.seed || first.ce !== fresh.ce.ap || first.focal !== fresh.focal.ap)
    throw new Error(
      "seed-spread.json is stale (its first seed differs from the build's run): run npm run detector:seeds",
    );
  return summariseSeeds(side.outcomes);
}

export function defaultSeedSpread(): SeedSpread {
  return checkedSpread(seedFile.prior as SeedFileSide, DEFAULT_DETECTOR_STATE, defaultDetectorRun);
}

export function noPriorSeedSpread(): SeedSpread {
  return checkedSpread(seedFile.noPrior as SeedFileSide, NO_PRIOR_STATE, noPriorDetectorRun);
}
