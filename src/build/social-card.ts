/**
 * The Open Graph / Twitter preview card of a page: a 1200×630 PNG drawn at
 * build time. The title is set in the site's text face, the site's name in
 * its UI face, and beside them the paper's Figure 1, drawn by the figure's own
 * scene builder and painted by the charts' paint table in the light theme.
 * resvg turns the SVG into the PNG; no browser, no network.
 */
import { focalCurvesScene } from "../charts/focal-curves";
import { colourAndOpacity, paintScene } from "../charts/paint";
import { node, sceneToMarkup, type SvgNode } from "../charts/scene";
import { focalCurvesData } from "../lib/views/figure-data";
import { THEME_TOKENS } from "../lib/site/theme-tokens";
import { preferSemiBoldInter, resvg } from "./resvg";

export const CARD_SIZE = { width: 1200, height: 630 } as const;

export interface CardText {
  /** the page's title, the largest text on the card */
  title: string;
  /** a short line above it, e.g. "Chapter 2 of 7" */
  kicker: string;
}

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

/**
 * Figure 1's curves, band and axes (no legend, no reader's curve: the card
 * has no room to explain them), drawn at a small size and scaled up so the
 * strokes and tick labels read at the card's thumbnail size.
 */
const CHART = { x: 736, y: 136, scale: 1.5, width: 270, height: 250 } as const;

function figureOne(): SvgNode {
  const curves = focalCurvesData({ gamma: 2, alpha: null }).filter((c) => !c.reader);
  const scene = paintScene(
    focalCurvesScene(curves, {
      width: CHART.width,
      height: CHART.height,
      yScale: "linear",
      crosshair: null,
      examples: [],
    }),
    THEME_TOKENS.light,
  );
  const marks = (scene.children ?? []).filter((c) => !["title", "desc", "legend", "band-label"].includes(c.key));
  return preferSemiBoldInter(
    node(
      "g",
      "figure-1",
      {
        ...scene.attrs,
        transform: `translate(${CHART.x},${CHART.y}) scale(${CHART.scale})`,
        viewBox: null,
        width: null,
        height: null,
        role: null,
      },
      marks,
    ),
  );
}

/** The card as a scene (no CSS, colours from the light theme's tokens). */
export function socialCardScene(text: CardText): SvgNode {
  const tokens = THEME_TOKENS.light;
  const colour = (token: keyof typeof tokens) => colourAndOpacity(tokens[token]).colour;
  const { width, height } = CARD_SIZE;
  const titleSize = text.title.length > 48 ? 56 : 66;
  const lines = wrapWords(text.title, Math.floor(600 / (titleSize * 0.5))).slice(0, 5);
  const titleTop = 250 - ((lines.length - 1) * titleSize * 1.15) / 2;
  return node("svg", "social-card", { width, height, viewBox: `0 0 ${width} ${height}` }, [
    node("rect", "background", { width, height, fill: colour("--bg") }),
    node("rect", "accent", { width, height: 14, fill: colour("--accent") }),
    node(
      "text",
      "kicker",
      { x: 72, y: 110, "font-family": "Inter", "font-size": 30, fill: colour("--text-muted") },
      text.kicker,
    ),
    node(
      "text",
      "title",
      { "font-family": "Source Serif 4", "font-weight": 600, "font-size": titleSize, fill: colour("--text") },
      lines.map((line, i) =>
        node("tspan", `line-${i}`, { x: 72, y: Math.round(titleTop + i * titleSize * 1.15) }, line),
      ),
    ),
    node(
      "text",
      "site",
      { x: 72, y: 560, "font-family": "Source Serif 4", "font-size": 34, fill: colour("--accent") },
      [node("tspan", "name", {}, "Focal Loss, "), node("tspan", "explained", { "font-style": "italic" }, "explained")],
    ),
    figureOne(),
  ]);
}

/** The card as SVG markup resvg can read. */
export function socialCardSvg(text: CardText): string {
  return sceneToMarkup(socialCardScene(text));
}

/** The card as a PNG. */
export function socialCardPng(text: CardText): Buffer {
  return resvg(socialCardSvg(text), "Source Serif 4").render().asPng();
}
