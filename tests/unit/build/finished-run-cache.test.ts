import { cpSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { codeFingerprint, diskRunStore } from "../../../src/build/finished-run-cache";
import { DETECTOR_LAB_STATE } from "../../../src/lib/state/detector-lab-state";
import { DetectorSession, finishedRun, keepFinishedRunsIn } from "../../../src/lib/detector-lab/detector-session";

const roots: string[] = [];
/** A copy of the project's inputs to a run: src/lib and the lockfile. */
function projectCopy(): string {
  const root = mkdtempSync(join(tmpdir(), "run-cache-"));
  roots.push(root);
  cpSync("src/lib", join(root, "src", "lib"), { recursive: true });
  cpSync("package-lock.json", join(root, "package-lock.json"));
  return root;
}
afterEach(() => {
  keepFinishedRunsIn(null);
  for (const root of roots.splice(0)) rmSync(root, { recursive: true, force: true });
});

/** Snapshots a few steps into a run, each trained once. */
const snapshots = new Map<number, ReturnType<DetectorSession["snapshot"]>>();
function snapshotAt(steps: number) {
  let snap = snapshots.get(steps);
  if (!snap) {
    const session = new DetectorSession({ ...DETECTOR_LAB_STATE.defaults, steps: 100 as const });
    session.advance(steps);
    snap = session.snapshot(true);
    snapshots.set(steps, snap);
  }
  return snap;
}

describe("the build's disk cache of finished runs", () => {
  it("gives back what was kept under the same key, and nothing under another", () => {
    const store = diskRunStore(projectCopy())!;
    const snap = snapshotAt(2);
    expect(store.read("a")).toBeNull();
    store.write("a", snap);
    expect(store.read("a")).toEqual(snap);
    expect(store.read("b")).toBeNull();
  });

  it("forgets every run when any file in src/lib or the lockfile changes", () => {
    const root = projectCopy();
    const before = codeFingerprint(root);
    diskRunStore(root)!.write("a", snapshotAt(2));
    writeFileSync(join(root, "src", "lib", "math", "loss.ts"), "// changed\n", { flag: "a" });
    expect(codeFingerprint(root)).not.toBe(before);
    expect(diskRunStore(root)!.read("a")).toBeNull();
    const edited = codeFingerprint(root);
    writeFileSync(join(root, "package-lock.json"), "\n", { flag: "a" });
    expect(codeFingerprint(root)).not.toBe(edited);
  });

  it("is off where the sources are not at hand (a bundle run elsewhere)", () => {
    expect(diskRunStore(mkdtempSync(join(tmpdir(), "no-sources-")))).toBeNull();
  });

  it("is what finishedRun reads before training, and where it keeps what it trained", () => {
    const root = projectCopy();
    const dir = join(root, "cache");
    // A state no other test trains, so the in-memory memo is empty for it.
    const state = { ...DETECTOR_LAB_STATE.defaults, seed: 987_654 };
    const planted = snapshotAt(1);
    const store = diskRunStore(root, dir)!;
    store.write(JSON.stringify(state), planted);
    keepFinishedRunsIn(store);
    // Read from the store, not trained: a 1-step snapshot for a 200-step state is only there because it was planted.
    expect(finishedRun(state)).toEqual(planted);
    expect(finishedRun(state).step).toBe(1);
    expect(readdirSync(dir)).toHaveLength(1);
  });
});
