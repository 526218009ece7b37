/**
 * The part of d3-interpolate this site's scales use, put in its place by an
 * alias in astro.config.mjs. d3-scale imports d3-interpolate's general
 * `interpolate`, which brings d3-color (CSS colour names and parsing) and
 * string, date, array and object interpolation: about 4.5 KB gzip on every
 * figure page for scales that only ever map numbers to pixel numbers.
 * The number formulas are d3's own. Anything but numbers throws, so a future
 * colour range fails loudly at build time instead of drawing NaN.
 */

export function interpolateNumber(a: number, b: number): (t: number) => number {
  a = +a;
  b = +b;
  return (t) => a * (1 - t) + b * t;
}

export function interpolateRound(a: number, b: number): (t: number) => number {
  a = +a;
  b = +b;
  return (t) => Math.round(a * (1 - t) + b * t);
}

export function interpolate(a: unknown, b: unknown): (t: number) => number {
  if (typeof a !== "number" || typeof b !== "number") {
    throw new TypeError(
      "number-interpolate: this site's scales interpolate numbers only (see astro.config.mjs for the alias)",
    );
  }
  return interpolateNumber(a, b);
}

/** Used only by d3's diverging scales, which the site does not use. */
export function piecewise(): never {
  throw new TypeError(
    "number-interpolate: piecewise interpolation is not available (see astro.config.mjs for the alias)",
  );
}
