/**
 * Animating a figure between two states by animating its parameters, not its
 * pixels: every in-between frame is an exact curve for an in-between γ and α,
 * so the reader's curve slides through real focal-loss curves (a path morph
 * would pass through shapes no γ produces). Pure: the element owns the clock.
 */
import { easeCubicInOut } from "d3-ease";
import type { FigureState } from "./state";

/** How long a jump takes to play out; short enough never to hold the reader up. */
export const TWEEN_MS = 320;

/** A change this soon after the previous one belongs to a drag and is drawn at once. */
export const CONTINUOUS_INPUT_MS = 120;

/** γ and α changes at least this large are jumps worth animating (one keyboard step of γ is 0.1). */
const GAMMA_JUMP = 0.25;
const ALPHA_JUMP = 0.05;

/** α as the weight it puts on the positive class: "off" weighs it 1. */
function alphaWeight(alpha: number | null): number {
  return alpha ?? 1;
}

/** Whether going from one state to another is a jump (a click on the track, a page step, α switched) rather than a small step. */
export function isJump(from: FigureState, to: FigureState): boolean {
  if (Math.abs(to.gamma - from.gamma) >= GAMMA_JUMP) return true;
  if ((from.alpha === null) !== (to.alpha === null)) return alphaWeight(from.alpha) !== alphaWeight(to.alpha);
  return Math.abs(alphaWeight(to.alpha) - alphaWeight(from.alpha)) >= ALPHA_JUMP;
}

/**
 * The state shown at eased progress `t` in [0, 1] of a tween: γ and the α
 * weight move together; the axis and the example markers switch at once.
 * At t = 1 it is `to` itself, so a finished tween leaves the exact state.
 */
export function stateAt(from: FigureState, to: FigureState, t: number): FigureState {
  if (t >= 1) return to;
  if (t <= 0)
    return {
      ...to,
      gamma: from.gamma,
      alpha: from.alpha === null && to.alpha === null ? null : alphaWeight(from.alpha),
    };
  const gamma = from.gamma + (to.gamma - from.gamma) * t;
  const alpha =
    from.alpha === null && to.alpha === null
      ? null
      : alphaWeight(from.alpha) + (alphaWeight(to.alpha) - alphaWeight(from.alpha)) * t;
  return { ...to, gamma, alpha };
}

/** Eased progress of a tween that started at `start`, at time `now` (ms). */
export function tweenProgress(start: number, now: number, duration = TWEEN_MS): number {
  if (duration <= 0) return 1;
  const linear = Math.min(1, Math.max(0, (now - start) / duration));
  return linear === 1 ? 1 : easeCubicInOut(linear);
}
