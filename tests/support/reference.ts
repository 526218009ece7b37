/** Reads the shared reference values (../shared/reference) that the tests hold the module to. */
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

export const referenceDir = fileURLToPath(new URL("../../../shared/reference/", import.meta.url));

/** JSON with the non-finite values the reference writes as strings turned back into numbers. */
export function loadReference<T>(file: string): T {
  const text = readFileSync(referenceDir + file, "utf8");
  return JSON.parse(text, (_key, value) => {
    if (value === "Infinity") return Infinity;
    if (value === "-Infinity") return -Infinity;
    if (value === "NaN") return NaN;
    return value;
  }) as T;
}

/** Relative error, with an absolute floor for values that underflow towards 0. */
export function relativeError(actual: number, expected: number, absFloor = 1e-300): number {
  if (actual === expected) return 0;
  if (!Number.isFinite(expected) || !Number.isFinite(actual)) return Infinity;
  const diff = Math.abs(actual - expected);
  if (Math.abs(expected) <= absFloor) return diff <= absFloor ? 0 : Infinity;
  return diff / Math.abs(expected);
}
