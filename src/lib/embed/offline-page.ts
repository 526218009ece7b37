/**
 * "Download for offline use": one HTML file that shows a figure with nothing
 * outside it — the figure's element with the reader's state, the classic
 * script (no module, so no CORS: it runs from file://), the page's few styles
 * and the text face as data: URLs. Its Content-Security-Policy is as strict as
 * the site's: no eval, nothing fetched, the one inline script and the one
 * inline style allowed by their SHA-256 hashes. `data-deck-keys` on its root
 * asks the script to hand unused deck keys to a parent frame (a local deck). Pure text assembly; the share
 * panel gathers the parts (src/elements/export-offline.ts).
 */
import type { EmbeddableFigure } from "./embed-registry";
import { figureElement } from "./embed-snippets";
import { escapeXml } from "../text/escape-xml";

export type OfflineTheme = "light" | "dark" | "auto";

export interface OfflinePageParts {
  figure: EmbeddableFigure;
  /** the page's <title>: the figure's title (content/embeds.json, carried by the share panel) */
  title: string;
  /** the element's attributes: the reader's state, controls, theme */
  attributes: Record<string, string | boolean>;
  /** the classic script's code (embed/focal-loss.classic.js) */
  script: string;
  /** @font-face rules whose sources are data: URLs */
  fontCss: string;
  /** the page's background behind the figure, per palette */
  background: { light: string; dark: string };
  /** which palette the page's background follows; "auto" follows the viewer's system setting */
  theme: OfflineTheme;
  /** the page the file was made from, recorded as its canonical link (never fetched) */
  source: string;
}

/**
 * Code made safe to sit inside <script>…</script>: the HTML parser ends the
 * element at the first `</script` and treats `<!--` specially, whatever the
 * JavaScript means by them. `<\/` and `<\!` mean the same characters in a
 * JavaScript string, template or (non-unicode) regular expression.
 */
export function inlineScriptText(code: string): string {
  return code.replace(/<\/(script)/gi, "<\\/$1").replace(/<!--/g, "<\\!--");
}

/** Style text that cannot end its <style> element early. */
export function inlineStyleText(css: string): string {
  return css.replace(/<\/(style)/gi, "<\\/$1");
}

/** A CSP source expression for an inline element's exact text: 'sha256-<base64>'. */
export async function cspHash(text: string): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest("SHA-256", new TextEncoder().encode(text)));
  let binary = "";
  for (const byte of digest) binary += String.fromCharCode(byte);
  return `'sha256-${btoa(binary)}'`;
}

/** The page's own styles: the figure centred on its background, as wide as the window allows at its aspect ratio. */
export function offlinePageCss({ figure, background, theme, fontCss }: OfflinePageParts): string {
  const { width, height } = figure.size;
  const dark = `body{background:${background.dark}}`;
  return [
    fontCss,
    `:root{color-scheme:${theme === "auto" ? "light dark" : theme}}`,
    `html,body{margin:0}`,
    `body{background:${background.light};min-height:100vh;box-sizing:border-box;padding:1rem;display:flex;align-items:center;justify-content:center;font-family:"Inter",system-ui,sans-serif}`,
    theme === "dark" ? dark : theme === "auto" ? `@media (prefers-color-scheme: dark){${dark}}` : "",
    `${figure.tag}{width:min(100%,1600px,calc((100vh - 2rem) * ${(width / height).toFixed(4)}))}`,
  ]
    .filter(Boolean)
    .join("\n");
}

/** The text of the offline HTML file. */
export async function offlinePage(parts: OfflinePageParts): Promise<string> {
  const script = inlineScriptText(parts.script);
  const style = inlineStyleText(offlinePageCss(parts));
  const csp = [
    "default-src 'none'",
    `script-src ${await cspHash(script)}`,
    `style-src ${await cspHash(style)}`,
    "font-src data:",
    "img-src data:",
    "base-uri 'none'",
    "form-action 'none'",
  ].join("; ");
  return (
    `<!doctype html>\n<html lang="en" data-deck-keys>\n<head>\n<meta charset="utf-8">\n` +
    `<meta http-equiv="Content-Security-Policy" content="${escapeXml(csp)}">\n` +
    `<meta name="viewport" content="width=device-width, initial-scale=1">\n` +
    `<title>${escapeXml(parts.title)}</title>\n` +
    `<link rel="canonical" href="${escapeXml(parts.source)}">\n` +
    `<style>${style}</style>\n</head>\n<body>\n` +
    `${figureElement(parts.figure, parts.attributes)}\n` +
    `<noscript><p>This figure is drawn by the script in this file: allow JavaScript to see it.</p></noscript>\n` +
    `<script>${script}</script>\n</body>\n</html>\n`
  );
}
