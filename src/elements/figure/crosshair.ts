/**
 * A figure's readout: a crosshair that follows the pointer (a touch leaves it
 * where the finger lifts), or the keyboard once the chart has focus, with a
 * sentence in a live region for screen readers about the values under it.
 */
import { sliderKeyValue, type SliderRange } from "../../lib/input/slider-keys";
import { listen, type Controller } from "./controller";

export interface CrosshairAxis extends SliderRange {
  /** where the crosshair starts when the chart takes keyboard focus */
  start: number;
}

export interface CrosshairOptions {
  axis: CrosshairAxis;
  /** the data x under a pointer at this client x (null outside the plot) */
  xAtClient(clientX: number): number | null;
  /** what a screen reader hears about the values at x */
  describe(x: number): string;
  /** the crosshair moved: redraw */
  moved(): void;
}

export class CrosshairController implements Controller {
  /** the data x of the crosshair, or null when there is none */
  x: number | null = null;
  private stops: Array<() => void> = [];

  constructor(
    /** the chart's frame: what takes focus and pointer events */
    private readonly frame: HTMLElement,
    private readonly live: HTMLElement | null,
    private readonly options: CrosshairOptions,
  ) {}

  connect(): void {
    const { frame } = this;
    frame.tabIndex = 0;
    frame.setAttribute("role", "group");
    const { axis } = this.options;
    const fromPointer = (event: PointerEvent) => this.set(this.options.xAtClient(event.clientX), false);
    this.stops.push(
      listen(frame, "pointermove", fromPointer),
      listen(frame, "pointerdown", fromPointer),
      listen<PointerEvent>(frame, "pointerleave", (event) => {
        if (event.pointerType === "mouse") this.set(null, false);
      }),
      listen<KeyboardEvent>(frame, "keydown", (event) => {
        const next =
          event.key === "Escape"
            ? null
            : sliderKeyValue(event.key, this.x ?? axis.start, axis, { shift: event.shiftKey });
        if (next === undefined) return;
        event.preventDefault();
        this.set(next, true);
      }),
      listen(frame, "focus", () => this.x === null && this.set(axis.start, true)),
      listen(frame, "blur", () => this.set(null, false)),
    );
  }

  disconnect(): void {
    for (const stop of this.stops.splice(0)) stop();
    this.x = null;
  }

  private set(x: number | null, announce: boolean): void {
    if (x === this.x) return;
    this.x = x;
    if (announce && this.live) this.live.textContent = x === null ? "" : this.options.describe(x);
    this.options.moved();
  }
}
