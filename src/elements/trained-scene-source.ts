/**
 * Which trained run chapter 6's loss map and its Figure 4 score with, for the
 * page's `anchors.scores` choice: the default run the build wrote into the
 * page (data-default-trained-run), or the reader's own run from this
 * browser's storage, validated, with the default shown and the reason said
 * when it cannot be used. The code for it (the lab's scenes, the record's
 * parser) loads only when a reader first picks a trained source, so the
 * chapter's first load does not carry it. Both islands share one cache.
 */
import type { TrainedModel, TrainedRun } from "../lib/detector-lab/trained-logits-store";
import type { TrainedScene, TrainedSceneView } from "../lib/detector/trained-scene";
import type { AnchorMapState } from "../lib/state/anchor-map-state";

interface Modules {
  scene: typeof import("../lib/detector/trained-scene");
  store: typeof import("../lib/detector-lab/trained-logits-store");
  storage: typeof import("./trained-run-storage");
  image: typeof import("./scene-image");
  map: typeof import("./anchor-map-trained-view");
}

export interface TrainedSource {
  lib: Modules["scene"];
  /** the scene as a PNG data URL */
  image(): string;
  scene: TrainedScene;
  /** the run actually shown */
  shown: "default" | "yours";
  /** which run it is, in words */
  note: string;
  /** why the reader's run is not shown, or null */
  problem: string | null;
  view(model: TrainedModel, alpha: number, gamma: number): TrainedSceneView;
  /** paints the anchor map `root` for the state (`painted` is the figure's own, kept between draws) */
  draw(root: HTMLElement, state: AnchorMapState, painted: object): void;
}

export type SourceResult =
  { kind: "stated"; problem: string | null } | { kind: "loading" } | { kind: "ready"; source: TrainedSource };

let modules: Modules | null = null;
let loading: Promise<void> | null = null;
const waiting = new Set<() => void>();

function load(): Promise<void> {
  loading ??= Promise.all([
    import("../lib/detector/trained-scene"),
    import("../lib/detector-lab/trained-logits-store"),
    import("./trained-run-storage"),
    import("./scene-image"),
    import("./anchor-map-trained-view"),
  ]).then(([scene, store, storage, image, map]) => {
    modules = { scene, store, storage, image, map };
    for (const ready of waiting) ready();
    waiting.clear();
  });
  return loading;
}

const when = new Intl.DateTimeFormat(undefined, { dateStyle: "medium", timeStyle: "short" });

/** Parsed runs and their scenes by their text: a redraw re-reads storage but parses a record once. */
const scenes = new Map<string, TrainedScene>();
let lastView: { scene: TrainedScene; key: string; view: TrainedSceneView } | null = null;

function sceneOf(m: Modules, text: string, run: TrainedRun): TrainedScene {
  let s = scenes.get(text);
  if (!s) {
    if (scenes.size >= 4) scenes.clear();
    s = m.scene.trainedScene(run);
    scenes.set(text, s);
  }
  return s;
}

function defaultRunText(): string | undefined {
  return document.querySelector<HTMLElement>("[data-default-trained-run]")?.dataset.defaultTrainedRun;
}

/** The source for the state; "loading" (and `onReady` called later) while its code is on its way. */
export function trainedSource(state: AnchorMapState, onReady: () => void): SourceResult {
  if (state.scores === "stated") return { kind: "stated", problem: null };
  if (!modules) {
    waiting.add(onReady);
    void load();
    return { kind: "loading" };
  }
  const m = modules;
  let problem: string | null = null;
  if (state.scores === "yours") {
    const text = m.storage.readTrainedRun();
    const parsed = m.store.parseTrainedRun(text);
    if (parsed.ok && text) {
      const settings = m.store.runSettingsText(parsed.run);
      const at = parsed.run.savedAt === null ? "" : ` of ${when.format(parsed.run.savedAt)}`;
      return ready(m, text, parsed.run, "yours", `Your run${at} (${settings}), stored in this browser.`, null);
    }
    problem =
      text === null
        ? "No run of yours is stored in this browser yet (chapter 10 keeps the last run you train, pause or step), so the map shows the default run."
        : `${parsed.ok ? "" : parsed.message}, so the map shows the default run.`;
  }
  const text = defaultRunText();
  const parsed = m.store.parseTrainedRun(text);
  if (!parsed.ok || !text) return { kind: "stated", problem: "The default run is missing from this page." };
  const note = `The default run of chapter 10 (${m.store.runSettingsText(parsed.run)}), trained when this page was built.`;
  return ready(m, text, parsed.run, "default", note, problem);
}

function ready(
  m: Modules,
  text: string,
  run: TrainedRun,
  shown: "default" | "yours",
  note: string,
  problem: string | null,
): SourceResult {
  const scene = sceneOf(m, text, run);
  const view = (model: TrainedModel, alpha: number, gamma: number) => {
    const key = `${model}|${alpha}|${gamma}`;
    if (lastView?.scene !== scene || lastView.key !== key)
      lastView = { scene, key, view: m.scene.trainedSceneView(scene, model, alpha, gamma) };
    return lastView.view;
  };
  const image = () => m.image.sceneImage(scene.scene);
  const draw = (root: HTMLElement, state: AnchorMapState, painted: object) =>
    m.map.drawTrainedMap(
      root,
      { scene, view: view(state.model, state.alpha, state.gamma), note, problem, image },
      state,
      painted,
    );
  return { kind: "ready", source: { lib: m.scene, image, scene, shown, note, problem, view, draw } };
}

/** Figure 4's curves on the trained scene for the state; null for the stated model, "loading" while the code loads. */
export function trainedLossCdfs(
  state: AnchorMapState,
  onReady: () => void,
): ReturnType<TrainedSource["lib"]["trainedLossCdfs"]> | "loading" | null {
  const result = trainedSource(state, onReady);
  if (result.kind === "loading") return "loading";
  if (result.kind === "stated") return null;
  const { lib, view } = result.source;
  return lib.trainedLossCdfs(view(state.model, state.alpha, state.gamma), state.gamma);
}
