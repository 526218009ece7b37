/**
 * Text made safe for XML and HTML, in content and in double-quoted attribute
 * values alike: the site's one escaper, for SVG scenes, KaTeX's accessible
 * text, the embed snippets and the build-time images.
 */
export function escapeXml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}
