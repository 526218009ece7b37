/**
 * The preset images (γ = 0, 0.5, 1, 2, 5 and α = 0.25, γ = 2; light and dark)
 * for slide tools that take only images. Drawn by the figures' own chart
 * functions, styled by their own stylesheet through a build-time cascade, then
 * run through resvg: the SVG file comes out with every style an attribute and
 * every glyph a path (it looks the same in any tool, with no font installed),
 * and the PNG is rendered from it at 2×.
 */
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { Resvg } from "@resvg/resvg-js";
import chartsCss from "../charts/charts.css?raw";
import globalCss from "../styles/global.css?raw";
import { focalCurvesScene } from "../charts/focal-curves";
import { logitLossGradientScene } from "../charts/logit-loss-gradient";
import { modulatingFactorScene } from "../charts/modulating-factor";
import { sceneToMarkup, type SvgNode } from "../charts/scene";
import { focalCurvesData, logitLossGradientData, modulatingFactorData } from "../lib/views/figure-data";
import {
  EMBEDDABLE,
  IMAGE_PNG_SCALE,
  IMAGE_PRESETS,
  IMAGE_SIZE,
  IMAGE_THEMES,
  presetFileName,
  type EmbeddableFigure,
  type ImagePreset,
  type ImageTheme,
} from "../lib/embed/embed-registry";
import { extractThemeTokens } from "../lib/site/theme-tokens";
import { inlineStyles } from "./inline-css";
import { woffToSfnt } from "./woff-to-sfnt";

/** How each figure draws a preset; figures without an entry get no preset images. */
const PRESET_SCENES: Record<string, (preset: ImagePreset) => SvgNode> = {
  "focal-curves": (preset) =>
    focalCurvesScene(focalCurvesData({ gamma: preset.gamma, alpha: preset.alpha }), { ...IMAGE_SIZE, yScale: "linear", crosshair: null, examples: [] }),
  "modulating-factor": (preset) => modulatingFactorScene(modulatingFactorData({ gamma: preset.gamma, alpha: preset.alpha }), { ...IMAGE_SIZE, crosshair: null }),
  "logit-gradient": (preset) => logitLossGradientScene(logitLossGradientData({ gamma: preset.gamma, alpha: preset.alpha }), { ...IMAGE_SIZE, crosshair: null }),
};

export interface PresetFile {
  fileName: string;
  figure: EmbeddableFigure;
  preset: ImagePreset;
  theme: ImageTheme;
  format: "svg" | "png";
}

export function presetFiles(): PresetFile[] {
  return EMBEDDABLE.filter((figure) => PRESET_SCENES[figure.id]).flatMap((figure) =>
    IMAGE_PRESETS.flatMap((preset) =>
      IMAGE_THEMES.flatMap((theme) =>
        (["svg", "png"] as const).map((format) => ({ fileName: presetFileName(figure, preset, theme, format), figure, preset, theme, format })),
      ),
    ),
  );
}

let fonts: string[] | null = null;
/**
 * The site's UI face (the charts' text face) as sfnt files for resvg, written
 * once per build to a temporary directory: resvg reads sfnt files, and
 * @fontsource ships only WOFF and WOFF2. Latin first: resvg matches the first
 * face of a family and falls back to the others (the Greek subset) only for
 * glyphs it lacks, whatever their style.
 */
function fontFiles(): string[] {
  if (fonts) return fonts;
  const dir = mkdtempSync(join(tmpdir(), "focal-loss-fonts-"));
  fonts = ["latin", "greek"].flatMap((subset) =>
    ["400-normal", "600-normal", "400-italic"].map((face) => {
      const name = `inter-${subset}-${face}`;
      const file = join(dir, `${name}.ttf`);
      writeFileSync(file, woffToSfnt(readFileSync(resolve("node_modules/@fontsource/inter/files", `${name}.woff`))));
      return file;
    }),
  );
  return fonts;
}

/**
 * The @fontsource semibold files name their family "Inter SemiBold" (no
 * typographic family name), so resvg finds them only by that name: text set in
 * weight 600 or more asks for it first.
 */
function preferSemiBoldFamily(n: SvgNode): void {
  const weight = n.attrs?.["font-weight"];
  const heavy = weight === "bold" || (weight !== undefined && weight !== null && Number(weight) >= 600);
  if (heavy) n.attrs = { ...n.attrs, "font-family": `"Inter SemiBold", ${n.attrs?.["font-family"] ?? "Inter"}` };
  n.children?.forEach(preferSemiBoldFamily);
}

function escapeXml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

/** The scene styled for a theme, with a background, as SVG markup resvg can read without CSS. */
export function styledPresetMarkup(figureId: string, preset: ImagePreset, theme: ImageTheme, scale = 1): { markup: string; title: string; desc: string } {
  const draw = PRESET_SCENES[figureId];
  if (!draw) throw new Error(`no preset images for ${figureId}`);
  const tokens = extractThemeTokens(globalCss)[theme];
  const scene = inlineStyles(draw(preset), chartsCss, tokens);
  preferSemiBoldFamily(scene);
  const text = (tag: string) => scene.children?.find((c) => c.tag === tag)?.text ?? "";
  const background: SvgNode = { tag: "rect", key: "background", attrs: { x: 0, y: 0, width: IMAGE_SIZE.width, height: IMAGE_SIZE.height, fill: tokens["--bg"] } };
  scene.children = [background, ...(scene.children ?? [])];
  // The viewBox stays; a larger width and height draw the same picture at a higher resolution.
  const size = { width: IMAGE_SIZE.width * scale, height: IMAGE_SIZE.height * scale };
  return { markup: sceneToMarkup(scene, size), title: text("title"), desc: text("desc") };
}

function resvg(markup: string): Resvg {
  // The PNG's size is set in the markup (width and height at 2×, same viewBox) rather than with fitTo.
  return new Resvg(markup, { font: { fontFiles: fontFiles(), loadSystemFonts: false, defaultFontFamily: "Inter" } });
}

const cache = new Map<string, { svg: string; png: Buffer }>();

function render(figureId: string, preset: ImagePreset, theme: ImageTheme): { svg: string; png: Buffer } {
  const key = `${figureId}|${preset.id}|${theme}`;
  const hit = cache.get(key);
  if (hit) return hit;
  const { markup, title, desc } = styledPresetMarkup(figureId, preset, theme);
  // usvg's output drops <title>/<desc>; put the text alternative back for screen readers and search.
  const flattened = resvg(markup)
    .toString()
    .replace(/^<svg([^>]*)>/, `<svg$1 role="img"><title>${escapeXml(`${title} (${preset.label}, ${theme})`)}</title><desc>${escapeXml(desc)}</desc>`);
  const png = resvg(styledPresetMarkup(figureId, preset, theme, IMAGE_PNG_SCALE).markup).render().asPng();
  const result = { svg: `<?xml version="1.0" encoding="UTF-8"?>\n${flattened}`, png };
  cache.set(key, result);
  return result;
}

/** The bytes of one preset file. */
export function presetFile(file: PresetFile): { body: string | Buffer; contentType: string } {
  const { svg, png } = render(file.figure.id, file.preset, file.theme);
  return file.format === "svg" ? { body: svg, contentType: "image/svg+xml" } : { body: png, contentType: "image/png" };
}
