import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import {
  DARK_TOKEN_CHANGES,
  THEME_TOKENS,
  tokenDeclarations,
  type Tokens,
} from "../../../../src/lib/site/theme-tokens";

const globalCss = readFileSync("src/styles/global.css", "utf8").replace(/\/\*[\s\S]*?\*\//g, "");

/** The custom properties declared directly in the rule whose selector is exactly `selector` (at any nesting). */
function declaredIn(selector: string): Record<string, string> {
  const escaped = selector.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  const block = new RegExp(`(?:^|[{}\\s])${escaped}\\s*\\{([^{}]*)\\}`).exec(globalCss);
  if (!block) throw new Error(`global.css has no ${selector} block`);
  const out: Record<string, string> = {};
  for (const m of block[1]!.matchAll(/(--[\w-]+)\s*:\s*([^;]+?)\s*(?:;|$)/g)) out[m[1]!] = m[2]!.replace(/\s+/g, " ");
  return out;
}

describe("the palette (THEME_TOKENS) and global.css", () => {
  it("declare the same light tokens in :root", () => {
    expect(declaredIn(":root")).toEqual(THEME_TOKENS.light);
  });

  it.each([':root[data-theme="dark"]', ':root:not([data-theme="light"])'])(
    "restate the same dark tokens in %s",
    (selector) => {
      expect(declaredIn(selector)).toEqual(DARK_TOKEN_CHANGES);
    },
  );

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
