/**
 * The standalone module is built with the site's own Vite aliases: the
 * d3-interpolate alias keeps d3-color (and its table of named colours) out,
 * as it does for the site's pages.
 */
import { describe, expect, it } from "vitest";
import siteConfig from "../../../astro.config.mjs";
import { bundleWebComponent } from "../../../src/build/web-component-module";
import { WEB_COMPONENT_CLASSIC_PATH, WEB_COMPONENT_PATH } from "../../../src/build/web-component-paths";

describe("bundleWebComponent", () => {
  it("builds the ES module and the classic script with the site's aliases, without d3-color", async () => {
    const alias = siteConfig.vite?.resolve?.alias;
    expect(alias).toBeDefined();
    const files = await bundleWebComponent({
      root: process.cwd(),
      mode: "production",
      resolve: { alias: alias as never },
    });
    expect([...files.keys()].sort()).toEqual([WEB_COMPONENT_CLASSIC_PATH, WEB_COMPONENT_PATH].sort());
    for (const code of files.values()) {
      // d3-color's named colours start with aliceblue; the site's alias leaves them out.
      expect(code.includes("aliceblue")).toBe(false);
      for (const tag of ["focal-loss-curves", "modulating-factor-curves", "logit-loss-gradient"]) {
        expect(new RegExp(`[\`"']${tag}[\`"']`).test(code), tag).toBe(true);
      }
    }
    // The module is an ES module with no imports of its own; the classic script needs no module loader.
    expect(/^\s*import[\s{"'`]/m.test(files.get(WEB_COMPONENT_PATH)!)).toBe(false);
    expect(/\bimport\s*[{"'`(]|\bexport\s*[{*]/.test(files.get(WEB_COMPONENT_CLASSIC_PATH)!)).toBe(false);
  }, 60_000);
});
