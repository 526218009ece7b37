/** Reads the project's own reference files (tests/reference/), written by scripts/reference/*.py. */
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

const dir = fileURLToPath(new URL("../reference/", import.meta.url));

export function loadLocalReference<T>(file: string): T {
  return JSON.parse(readFileSync(dir + file, "utf8")) as T;
}

export { FUZZ_RUNS } from "./fuzz";
