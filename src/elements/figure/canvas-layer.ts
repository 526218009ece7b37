/**
 * The marks a slider moves, drawn on a <canvas> over the chart's <svg> while
 * the reader drags: in Chromium a path's `d` is a CSS property, so each SVG
 * frame restyled, laid out and repainted the plot; a canvas frame is one
 * bitmap. The marks it stands in for are hidden meanwhile, and the figure
 * writes the exact SVG once the hand settles (export, the data table and
 * assistive technology only ever read the SVG). Each mark is painted as its
 * SVG element is computed to be (the same tokens, this theme), read again at
 * the start of every drag.
 */
import type { LiveMarks } from "../../charts/line-marks";
import type { ChartSize } from "./controller";

interface Paint {
  fill: string;
  stroke: string;
  width: number;
  dash: number[];
}

function paintOf(el: Element | null): Paint | null {
  if (!el) return null;
  const style = getComputedStyle(el);
  const dash = style.strokeDasharray;
  return {
    fill: style.fill,
    stroke: style.stroke,
    width: parseFloat(style.strokeWidth) || 1,
    dash: dash === "none" ? [] : dash.split(/[\s,]+/).map(parseFloat),
  };
}

export class CanvasLayer {
  private canvas: HTMLCanvasElement | null = null;
  /** the SVG marks hidden while the canvas stands in for them; empty when the canvas is clear */
  private hidden: Element[] = [];
  private paints = new Map<string, Paint | null>();

  constructor(private readonly svg: SVGSVGElement) {}

  /** Draws the marks for a chart of `size` units shown at `box` CSS pixels. */
  draw(marks: LiveMarks, size: ChartSize, box: ChartSize): void {
    const canvas = (this.canvas ??= this.svg.insertAdjacentElement(
      "afterend",
      document.createElement("canvas"),
    ) as HTMLCanvasElement);
    if (!this.hidden.length) {
      canvas.setAttribute("aria-hidden", "true");
      this.paints.clear();
      for (const m of marks.paths)
        if (!this.paints.has(m.like)) this.paints.set(m.like, paintOf(this.svg.querySelector(m.like)));
      this.hidden = [...this.svg.querySelectorAll(marks.hide)];
      for (const el of this.hidden) el.setAttribute("data-live-hidden", "");
    }
    const dpr = devicePixelRatio || 1;
    const [w, h] = [Math.round(box.width * dpr), Math.round(box.height * dpr)];
    if (canvas.width !== w || canvas.height !== h) {
      [canvas.width, canvas.height] = [w, h];
      canvas.style.width = `${box.width}px`;
      canvas.style.height = `${box.height}px`;
    }
    const ctx = canvas.getContext("2d");
    if (!ctx) return;
    ctx.setTransform(1, 0, 0, 1, 0, 0);
    ctx.clearRect(0, 0, w, h);
    // The viewBox's default fit (xMidYMid meet): chart units to device pixels.
    const s = Math.min(box.width / size.width, box.height / size.height) * dpr;
    ctx.setTransform(s, 0, 0, s, (w - size.width * s) / 2, (h - size.height * s) / 2);
    ctx.lineJoin = "round";
    for (const m of marks.paths) {
      const paint = this.paints.get(m.like);
      if (!paint) continue;
      const path = new Path2D(m.d);
      if (paint.fill !== "none") {
        ctx.fillStyle = paint.fill;
        ctx.fill(path);
      }
      if (paint.stroke !== "none") {
        ctx.strokeStyle = paint.stroke;
        ctx.lineWidth = paint.width;
        ctx.setLineDash(paint.dash);
        ctx.stroke(path);
      }
    }
  }

  /** Clears the canvas and shows the SVG's marks again (the SVG has just been written). */
  clear(): void {
    for (const el of this.hidden.splice(0)) el.removeAttribute("data-live-hidden");
    if (this.canvas) this.canvas.getContext("2d")?.clearRect(0, 0, this.canvas.width, this.canvas.height);
  }
}
