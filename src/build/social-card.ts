/**
 * The Open Graph / Twitter preview card of a page: a 1200×630 PNG drawn at
 * build time. The title is set in the site's text face, the site's name in
 * its UI face, and beside them the paper's Figure 1 curves, computed by the
 * loss module like every other number on the site. resvg turns the SVG into
 * the PNG; no browser, no network.
 */
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { Resvg } from "@resvg/resvg-js";
import { FIGURE1_GAMMAS, focalLossOfPt, sampleCurve } from "../lib/math/loss";
import { extractThemeTokens } from "../lib/site/theme-tokens";
import { woffToSfnt } from "./woff-to-sfnt";

export const CARD_SIZE = { width: 1200, height: 630 } as const;

export interface CardText {
  /** the page's title, the largest text on the card */
  title: string;
  /** a short line above it, e.g. "Chapter 2 of 7" */
  kicker: string;
}

/** The curve colour token for each Figure 1 γ, as the site's figures use them. */
const CURVE_TOKEN: Record<number, string> = { 0: "--curve-g0", 0.5: "--curve-g05", 1: "--curve-g1", 2: "--curve-g2", 5: "--curve-g5" };

/**
 * Splits a title into lines of at most `maxChars` characters at spaces (a
 * word longer than that keeps its own line). The text face's average glyph is
 * about half its size, so maxChars ≈ box width / (size × 0.5).
 */
export function wrapWords(text: string, maxChars: number): string[] {
  const lines: string[] = [];
  for (const word of text.trim().split(/\s+/)) {
    const last = lines.at(-1);
    if (last !== undefined && (last + " " + word).length <= maxChars) lines[lines.length - 1] = `${last} ${word}`;
    else lines.push(word);
  }
  return lines;
}

function escapeXml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

/** The chart: focal loss against pₜ for the paper's γ values, in a box at (x, y). */
function curvesMarkup(x: number, y: number, width: number, height: number, tokens: Record<string, string>): string {
  const yMax = 5;
  const px = (pt: number) => x + pt * width;
  const py = (loss: number) => y + height - (Math.min(loss, yMax) / yMax) * height;
  const paths = FIGURE1_GAMMAS.map((gamma) => {
    const points = sampleCurve((pt) => focalLossOfPt(pt, { alpha: null, gamma }), { from: 0.006, to: 1, points: 120 });
    const d = points.map((p, i) => `${i ? "L" : "M"}${px(p.x).toFixed(1)},${py(p.y).toFixed(1)}`).join("");
    return `<path d="${d}" fill="none" stroke="${tokens[CURVE_TOKEN[gamma] ?? "--accent"]}" stroke-width="5" stroke-linecap="round"/>`;
  });
  const axes = `<path d="M${x},${y} V${y + height} H${x + width}" fill="none" stroke="${tokens["--rule"]}" stroke-width="3"/>`;
  return axes + paths.join("");
}

/** The card as SVG markup resvg can read (no CSS, colours from the light theme's tokens). */
export function socialCardSvg(text: CardText): string {
  // Read from disk, not imported with ?raw: Vitest turns CSS imports into empty strings.
  const tokens = extractThemeTokens(readFileSync(resolve("src/styles/global.css"), "utf8")).light;
  const { width, height } = CARD_SIZE;
  const titleSize = text.title.length > 48 ? 56 : 66;
  const lines = wrapWords(text.title, Math.floor(600 / (titleSize * 0.5))).slice(0, 5);
  const titleTop = 250 - ((lines.length - 1) * titleSize * 1.15) / 2;
  const title = lines
    .map((line, i) => `<tspan x="72" y="${(titleTop + i * titleSize * 1.15).toFixed(0)}">${escapeXml(line)}</tspan>`)
    .join("");
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">
<rect width="${width}" height="${height}" fill="${tokens["--bg"]}"/>
<rect width="${width}" height="14" fill="${tokens["--accent"]}"/>
<text x="72" y="110" font-family="Inter" font-size="30" fill="${tokens["--text-muted"]}">${escapeXml(text.kicker)}</text>
<text font-family="Source Serif 4" font-weight="600" font-size="${titleSize}" fill="${tokens["--text"]}">${title}</text>
<text x="72" y="560" font-family="Source Serif 4" font-size="34" fill="${tokens["--accent"]}">Focal Loss, <tspan font-style="italic">explained</tspan></text>
${curvesMarkup(760, 150, 360, 360, tokens)}
</svg>`;
}

let fontFiles: string[] | null = null;
/** The site's faces as sfnt files (resvg reads no WOFF), written once per build. */
function cardFonts(): string[] {
  if (fontFiles) return fontFiles;
  const dir = mkdtempSync(join(tmpdir(), "focal-loss-card-fonts-"));
  const faces = [
    ["@fontsource/source-serif-4/files", "source-serif-4-latin-600-normal"],
    ["@fontsource/source-serif-4/files", "source-serif-4-latin-400-normal"],
    ["@fontsource/source-serif-4/files", "source-serif-4-latin-400-italic"],
    ["@fontsource/inter/files", "inter-latin-400-normal"],
  ];
  fontFiles = faces.map(([pkg, name]) => {
    const file = join(dir, `${name}.ttf`);
    writeFileSync(file, woffToSfnt(readFileSync(resolve("node_modules", pkg!, `${name}.woff`))));
    return file;
  });
  return fontFiles;
}

/** The card as a PNG. */
export function socialCardPng(text: CardText): Buffer {
  const svg = socialCardSvg(text);
  return new Resvg(svg, { font: { fontFiles: cardFonts(), loadSystemFonts: false, defaultFontFamily: "Source Serif 4" } })
    .render()
    .asPng();
}
