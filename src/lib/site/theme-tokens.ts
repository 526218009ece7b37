/**
 * The site's design tokens (the custom properties in global.css), read as
 * data so places without the site's stylesheet get the same colours: the
 * build-time preset images (resvg knows no CSS variables) and the standalone
 * web component (its shadow root does not inherit the site's :root).
 * global.css stays the one place the palette is written.
 */

export type Tokens = Record<string, string>;

export interface ThemeTokens {
  light: Tokens;
  dark: Tokens;
}

function stripComments(css: string): string {
  return css.replace(/\/\*[\s\S]*?\*\//g, "");
}

/** The custom-property declarations directly inside the first rule whose selector is exactly `selector`. */
function declarationsOf(css: string, selector: string): Tokens {
  const tokens: Tokens = {};
  const rule = new RegExp(`(^|[}\\s])${selector.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}\\s*\\{([^{}]*)\\}`);
  const match = rule.exec(css);
  if (!match) return tokens;
  for (const decl of match[2]!.split(";")) {
    const m = /^\s*(--[\w-]+)\s*:\s*([\s\S]+?)\s*$/.exec(decl);
    if (m) tokens[m[1]!] = m[2]!;
  }
  return tokens;
}

/**
 * Light tokens from `:root { … }`, dark tokens from `:root[data-theme="dark"] { … }`
 * laid over the light ones (the dark block only restates what changes).
 */
export function extractThemeTokens(globalCss: string): ThemeTokens {
  const css = stripComments(globalCss);
  const light = declarationsOf(css, ":root");
  const darkOnly = declarationsOf(css, ':root[data-theme="dark"]');
  if (!light["--bg"] || !darkOnly["--bg"]) throw new Error("global.css: theme token blocks not found");
  return { light, dark: { ...light, ...darkOnly } };
}

/**
 * Replaces every `var(--name)` / `var(--name, fallback)` in `css` with the
 * token's value (recursively, for tokens defined by other tokens); an unknown
 * name takes its fallback, or `initial` when it has none.
 */
export function resolveVars(css: string, tokens: Tokens, depth = 0): string {
  if (depth > 8) return css;
  const out = css.replace(/var\(\s*(--[\w-]+)\s*(?:,\s*([^()]*(?:\([^()]*\)[^()]*)*))?\)/g, (_all, name: string, fallback?: string) => {
    const value = tokens[name] ?? fallback?.trim() ?? "initial";
    return resolveVars(value, tokens, depth + 1);
  });
  return out;
}

/** The tokens as declarations, for a :host or :root rule. */
export function tokenDeclarations(tokens: Tokens): string {
  return Object.entries(tokens)
    .map(([name, value]) => `${name}:${value};`)
    .join("");
}
