/**
 * /images/<figure>-<preset>-<theme>.svg|png|pdf: the preset images, written at
 * build time (see src/build/preset-images.ts).
 */
import type { APIRoute, GetStaticPaths } from "astro";
import { presetFile, presetFiles, type PresetFile } from "../../build/preset-images";

export const getStaticPaths = (() =>
  presetFiles().map((file) => ({ params: { file: file.fileName }, props: { file } }))) satisfies GetStaticPaths;

export const GET: APIRoute<{ file: PresetFile }> = async ({ props }) => {
  const { body, contentType } = await presetFile(props.file);
  return new Response(typeof body === "string" ? body : new Uint8Array(body), {
    headers: { "content-type": contentType },
  });
};
