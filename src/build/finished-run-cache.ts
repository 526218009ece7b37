/**
 * The build's disk cache of finished detector runs. The two runs chapter 10
 * prints (the default and the one without the prior) are about 30 s of a
 * 55 s build; the checks build the site a second time under a sub-path, and a
 * writer rebuilds it many times, from the same code. A run is a pure function
 * of its settings and of the code in src/lib (which imports nothing from the
 * rest of src/, only d3-ease from node_modules), so a run is kept under a hash
 * of its settings, every file in src/lib, the lockfile and the V8 version, and
 * any change to any of them trains it again. FOCAL_LOSS_RUN_CACHE=off skips it.
 *
 * Importing this module turns the cache on for the build's module graph; the
 * components that read a finished run import it before they render.
 */
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { join, relative } from "node:path";
import { keepFinishedRunsIn, type FinishedRunStore } from "../lib/detector-lab/detector-session";
import { decodeSnapshot, encodeSnapshot, SNAPSHOT_CODEC_VERSION } from "../lib/detector-lab/snapshot-codec";

/** Every file under `dir`, by path, in a fixed order. */
function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name))
    .sort();
}

/** The hash of everything a run's result depends on besides its settings; null when the sources are not at hand. */
export function codeFingerprint(root: string): string | null {
  const lib = join(root, "src", "lib");
  const lockfile = join(root, "package-lock.json");
  if (!existsSync(lib) || !existsSync(lockfile)) return null;
  const hash = createHash("sha256");
  hash.update(`codec ${SNAPSHOT_CODEC_VERSION}\nv8 ${process.versions.v8}\n`);
  for (const file of [...filesUnder(lib), lockfile]) {
    hash.update(`${relative(root, file)}\n`);
    hash.update(readFileSync(file));
  }
  return hash.digest("hex");
}

export function diskRunStore(root: string, dir = join(root, "node_modules", ".cache", "focal-loss", "finished-runs")) {
  const fingerprint = codeFingerprint(root);
  if (!fingerprint) return null;
  const fileOf = (key: string) =>
    join(dir, `${createHash("sha256").update(fingerprint).update(key).digest("hex").slice(0, 32)}.json`);
  const store: FinishedRunStore = {
    read(key) {
      try {
        return decodeSnapshot(readFileSync(fileOf(key), "utf8"));
      } catch {
        return null;
      }
    },
    write(key, snapshot) {
      // Written aside and renamed: a build that reads while another writes sees the whole file or none.
      const file = fileOf(key);
      const aside = `${file}.${process.pid}.tmp`;
      try {
        mkdirSync(dir, { recursive: true });
        writeFileSync(aside, encodeSnapshot(snapshot));
        renameSync(aside, file);
      } catch {
        // A read-only tree only means the next build trains again.
      }
    },
  };
  return store;
}

if (process.env.FOCAL_LOSS_RUN_CACHE !== "off") keepFinishedRunsIn(diskRunStore(process.cwd()));
