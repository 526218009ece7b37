/**
 * A piece of a figure's behaviour that the figure element starts and stops
 * with itself: Lit's reactive-controller idea, without Lit. Each controller
 * owns its listeners and observers and removes them in disconnect().
 */
export interface Controller {
  connect(): void;
  disconnect(): void;
}

/** Adds a listener and returns what removes it. */
export function listen<E extends Event>(target: EventTarget, type: string, fn: (event: E) => void): () => void {
  const listener = fn as EventListener;
  target.addEventListener(type, listener);
  return () => target.removeEventListener(type, listener);
}

/** The size a chart is drawn at, in chart units. */
export interface ChartSize {
  width: number;
  height: number;
}
