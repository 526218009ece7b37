/**
 * The preset images (γ = 0, 0.5, 1, 2, 5 and α = 0.25, γ = 2; light and dark)
 * for slide tools that take only images. Drawn by the figures' own scene
 * builders, painted by the charts' paint table in the theme's tokens (the same
 * table the share panel's SVG download uses), then run through resvg: the SVG
 * file comes out with every style an attribute and every glyph a path (it
 * looks the same in any tool, with no font installed), and the PNG is
 * rendered from it at 2×; the PDF replays the same flattened paths through
 * PDFKit (svg-to-pdf.ts), so the curves stay vectors in Beamer and Keynote.
 */
import { focalCurvesScene } from "../charts/focal-curves";
import { logitLossGradientScene } from "../charts/logit-loss-gradient";
import { modulatingFactorScene } from "../charts/modulating-factor";
import { colourAndOpacity, paintScene } from "../charts/paint";
import { node, sceneToMarkup, type SvgNode } from "../charts/scene";
import { focalCurvesData, logitLossGradientData, modulatingFactorData } from "../lib/views/figure-data";
import {
  EMBEDDABLE,
  IMAGE_FORMATS,
  IMAGE_PNG_SCALE,
  IMAGE_PRESETS,
  IMAGE_SIZE,
  IMAGE_THEMES,
  presetFileName,
  type EmbeddableFigure,
  type EmbedSize,
  type ImageFormat,
  type ImagePreset,
  type ImageTheme,
} from "../lib/embed/embed-registry";
import { THEME_TOKENS } from "../lib/site/theme-tokens";
import { escapeXml } from "../lib/text/escape-xml";
import { preferSemiBoldInter, resvg } from "./resvg";
import { svgToPdf } from "./svg-to-pdf";

/**
 * The margin around the chart on the image's canvas: the charts leave room
 * for their axes, but their top tick ("5") and curves reach the plot's top
 * edge, which on a page has the figure's padding above it and on an image
 * would be the edge of the file.
 */
const IMAGE_MARGIN = 24;

/** How each figure draws a preset; figures without an entry get no preset images. */
const PRESET_SCENES: Record<string, (preset: ImagePreset, size: EmbedSize) => SvgNode> = {
  "focal-curves": (preset, size) =>
    focalCurvesScene(focalCurvesData({ gamma: preset.gamma, alpha: preset.alpha }), {
      ...size,
      yScale: "linear",
      crosshair: null,
      examples: [],
    }),
  "modulating-factor": (preset, size) =>
    modulatingFactorScene(modulatingFactorData({ gamma: preset.gamma, alpha: preset.alpha }), {
      ...size,
      crosshair: null,
    }),
  "logit-gradient": (preset, size) =>
    logitLossGradientScene(logitLossGradientData({ gamma: preset.gamma, alpha: preset.alpha }), {
      ...size,
      crosshair: null,
    }),
};

export interface PresetFile {
  fileName: string;
  figure: EmbeddableFigure;
  preset: ImagePreset;
  theme: ImageTheme;
  format: ImageFormat;
}

export function presetFiles(): PresetFile[] {
  return EMBEDDABLE.filter((figure) => PRESET_SCENES[figure.id]).flatMap((figure) =>
    IMAGE_PRESETS.flatMap((preset) =>
      IMAGE_THEMES.flatMap((theme) =>
        IMAGE_FORMATS.map((format) => ({
          fileName: presetFileName(figure, preset, theme, format),
          figure,
          preset,
          theme,
          format,
        })),
      ),
    ),
  );
}

/** The scene painted for a theme, on a background with a margin, as SVG markup resvg can read without CSS. */
export function styledPresetMarkup(
  figureId: string,
  preset: ImagePreset,
  theme: ImageTheme,
  scale = 1,
): { markup: string; title: string; desc: string } {
  const draw = PRESET_SCENES[figureId];
  if (!draw) throw new Error(`no preset images for ${figureId}`);
  const tokens = THEME_TOKENS[theme];
  const inner = { width: IMAGE_SIZE.width - 2 * IMAGE_MARGIN, height: IMAGE_SIZE.height - 2 * IMAGE_MARGIN };
  const chart = preferSemiBoldInter(paintScene(draw(preset, inner), tokens));
  const children = chart.children ?? [];
  const text = (tag: string) => children.find((c) => c.tag === tag)?.text ?? "";
  const { width, height } = IMAGE_SIZE;
  const { "font-family": fontFamily, "font-size": fontSize } = chart.attrs ?? {};
  // The viewBox stays; a larger width and height draw the same picture at a higher resolution.
  const image = node(
    "svg",
    chart.key,
    {
      viewBox: `0 0 ${width} ${height}`,
      width: width * scale,
      height: height * scale,
      "font-family": fontFamily,
      "font-size": fontSize,
    },
    [
      node("rect", "background", { x: 0, y: 0, width, height, fill: colourAndOpacity(tokens["--bg"]).colour }),
      node(
        "g",
        "chart",
        { class: chart.attrs?.class, transform: `translate(${IMAGE_MARGIN},${IMAGE_MARGIN})` },
        children.filter((c) => c.tag !== "title" && c.tag !== "desc"),
      ),
    ],
  );
  return { markup: sceneToMarkup(image), title: text("title"), desc: text("desc") };
}

interface Rendered {
  svg: string;
  png: Buffer;
  pdf: Promise<Uint8Array>;
}

const cache = new Map<string, Rendered>();

function render(figureId: string, preset: ImagePreset, theme: ImageTheme): Rendered {
  const key = `${figureId}|${preset.id}|${theme}`;
  const hit = cache.get(key);
  if (hit) return hit;
  const { markup, title, desc } = styledPresetMarkup(figureId, preset, theme);
  // usvg's output drops <title>/<desc>; put the text alternative back for screen readers and search.
  const normalised = resvg(markup, "Inter").toString();
  const flattened = normalised.replace(
    /^<svg([^>]*)>/,
    `<svg$1 role="img"><title>${escapeXml(`${title} (${preset.label}, ${theme})`)}</title><desc>${escapeXml(desc)}</desc>`,
  );
  const png = resvg(styledPresetMarkup(figureId, preset, theme, IMAGE_PNG_SCALE).markup, "Inter")
    .render()
    .asPng();
  const pdf = svgToPdf(normalised, { title: `${title} (${preset.label}, ${theme})` });
  const result = { svg: `<?xml version="1.0" encoding="UTF-8"?>\n${flattened}`, png, pdf };
  cache.set(key, result);
  return result;
}

/** The bytes of one preset file. */
export async function presetFile(file: PresetFile): Promise<{ body: string | Uint8Array; contentType: string }> {
  const { svg, png, pdf } = render(file.figure.id, file.preset, file.theme);
  if (file.format === "svg") return { body: svg, contentType: "image/svg+xml" };
  if (file.format === "png") return { body: png, contentType: "image/png" };
  return { body: await pdf, contentType: "application/pdf" };
}
