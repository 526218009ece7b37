/**
 * How many cases every fast-check property tries: 200 in `npm test` (fast-check
 * draws a new seed each run, so coverage grows run after run), more for a long
 * run with FUZZ_RUNS, e.g. FUZZ_RUNS=5000 npm run test:unit. A property that
 * sets its own smaller count (an expensive one) keeps it.
 */
import fc from "fast-check";
import { FUZZ_RUNS } from "../support/fuzz";

fc.configureGlobal({ numRuns: FUZZ_RUNS });
