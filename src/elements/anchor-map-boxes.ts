/**
 * Pointer and keyboard gestures on the anchor map's overlay: drag a box to
 * move it, its corner square to resize it, or focus it and use the keys of
 * src/lib/input/box-keys.ts. Pressing on a box also focuses it, so the box the
 * keys move, the focused box and the selected (highlighted) box are one box.
 */
import type { GroundTruth } from "../lib/detector/assignment";
import { SCENE_SIZE } from "../lib/detector/scene";
import { boxKeyAction } from "../lib/input/box-keys";

/** Arrow keys move a box by this many image pixels (one P3 stride); Shift + arrows resize it. */
const KEY_STEP = 8;

type Box = GroundTruth["box"];

export interface BoxGestureHost {
  boxes(): readonly GroundTruth[];
  /** makes box i the selected one (redraws if it changed) */
  select(index: number): void;
  move(index: number, box: Box): void;
  /** a pointer pressed on a box: a drag may begin */
  pressed(): void;
  remove(index: number): void;
}

interface Drag {
  index: number;
  mode: "move" | "resize";
  start: { x: number; y: number };
  box: Box;
  /** the overlay's box on screen when the press began */
  rect: DOMRect;
}

/**
 * Image pixels under a pointer, from the overlay's box on screen. A drag reads that box once, at the
 * press: read on every move it forced a style and layout pass before each frame (1.2 ms at 4× CPU
 * throttling, when the words had just been written); it is read again if the page scrolls meanwhile.
 */
function imagePoint(r: DOMRect, e: PointerEvent): { x: number; y: number } {
  return {
    x: ((e.clientX - r.left) / r.width) * SCENE_SIZE.width,
    y: ((e.clientY - r.top) / r.height) * SCENE_SIZE.height,
  };
}

const boxOf = (target: EventTarget | null) => (target as Element | null)?.closest<SVGGElement>("[data-box]") ?? null;

export function bindBoxGestures(svg: SVGSVGElement, host: BoxGestureHost): void {
  let drag: Drag | null = null;
  svg.addEventListener("pointerdown", (e) => {
    const g = boxOf(e.target);
    if (!g) return;
    const index = Number(g.dataset.box);
    const rect = svg.getBoundingClientRect();
    drag = {
      index,
      mode: (e.target as Element).hasAttribute("data-handle") ? "resize" : "move",
      start: imagePoint(rect, e),
      box: { ...host.boxes()[index]!.box },
      rect,
    };
    // Captured by the element pressed, not the overlay: the pointer's target stays what it was, so the press
    // sends no boundary events (pointerout, pointerover, …) and changes no hover state; moves still bubble here.
    (e.target as Element).setPointerCapture(e.pointerId);
    // preventDefault stops text selection, and with it the focus a press would give: give it here.
    e.preventDefault();
    g.focus({ preventScroll: true });
    host.select(index);
    host.pressed();
  });
  svg.addEventListener("pointermove", (e) => {
    if (!drag) return;
    const p = imagePoint(drag.rect, e);
    const dx = p.x - drag.start.x;
    const dy = p.y - drag.start.y;
    const b = drag.box;
    host.move(
      drag.index,
      drag.mode === "move"
        ? { x0: b.x0 + dx, y0: b.y0 + dy, x1: b.x1 + dx, y1: b.y1 + dy }
        : { x0: b.x0, y0: b.y0, x1: b.x1 + dx, y1: b.y1 + dy },
    );
  });
  const end = () => {
    drag = null;
  };
  // A scroll mid-drag (a wheel, the keyboard) moves the overlay under the pointer.
  window.addEventListener(
    "scroll",
    () => {
      if (drag) drag.rect = svg.getBoundingClientRect();
    },
    { passive: true },
  );
  svg.addEventListener("pointerup", end);
  svg.addEventListener("pointercancel", end);
  svg.addEventListener("focusin", (e) => {
    const g = boxOf(e.target);
    if (g) host.select(Number(g.dataset.box));
  });
  svg.addEventListener("keydown", (e) => {
    const g = boxOf(e.target);
    if (!g) return;
    const index = Number(g.dataset.box);
    const box = host.boxes()[index]?.box;
    const action = box ? boxKeyAction(e.key, box, KEY_STEP, { shift: e.shiftKey }) : null;
    if (!action) return;
    e.preventDefault();
    host.select(index);
    if (action.kind === "remove") host.remove(index);
    else host.move(index, action.box);
  });
}
