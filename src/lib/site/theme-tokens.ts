/**
 * The site's design tokens as data: the one palette every picture is painted
 * from where no stylesheet reaches (the preset images, the social card, the
 * SVG download, the standalone web component's shadow root). global.css
 * declares the same custom properties for the pages; a unit test
 * (tests/unit/lib/site/theme-tokens.test.ts) holds the two equal, so changing
 * a colour means changing it in both, or the test says which one is stale.
 */

const LIGHT = {
  "--font-text": '"Source Serif 4", "Iowan Old Style", "Palatino Linotype", Georgia, serif',
  "--font-ui": '"Inter", system-ui, -apple-system, "Segoe UI", sans-serif',
  "--font-mono": 'ui-monospace, "SF Mono", Menlo, Consolas, monospace',
  "--measure": "36em",
  "--wide": "min(100%, 64rem)",
  "--space": "clamp(1rem, 0.6rem + 1.5vw, 1.5rem)",

  "--bg": "#fbfaf7",
  "--bg-raised": "#ffffff",
  "--bg-sunken": "#f1efe9",
  "--text": "#1c1d21",
  "--text-muted": "#55585f",
  "--rule": "#d9d6ce",
  "--link": "#1a4fa0",
  "--accent": "#1d3c6e",
  "--focus": "#c2410c",
  "--key-idea-bg": "#eef3fb",
  "--error": "#b3261e",
  "--warn-bg": "#fff4d6",
  "--ok": "#1a7f37",

  // Curve family (Okabe–Ito, distinguishable with colour-blindness); the reader's own curve is always --curve-reader.
  "--curve-g0": "#0072b2",
  "--curve-g05": "#56a0d3",
  "--curve-g1": "#009e73",
  "--curve-g2": "#b8860b",
  "--curve-g5": "#d55e00",
  "--curve-reader": "#cc3d8f",
  "--band": "rgb(0 114 178 / 0.07)",
} as const;

export type TokenName = keyof typeof LIGHT;
export type Tokens = Record<TokenName, string>;

export interface ThemeTokens {
  light: Tokens;
  dark: Tokens;
}

/** What the dark theme restates: the same hues with lifted lightness, so curves keep their contrast. */
const DARK_CHANGES: Partial<Tokens> = {
  "--bg": "#14161a",
  "--bg-raised": "#1c1f24",
  "--bg-sunken": "#0f1114",
  "--text": "#e8e6e1",
  "--text-muted": "#a9abb1",
  "--rule": "#34373e",
  "--link": "#8db4ff",
  "--accent": "#a8c1f0",
  "--focus": "#fb923c",
  "--key-idea-bg": "#1b2433",
  "--error": "#ff8a80",
  "--warn-bg": "#3a3119",
  "--ok": "#57d98a",
  "--curve-g0": "#56b4e9",
  "--curve-g05": "#9ecff0",
  "--curve-g1": "#2fd0a0",
  "--curve-g2": "#f0c05a",
  "--curve-g5": "#ff8a4c",
  "--curve-reader": "#ff7ac6",
  "--band": "rgb(86 180 233 / 0.09)",
};

export const THEME_TOKENS: ThemeTokens = { light: LIGHT, dark: { ...LIGHT, ...DARK_CHANGES } };

/** The tokens the dark theme changes, as the second colours of global.css's light-dark() pairs. */
export const DARK_TOKEN_CHANGES: Readonly<Partial<Tokens>> = DARK_CHANGES;

/** The tokens as declarations, for a :host or :root rule. */
export function tokenDeclarations(tokens: Tokens): string {
  return Object.entries(tokens)
    .map(([name, value]) => `${name}:${value};`)
    .join("");
}
