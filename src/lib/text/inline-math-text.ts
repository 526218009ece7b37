/**
 * Plain text for a line that typesets its math as $…$ (a chapter's summary): where
 * no KaTeX can run (a meta description, a search result), the same symbols in
 * Unicode, so the reader sees pₜ and (1 − pₜ)ᵞ rather than p_t and ^\gamma.
 */
const SYMBOLS: Record<string, string> = { "\\gamma": "γ", "\\alpha": "α", "\\sigma": "σ", "\\ln": "ln" };
/** Unicode subscripts and superscripts for the letters the site's notation uses. */
const SUBSCRIPT: Record<string, string> = { t: "ₜ" };
const SUPERSCRIPT: Record<string, string> = { γ: "ᵞ", "2": "²" };

function mathAsText(tex: string): string {
  const symbols = tex.replace(/\\[a-zA-Z]+/g, (name) => SYMBOLS[name] ?? name.slice(1));
  return symbols
    .replace(/_\{?([a-z])\}?/g, (whole, c: string) => SUBSCRIPT[c] ?? whole)
    .replace(/\^\{?(γ|2)\}?/g, (whole, c: string) => SUPERSCRIPT[c] ?? whole)
    .replace(/ - /g, " − ")
    .replace(/\s+/g, " ")
    .trim();
}

/** The text with each $…$ span written in Unicode instead of TeX. */
export function inlineMathText(text: string): string {
  return text.replace(/\$([^$]+)\$/g, (_, tex: string) => mathAsText(tex));
}
