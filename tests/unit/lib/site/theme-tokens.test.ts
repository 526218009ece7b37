import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import {
  DARK_TOKEN_CHANGES,
  THEME_TOKENS,
  tokenDeclarations,
  type Tokens,
} from "../../../../src/lib/site/theme-tokens";

const globalCss = readFileSync("src/styles/global.css", "utf8").replace(/\/\*[\s\S]*?\*\//g, "");

/** The declarations written directly in the rule whose selector is exactly `selector` (at any nesting). */
function declaredIn(selector: string): Record<string, string> {
  const escaped = selector.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  const block = new RegExp(`(?:^|[{}\\s])${escaped}\\s*\\{([^{}]*)\\}`).exec(globalCss);
  if (!block) throw new Error(`global.css has no ${selector} block`);
  const out: Record<string, string> = {};
  for (const m of block[1]!.matchAll(/([\w-]+)\s*:\s*([^;]+?)\s*(?:;|$)/g)) out[m[1]!] = m[2]!.replace(/\s+/g, " ");
  return out;
}

/** The :root tokens in one theme: a light-dark(light, dark) pair gives its first or its second colour. */
function rootTokens(theme: "light" | "dark"): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(declaredIn(":root"))) {
    if (!name.startsWith("--")) continue;
    const pair = /^light-dark\((.+?(?:\([^()]*\))?), (.+)\)$/.exec(value);
    if (pair) out[name] = theme === "light" ? pair[1]! : pair[2]!;
    else if (theme === "light") out[name] = value;
  }
  return out;
}

describe("the palette (THEME_TOKENS) and global.css", () => {
  it("declare the same light tokens in :root", () => {
    expect(rootTokens("light")).toEqual(THEME_TOKENS.light);
  });

  it("give the same dark tokens as the second colours of :root's light-dark() pairs", () => {
    expect(rootTokens("dark")).toEqual(DARK_TOKEN_CHANGES);
  });

  it("follow the system's scheme unless the theme toggle fixes one", () => {
    expect(declaredIn(":root")["color-scheme"]).toBe("light dark");
    expect(declaredIn(':root[data-theme="light"]')).toEqual({ "color-scheme": "light" });
    expect(declaredIn(':root[data-theme="dark"]')).toEqual({ "color-scheme": "dark" });
  });

  it("give every curve colour a lifted dark variant, and inherit what the dark theme does not restate", () => {
    const { light, dark } = THEME_TOKENS;
    for (const name of [
      "--curve-g0",
      "--curve-g05",
      "--curve-g1",
      "--curve-g2",
      "--curve-g5",
      "--curve-reader",
      "--bg",
      "--text",
    ] as const) {
      expect(light[name], name).toMatch(/^#[0-9a-f]{6}$/i);
      expect(dark[name], name).toMatch(/^#[0-9a-f]{6}$/i);
      expect(dark[name], name).not.toBe(light[name]);
    }
    expect(dark["--font-ui"]).toBe(light["--font-ui"]);
    expect(light["--font-ui"]).toContain("Inter");
  });
});

describe("tokenDeclarations", () => {
  it("writes every token as a declaration", () => {
    const text = tokenDeclarations(THEME_TOKENS.dark as Tokens);
    expect(text).toContain("--bg:#14161a;");
    expect(text).toContain("--band:rgb(86 180 233 / 0.09);");
    expect(text.split(";").filter(Boolean)).toHaveLength(Object.keys(THEME_TOKENS.light).length);
  });
});
