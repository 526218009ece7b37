/**
 * The text a reader copies to put a figure in a deck: an <iframe> of the
 * embed route, or the standalone module's <script> plus the figure's element.
 * Values are escaped for an HTML attribute, so even a state that somehow held
 * markup characters could not break out of the snippet it is pasted into.
 */
import type { EmbeddableFigure } from "./embed-registry";
import { escapeXml } from "../text/escape-xml";

/** An iframe that shows the figure at its natural size and shrinks with a narrow column; `title` names it for screen readers. */
export function iframeSnippet(figure: EmbeddableFigure, title: string, embedUrl: string): string {
  const { width, height } = figure.size;
  return (
    `<iframe src="${escapeXml(embedUrl)}" title="${escapeXml(title)}" ` +
    `width="${width}" height="${height}" style="border:0;max-width:100%" loading="lazy"></iframe>`
  );
}

/**
 * The module's script tag and the element with its attributes; `true` writes
 * a boolean attribute, `false` leaves it out.
 */
export function webComponentSnippet(
  figure: EmbeddableFigure,
  moduleUrl: string,
  attributes: Record<string, string | boolean>,
): string {
  return `<script type="module" src="${escapeXml(moduleUrl)}"></script>\n${figureElement(figure, attributes)}`;
}

/** The figure's element with its attributes (`true` a boolean attribute, `false` left out), values escaped. */
export function figureElement(figure: EmbeddableFigure, attributes: Record<string, string | boolean>): string {
  const attrs = Object.entries(attributes)
    .map(([name, value]) => (value === false ? "" : value === true ? ` ${name}` : ` ${name}="${escapeXml(value)}"`))
    .join("");
  return `<${figure.tag}${attrs}></${figure.tag}>`;
}
