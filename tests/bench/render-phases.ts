/**
 * The Chromium trace events that make up a frame's rendering work, in the order a frame runs them:
 * the one list the frame-phase benches sum (frame-phases, frame-phases-ab, drag-profile), so their
 * tables name the same phases.
 */
export const RENDER_PHASES = [
  "EventDispatch",
  "FireAnimationFrame",
  "UpdateLayoutTree",
  "Layout",
  "PrePaint",
  "Paint",
  "Layerize",
  "Commit",
];
/** The task that holds a frame's main-thread phases. */
export const BEGIN_MAIN_FRAME = "ProxyMain::BeginMainFrame";
/** Raster, which runs on other threads. */
export const RASTER = "RasterTask";
