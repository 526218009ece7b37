/**
 * The presentation parameters of an embedded figure (`/embed/<figure>/?…`):
 * theme, controls, font scale, caption, animation and fluid height; and, as
 * attributes, of the standalone element (`<focal-loss-curves theme="dark"
 * font-scale="1.5" controls>`). The figure's own parameters (γ, α, …) are
 * the figure family's, so an embed, a chapter and an element read the same
 * values the same way.
 *
 * Nothing parsed here is text that could reach the page as markup: every
 * result is a closed word, a boolean or a number in range.
 */
import { FONT_SCALE } from "./ranges";
import { booleanField, defineState, enumField, FIGURE_STATE, numberField, type StateOf } from "./state";

export const EMBED_THEMES = ["auto", "light", "dark", "transparent"] as const;

/** The embed's parameters keep their unprefixed names: they are printed in every embed snippet. */
export const EMBED_STATE = defineState(
  {
    /** `auto` follows the viewer's system; `transparent` is the light theme's colours on no background (for a slide's own backdrop) */
    theme: enumField("theme", EMBED_THEMES, "auto"),
    /** show the figure's sliders and toggles (off for a fixed slide) */
    controls: booleanField("controls", true),
    /** multiplies the embed's text size; plain decimals only, in hundredths */
    fontScale: numberField("fontScale", FONT_SCALE, { defaultValue: 1, plain: true }),
    /** show the caption under the figure */
    caption: booleanField("caption", true),
    /** transitions on state change (off so headless exporters capture the final frame) */
    animate: booleanField("animate", true),
    /** post the content height to the parent so it can size the iframe */
    fluid: booleanField("fluid", false),
    /** open the print dialog on a page the figure's size once drawn (the share panel's "PDF of this view") */
    print: booleanField("print", false),
  },
  { attributes: { theme: "theme", controls: "controls", "font-scale": "fontScale" } },
);

export type EmbedParams = StateOf<typeof EMBED_STATE.fields>;

export const DEFAULT_EMBED_PARAMS: Readonly<EmbedParams> = Object.freeze({ ...EMBED_STATE.defaults });

/** The standalone element's presentation: as the embed's, but a bare element shows no sliders unless asked (`controls`). */
export const STANDALONE_STATE = EMBED_STATE.withDefaults({ controls: false });

/** Every attribute the standalone element reads, in HTML's hyphenated style: the figure's, then the presentation's. */
export const STANDALONE_ATTRIBUTES: readonly string[] = [
  ...Object.keys(FIGURE_STATE.attributes),
  ...Object.keys(STANDALONE_STATE.attributes),
];

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
