/**
 * Builds the standalone web component module (`/embed/focal-loss.js`, and the
 * same code as a classic script beside it): the site's figure elements, their
 * chart code and CSS in one file each, with the stable names that Astro's
 * hashed script names cannot give. A Vite library build inside the site's own
 * Vite build, with the site's resolved aliases, so a rule the site sets (the
 * d3-interpolate alias that keeps d3-color out) holds for the module too. Its
 * files are emitted into the client build; the dev server builds them on
 * request and again after a source file changes.
 */
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";
import { build, type Plugin, type ResolvedConfig, type Rolldown } from "vite";
import { THEME_TOKENS } from "../lib/site/theme-tokens";
import { WEB_COMPONENT_CLASSIC_PATH, WEB_COMPONENT_PATH } from "./web-component-paths";

const SRC = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const ENTRY = resolve(SRC, "elements/standalone/index.ts");

/** File name → code of the module and of the classic script. */
type Files = Map<string, string>;

/** What the module's build takes from the site's Vite config. */
export type SiteBuildConfig = Pick<ResolvedConfig, "root" | "mode"> & {
  resolve: Pick<ResolvedConfig["resolve"], "alias">;
};

/** Bundles the module and the classic script with the site's aliases. */
export async function bundleWebComponent(site: SiteBuildConfig): Promise<Files> {
  const result = await build({
    configFile: false,
    root: site.root,
    mode: site.mode,
    logLevel: "warn",
    publicDir: false,
    resolve: { alias: site.resolve.alias },
    // The palettes (data in theme-tokens.ts, held equal to global.css by a test) go in as a constant, so the module carries the site's colours without its stylesheet.
    define: { __THEME_TOKENS__: JSON.stringify(THEME_TOKENS) },
    build: {
      write: false,
      target: "es2022",
      minify: true,
      // Vite's library mode keeps an ES build's whitespace (for the pure annotations a consumer's
      // bundler would tree-shake by); this file goes straight to browsers, so minify it fully.
      rolldownOptions: { output: { minify: true } },
      lib: {
        entry: ENTRY,
        formats: ["es", "iife"],
        name: "FocalLossFigures",
        fileName: (format) => (format === "es" ? WEB_COMPONENT_PATH : WEB_COMPONENT_CLASSIC_PATH),
      },
    },
  });
  const outputs = (Array.isArray(result) ? result : [result]) as Rolldown.RolldownOutput[];
  const files: Files = new Map();
  for (const { output } of outputs)
    for (const item of output) if (item.type === "chunk") files.set(item.fileName, item.code);
  return files;
}

export function webComponentModule(): Plugin {
  let site: ResolvedConfig;
  let pending: Promise<Files> | null = null;
  const files = () => (pending ??= bundleWebComponent(site));
  return {
    name: "focal-loss:web-component",
    configResolved(config) {
      site = config;
    },
    configureServer(server) {
      server.watcher.on("change", () => {
        pending = null;
      });
      const base = site.base.endsWith("/") ? site.base : `${site.base}/`;
      server.middlewares.use((req, res, next) => {
        const path = req.url?.split("?")[0] ?? "";
        const name = [WEB_COMPONENT_PATH, WEB_COMPONENT_CLASSIC_PATH].find((file) => path === `${base}${file}`);
        if (!name) return next();
        files().then(
          (built) => {
            res.setHeader("content-type", "text/javascript; charset=utf-8");
            res.end(built.get(name));
          },
          (error: unknown) => {
            pending = null;
            next(error);
          },
        );
      });
    },
    // Started with the client build and awaited at its end, so the two run side by side.
    buildStart() {
      if (this.environment.name === "client") void files().catch(() => {});
    },
    async generateBundle() {
      if (this.environment.name !== "client") return;
      for (const [fileName, source] of await files()) {
        this.emitFile({ type: "asset", fileName, source });
        const gzip = gzipSync(source, { level: 9 }).byteLength;
        site.logger.info(`${fileName}: ${(source.length / 1024).toFixed(1)} KB, ${(gzip / 1024).toFixed(1)} KB gzip`);
      }
    },
  };
}
