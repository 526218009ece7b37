/**
 * The presentation parameters of an embedded figure (`/embed/<figure>/?…`):
 * theme, controls, font scale, caption, animation and fluid height. The
 * figure's own parameters (γ, α, …) are not read here: the figure's element
 * parses them with its own state parser, so an embed and a chapter read the
 * same link the same way.
 *
 * Parsing never throws: a missing, malformed or hostile value falls back to
 * that parameter's default on its own, and nothing parsed here is text that
 * could reach the page as markup — every result is a closed word, a boolean
 * or a number in range.
 */
import { toParams } from "./state";

export const EMBED_THEMES = ["auto", "light", "dark", "transparent"] as const;
export type EmbedTheme = (typeof EMBED_THEMES)[number];

/** Projectors need bigger text; beyond 3× the figure no longer fits a slide. */
export const FONT_SCALE_RANGE = { min: 0.75, max: 3 } as const;

export interface EmbedParams {
  /** `auto` follows the viewer's system; `transparent` is the light theme's colours on no background (for a slide's own backdrop) */
  theme: EmbedTheme;
  /** show the figure's sliders and toggles (off for a fixed slide) */
  controls: boolean;
  /** multiplies the embed's text size */
  fontScale: number;
  /** show the caption under the figure */
  caption: boolean;
  /** transitions on state change (off so headless exporters capture the final frame) */
  animate: boolean;
  /** post the content height to the parent so it can size the iframe */
  fluid: boolean;
}

export const DEFAULT_EMBED_PARAMS: Readonly<EmbedParams> = Object.freeze({
  theme: "auto",
  controls: true,
  fontScale: 1,
  caption: true,
  animate: true,
  fluid: false,
});

/** Query parameter names, so writers (the share panel) and readers agree. */
export const EMBED_PARAM_NAMES = {
  theme: "theme",
  controls: "controls",
  fontScale: "fontScale",
  caption: "caption",
  animate: "animate",
  fluid: "fluid",
} as const satisfies Record<keyof EmbedParams, string>;

/** Longer values are a mistake or an attack; nothing valid is this long. */
const MAX_RAW_LENGTH = 16;

function word(raw: string | null): string | undefined {
  if (raw === null || raw.length > MAX_RAW_LENGTH) return undefined;
  return raw.trim().toLowerCase();
}

function parseSwitch(raw: string | null): boolean | undefined {
  const w = word(raw);
  if (w === "1" || w === "true" || w === "on" || w === "yes") return true;
  if (w === "0" || w === "false" || w === "off" || w === "no") return false;
  return undefined;
}

function parseTheme(raw: string | null): EmbedTheme | undefined {
  const w = word(raw);
  return (EMBED_THEMES as readonly string[]).includes(w ?? "") ? (w as EmbedTheme) : undefined;
}

function parseFontScale(raw: string | null): number | undefined {
  const w = word(raw);
  // Plain decimals only: "Infinity", hex, exponents and "1,5" are not font sizes anyone types.
  if (w === undefined || !/^(\d+\.?\d*|\.\d+)$/.test(w)) return undefined;
  const value = Number(w);
  if (!(value >= FONT_SCALE_RANGE.min && value <= FONT_SCALE_RANGE.max)) return undefined;
  // Hundredths are plenty, and keep the value short when it is written back.
  return Math.round(value * 100) / 100;
}

/** The embed parameters of a query string; never throws, each parameter falls back to its default. */
export function parseEmbedParams(input: URLSearchParams | string | null | undefined): EmbedParams {
  let params: URLSearchParams;
  try {
    params = toParams(input);
  } catch {
    params = new URLSearchParams();
  }
  const get = (name: string) => {
    try {
      return params.get(name);
    } catch {
      return null;
    }
  };
  const d = DEFAULT_EMBED_PARAMS;
  const n = EMBED_PARAM_NAMES;
  return {
    theme: parseTheme(get(n.theme)) ?? d.theme,
    controls: parseSwitch(get(n.controls)) ?? d.controls,
    fontScale: parseFontScale(get(n.fontScale)) ?? d.fontScale,
    caption: parseSwitch(get(n.caption)) ?? d.caption,
    animate: parseSwitch(get(n.animate)) ?? d.animate,
    fluid: parseSwitch(get(n.fluid)) ?? d.fluid,
  };
}

/**
 * Writes the non-default embed parameters into a query (leaving the figure's
 * own parameters there alone) and removes the ones at their default.
 */
export function writeEmbedParams(params: EmbedParams, into = new URLSearchParams()): URLSearchParams {
  const d = DEFAULT_EMBED_PARAMS;
  const n = EMBED_PARAM_NAMES;
  const set = (name: string, value: string | null) => (value === null ? into.delete(name) : into.set(name, value));
  set(n.theme, params.theme === d.theme ? null : params.theme);
  set(n.controls, params.controls === d.controls ? null : params.controls ? "1" : "0");
  set(n.fontScale, params.fontScale === d.fontScale ? null : String(params.fontScale));
  set(n.caption, params.caption === d.caption ? null : params.caption ? "1" : "0");
  set(n.animate, params.animate === d.animate ? null : params.animate ? "1" : "0");
  set(n.fluid, params.fluid === d.fluid ? null : params.fluid ? "1" : "0");
  return into;
}

/**
 * The attributes the embed layout puts on <html>, which its CSS keys on:
 * closed words and a number, never text from the URL.
 */
export function embedRootAttributes(params: EmbedParams): Record<string, string> {
  return {
    "data-embed-theme": params.theme,
    "data-controls": params.controls ? "1" : "0",
    "data-caption": params.caption ? "1" : "0",
    "data-animate": params.animate ? "1" : "0",
    "data-fluid": params.fluid ? "1" : "0",
  };
}
