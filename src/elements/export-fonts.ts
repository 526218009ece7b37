/**
 * The text faces of an exported SVG file: the page's own @font-face rules for
 * the faces a chart's text uses, with the font files inlined as data: URLs, so
 * the file shows the site's type wherever it is opened and points nowhere else.
 */

/** The families named in a font-family list, unquoted: `"Inter", system-ui` → ["Inter", "system-ui"]. */
export function familyNames(fontFamily: string): string[] {
  return fontFamily.split(",").map((f) => f.trim().replace(/^["']|["']$/g, ""));
}

export interface FaceUse {
  family: string;
  weight: string;
  style: string;
}

function* fontFaceRules(): Generator<CSSFontFaceRule> {
  for (const sheet of Array.from(document.styleSheets)) {
    let rules: CSSRuleList;
    try {
      rules = sheet.cssRules;
    } catch {
      continue; // a cross-origin sheet: not ours, not readable
    }
    for (const rule of Array.from(rules)) if (rule instanceof CSSFontFaceRule) yield rule;
  }
}

function weightMatches(ruleWeight: string, used: string): boolean {
  const w = Number(used) || (used === "bold" ? 700 : 400);
  const [lo, hi = lo] = ruleWeight.split(/\s+/).map((v) => (v === "bold" ? 700 : v === "normal" ? 400 : Number(v)));
  return lo !== undefined && w >= lo && w <= (hi ?? lo);
}

async function dataUrl(url: string): Promise<string> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`font ${url}: ${response.status}`);
  const blob = await response.blob();
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result));
    reader.onerror = () => reject(reader.error);
    reader.readAsDataURL(blob);
  });
}

/** @font-face rules for the faces the chart's text uses, with the font files inlined as data: URLs. */
export async function embeddedFontCss(uses: FaceUse[]): Promise<string> {
  const css: string[] = [];
  const seen = new Set<string>();
  for (const rule of fontFaceRules()) {
    const family = familyNames(rule.style.getPropertyValue("font-family"))[0] ?? "";
    const weight = rule.style.getPropertyValue("font-weight") || "400";
    const fontStyle = rule.style.getPropertyValue("font-style") || "normal";
    if (!uses.some((u) => u.family === family && weightMatches(weight, u.weight) && u.style === fontStyle)) continue;
    // Prefer the woff2 source; the rule's base is the stylesheet's URL.
    const src = rule.style.getPropertyValue("src");
    const urls = [...src.matchAll(/url\(\s*["']?([^"')]+)["']?\s*\)\s*format\(\s*["']?([\w-]+)/g)];
    const pick = urls.find((m) => m[2] === "woff2") ?? urls[0];
    if (!pick) continue;
    const base = rule.parentStyleSheet?.href ?? document.baseURI;
    const url = new URL(pick[1]!, base).href;
    if (seen.has(url)) continue;
    seen.add(url);
    const range = rule.style.getPropertyValue("unicode-range");
    css.push(
      `@font-face{font-family:"${family}";font-style:${fontStyle};font-weight:${weight};` +
        `src:url(${await dataUrl(url)}) format("${pick[2] ?? "woff2"}");${range ? `unicode-range:${range};` : ""}}`,
    );
  }
  return css.join("\n");
}
