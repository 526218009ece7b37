/**
 * resvg with the site's faces, for the pictures drawn at build time (the
 * preset images and the social cards). resvg reads sfnt files only and
 * @fontsource ships WOFF and WOFF2, so the faces are converted once per build
 * into a temporary directory and every render shares them. No system fonts:
 * an image must look the same on every machine that builds the site.
 */
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { Resvg } from "@resvg/resvg-js";
import type { SvgNode } from "../charts/scene";
import { woffToSfnt } from "./woff-to-sfnt";

/**
 * Latin before Greek within a family: resvg matches the first face of a
 * family and falls back to the others (the Greek subset) only for glyphs it
 * lacks, whatever their style.
 */
const FACES: readonly (readonly [string, string])[] = [
  ...["latin", "greek"].flatMap((subset) =>
    ["400-normal", "600-normal", "400-italic"].map(
      (face) => ["@fontsource/inter/files", `inter-${subset}-${face}`] as const,
    ),
  ),
  ["@fontsource/source-serif-4/files", "source-serif-4-latin-600-normal"],
  ["@fontsource/source-serif-4/files", "source-serif-4-latin-400-normal"],
  ["@fontsource/source-serif-4/files", "source-serif-4-latin-400-italic"],
];

let fontFiles: string[] | null = null;

function sfntFiles(): string[] {
  if (fontFiles) return fontFiles;
  const dir = mkdtempSync(join(tmpdir(), "focal-loss-fonts-"));
  fontFiles = FACES.map(([pkg, name]) => {
    const file = join(dir, `${name}.ttf`);
    writeFileSync(file, woffToSfnt(readFileSync(resolve("node_modules", pkg, `${name}.woff`))));
    return file;
  });
  return fontFiles;
}

/** The markup ready to render or flatten; the size to render at is the one the markup gives. */
export function resvg(markup: string, defaultFontFamily: "Inter" | "Source Serif 4"): Resvg {
  return new Resvg(markup, { font: { fontFiles: sfntFiles(), loadSystemFonts: false, defaultFontFamily } });
}

/**
 * The @fontsource semibold Inter files name their family "Inter SemiBold" (no
 * typographic family name), so resvg finds them only by that name: text set in
 * weight 600 or more asks for it first. Returns a copy; scene nodes may be shared.
 */
export function preferSemiBoldInter(n: SvgNode): SvgNode {
  const weight = n.attrs?.["font-weight"];
  const heavy = weight === "bold" || (weight !== undefined && weight !== null && Number(weight) >= 600);
  const attrs = heavy
    ? { ...n.attrs, "font-family": `"Inter SemiBold", ${n.attrs?.["font-family"] ?? "Inter"}` }
    : n.attrs;
  return n.children ? { ...n, attrs, children: n.children.map(preferSemiBoldInter) } : { ...n, attrs };
}
