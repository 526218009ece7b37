/**
 * How many cases each property test tries: modest by default, so the unit
 * suite stays quick on a shared machine; set FUZZ_RUNS (say 10000) for a
 * deeper search before a release.
 */
const requested = Number(process.env.FUZZ_RUNS ?? 200);
if (!Number.isInteger(requested) || requested < 1)
  throw new Error(`FUZZ_RUNS must be a positive whole number, not ${process.env.FUZZ_RUNS}`);
export const FUZZ_RUNS = requested;
