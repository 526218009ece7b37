/**
 * "Download for offline use": the current view as one HTML file that opens
 * from disk (src/lib/embed/offline-page.ts). Gathers the parts in the page —
 * the classic script fetched from the site, the text face the chart uses as
 * data: URLs (the SVG download's font embedding), the palette's backgrounds —
 * and assembles them. Loaded on the first click only.
 */
import type { EmbeddableFigure } from "../lib/embed/embed-registry";
import { offlinePage, type OfflineTheme } from "../lib/embed/offline-page";
import { THEME_TOKENS } from "../lib/site/theme-tokens";
import { embeddedFontCss } from "./export-fonts";

/** The faces the charts' text is set in (charts.css: regular labels, semibold titles and readouts). */
const CHART_FACES = ["400", "600"].map((weight) => ({ family: "Inter", weight, style: "normal" }));

async function classicScript(url: string): Promise<string> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`the figure script could not be loaded (${response.status})`);
  return response.text();
}

/** The palette the reader chose on the site (the theme switch), else the viewer's own setting. */
function siteTheme(): OfflineTheme {
  const theme = document.documentElement.dataset.theme;
  return theme === "light" || theme === "dark" ? theme : "auto";
}

export async function offlineHtml(
  figure: EmbeddableFigure,
  title: string,
  attributes: Record<string, string>,
  scriptUrl: string,
  source: string,
): Promise<string> {
  const theme = siteTheme();
  const [script, fontCss] = await Promise.all([classicScript(scriptUrl), embeddedFontCss(CHART_FACES)]);
  return offlinePage({
    figure,
    title,
    attributes: { ...attributes, controls: true, theme },
    script,
    fontCss,
    background: { light: THEME_TOKENS.light["--bg"], dark: THEME_TOKENS.dark["--bg"] },
    theme,
    source,
  });
}
