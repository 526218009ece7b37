/**
 * Builds the standalone web component module (`/embed/focal-loss.js`): the
 * chart code, the elements and their CSS in one ES module with a stable name,
 * which Astro's hashed script names cannot give. Bundled by esbuild (Vite's
 * own bundler, already installed with Astro) after the site is built, and
 * served from memory by the dev server.
 */
import { readFile, mkdir, writeFile } from "node:fs/promises";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";
import type { AstroIntegration } from "astro";
import { build, type Plugin } from "esbuild";
import { extractThemeTokens } from "../lib/site/theme-tokens";
import { WEB_COMPONENT_PATH } from "./web-component-paths";

const SRC = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const ENTRY = resolve(SRC, "elements/standalone/index.ts");

/** `import css from "./x.css?raw"` (Vite's syntax) as a string, so the same source type-checks in Astro. */
const rawText: Plugin = {
  name: "raw-text",
  setup(b) {
    b.onResolve({ filter: /\?raw$/ }, (args) => ({ path: resolve(args.resolveDir, args.path.replace(/\?raw$/, "")), namespace: "raw-text" }));
    b.onLoad({ filter: /.*/, namespace: "raw-text" }, async (args) => ({ contents: await readFile(args.path, "utf8"), loader: "text" }));
  },
};

/** The module's source text. */
export async function bundleWebComponent(): Promise<string> {
  const tokens = extractThemeTokens(await readFile(resolve(SRC, "styles/global.css"), "utf8"));
  const result = await build({
    entryPoints: [ENTRY],
    bundle: true,
    format: "esm",
    platform: "browser",
    target: "es2022",
    minify: true,
    write: false,
    legalComments: "none",
    // The palettes come from global.css at build time, so the module carries the site's colours without its stylesheet.
    define: { __THEME_TOKENS__: JSON.stringify(tokens) },
    plugins: [rawText],
    logLevel: "silent",
  });
  return result.outputFiles[0]!.text;
}

export function webComponentModule(): AstroIntegration {
  let base = "/";
  return {
    name: "focal-loss:web-component",
    hooks: {
      "astro:config:done": ({ config }) => {
        base = config.base.endsWith("/") ? config.base : `${config.base}/`;
      },
      "astro:server:setup": ({ server }) => {
        server.middlewares.use(async (req, res, next) => {
          if (req.url?.split("?")[0] !== `${base}${WEB_COMPONENT_PATH}`) return next();
          try {
            res.setHeader("content-type", "text/javascript; charset=utf-8");
            res.end(await bundleWebComponent());
          } catch (error) {
            next(error);
          }
        });
      },
      "astro:build:done": async ({ dir, logger }) => {
        const code = await bundleWebComponent();
        const out = fileURLToPath(new URL(WEB_COMPONENT_PATH, dir));
        await mkdir(dirname(out), { recursive: true });
        await writeFile(out, code);
        const gzip = gzipSync(code, { level: 9 }).byteLength;
        logger.info(`${WEB_COMPONENT_PATH}: ${(code.length / 1024).toFixed(1)} KB, ${(gzip / 1024).toFixed(1)} KB gzip`);
      },
    },
  };
}
