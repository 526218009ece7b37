/**
 * Input events arrive faster than frames (a pointer drag can fire several
 * times per frame); coalescing them into one call per animation frame keeps a
 * drag at one redraw per paint (the d3fc-element pattern).
 */
export function frameCoalescer(fn: () => void): () => void {
  let pending = false;
  return () => {
    if (pending) return;
    pending = true;
    requestAnimationFrame(() => {
      pending = false;
      fn();
    });
  };
}

/** Calls `init` once, when the element comes within `margin` of the viewport (or at once without IntersectionObserver). */
export function whenNearViewport(element: Element, init: () => void, margin = "300px"): () => void {
  if (typeof IntersectionObserver === "undefined") {
    init();
    return () => {};
  }
  const observer = new IntersectionObserver(
    (entries) => {
      if (entries.some((e) => e.isIntersecting)) {
        observer.disconnect();
        init();
      }
    },
    { rootMargin: margin },
  );
  observer.observe(element);
  return () => observer.disconnect();
}

let reducedMotion: MediaQueryList | null | undefined;

/**
 * True when the reader asked for reduced motion. One MediaQueryList, kept (its `matches` is live):
 * a figure asks on every state change that may be a jump, and matchMedia() parses the query anew
 * each call (seen in a profile of a slider drag).
 */
export function prefersReducedMotion(): boolean {
  if (reducedMotion === undefined)
    reducedMotion = typeof matchMedia === "function" ? matchMedia("(prefers-reduced-motion: reduce)") : null;
  return reducedMotion?.matches ?? false;
}

/**
 * Calls `fn` once calls have stopped for `ms` (a debounce). It keeps one timer
 * and re-arms it only when it fires early, instead of clearing and setting a
 * timer on every call: a slider drag calls this on every input event.
 */
export function afterQuiet(ms: number, fn: () => void): () => void {
  let last = 0;
  let armed = false;
  const check = () => {
    const wait = last + ms - performance.now();
    if (wait > 1) {
      setTimeout(check, wait);
      return;
    }
    armed = false;
    fn();
  };
  return () => {
    last = performance.now();
    if (!armed) {
      armed = true;
      setTimeout(check, ms);
    }
  };
}
