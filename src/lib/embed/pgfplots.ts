/**
 * The paper's Figure 1 for the current view as PGFPlots code, for LaTeX and
 * Beamer: a tikzpicture whose curves are coordinates computed by the loss
 * module (the reference γ of the paper and the reader's γ and α), the site's
 * colours as \definecolor, and the paper's axis labels ("probability of
 * ground truth class", "loss"). Compiles with stock TeX Live pgfplots
 * (\usepackage{pgfplots}); the colours and dashes are arguments, so the same
 * code serves the light and the dark palette.
 */
import { FIGURE1_GAMMAS, focalLossOfPt, type Alpha } from "../math/loss";

export interface PgfCurveStyle {
  /** #rrggbb */
  colour: string;
  /** an SVG dash array in px, e.g. "12 3 2 3"; none for a solid line */
  dash?: string;
}

export interface PgfplotsOptions {
  gamma: number;
  alpha: Alpha;
  /** style per curve key: g0, g05, g1, g2, g5 and reader */
  styles: Readonly<Record<string, PgfCurveStyle>>;
  /** p_t samples (the default: 0.005 to 1 in steps of 0.005) */
  samples?: readonly number[];
  /** the loss axis' top, as in the paper's figure */
  yMax?: number;
}

export const PGF_DEFAULT_SAMPLES: readonly number[] = Array.from({ length: 200 }, (_, i) => (i + 1) / 200);

const key = (gamma: number) => `g${String(gamma).replace(".", "")}`;

/** A number as TeX reads it: plain decimal with 10 significant digits (pgfplots parses e-notation too, but keep it readable). */
export function pgfNumber(value: number): string {
  if (!Number.isFinite(value)) throw new RangeError(`pgfNumber: not finite: ${value}`);
  if (value === 0) return "0";
  const fixed = Number(value.toPrecision(10));
  return Math.abs(fixed) < 1e-4 ? fixed.toExponential(9).replace(/\.?0+e/, "e") : String(fixed);
}

function colourName(curve: string): string {
  // TeX colour names: letters only.
  return `fl${curve.replace(/[^a-z]/gi, "").replace(/\d/g, "")}${curve.replace(/\D/g, "").replace(/0/g, "o").replace(/5/g, "f").replace(/1/g, "i").replace(/2/g, "t")}`;
}

function hex(colour: string): string {
  const m = /^#([0-9a-f]{6})$/i.exec(colour);
  if (!m) throw new RangeError(`pgfplots: colour must be #rrggbb; got ${JSON.stringify(colour)}`);
  return m[1]!.toUpperCase();
}

function dashPattern(dash: string | undefined): string {
  if (!dash) return "solid";
  const parts = dash
    .split(/[\s,]+/)
    .filter(Boolean)
    .map(Number);
  if (parts.some((v) => !(v >= 0))) throw new RangeError(`pgfplots: bad dash ${JSON.stringify(dash)}`);
  // Chart px to pt at the half size a figure in a slide is drawn at.
  const pt = (v: number) => `${pgfNumber(v * 0.5)}pt`;
  const pairs: string[] = [];
  for (let i = 0; i < parts.length; i += 2) pairs.push(`on ${pt(parts[i]!)} off ${pt(parts[i + 1] ?? parts[i]!)}`);
  return `dash pattern=${pairs.join(" ")}`;
}

/** The coordinates of one curve: (p_t, FL) wherever FL is finite. */
export function curveCoordinates(gamma: number, alpha: Alpha, samples: readonly number[]): { x: number; y: number }[] {
  return samples.map((x) => ({ x, y: focalLossOfPt(x, { gamma, alpha }) })).filter((p) => Number.isFinite(p.y));
}

function plot(
  name: string,
  style: PgfCurveStyle,
  width: string,
  points: { x: number; y: number }[],
  legend: string,
): string {
  const coords = points.map((p) => `(${pgfNumber(p.x)},${pgfNumber(p.y)})`).join(" ");
  return `\\addplot[color=${name}, ${width}, ${dashPattern(style.dash)}] coordinates {${coords}};\n\\addlegendentry{${legend}}`;
}

export function focalCurvesPgfplots({
  gamma,
  alpha,
  styles,
  samples = PGF_DEFAULT_SAMPLES,
  yMax = 5,
}: PgfplotsOptions): string {
  const curves = [
    ...FIGURE1_GAMMAS.map((g) => ({
      curve: key(g),
      gamma: g,
      alpha: null as Alpha,
      legend: `$\\gamma = ${g}$`,
      width: "thick",
    })),
  ];
  const alphaText = alpha === null ? "" : `, \\alpha = ${pgfNumber(alpha)}`;
  curves.push({
    curve: "reader",
    gamma,
    alpha,
    legend: `yours: $\\gamma = ${pgfNumber(gamma)}${alphaText}$`,
    width: "very thick",
  });
  const definitions: string[] = [];
  const plots: string[] = [];
  for (const c of curves) {
    const style = styles[c.curve];
    if (!style) throw new RangeError(`pgfplots: no style for curve ${c.curve}`);
    const name = colourName(c.curve);
    definitions.push(`\\definecolor{${name}}{HTML}{${hex(style.colour)}}`);
    plots.push(plot(name, style, c.width, curveCoordinates(c.gamma, c.alpha, samples), c.legend));
  }
  return [
    `% Focal loss against the probability of the ground-truth class (Lin et al. 2017, Figure 1),`,
    `% with your curve: gamma = ${pgfNumber(gamma)}, alpha = ${alpha === null ? "off" : pgfNumber(alpha)}. Needs \\usepackage{pgfplots}.`,
    ...definitions,
    `\\begin{tikzpicture}`,
    `\\begin{axis}[width=\\linewidth, height=0.62\\linewidth, xmin=0, xmax=1, ymin=0, ymax=${pgfNumber(yMax)},`,
    `  xlabel={probability of ground truth class}, ylabel={loss}, legend pos=north east, legend cell align=left,`,
    `  axis lines=left, tick align=outside, clip=true]`,
    ...plots,
    `\\end{axis}`,
    `\\end{tikzpicture}`,
    ``,
  ].join("\n");
}
