/** A grayscale scene as a PNG data URL, through a canvas (the build uses a PNG encoder instead). */
import { SCENE_SIZE, type Scene } from "../lib/detector-lab/scenes";

const cache = new WeakMap<Scene, string>();

export function sceneImage(scene: Scene): string {
  const known = cache.get(scene);
  if (known) return known;
  const canvas = document.createElement("canvas");
  canvas.width = SCENE_SIZE;
  canvas.height = SCENE_SIZE;
  const ctx = canvas.getContext("2d");
  if (!ctx) return "";
  const pixels = ctx.createImageData(SCENE_SIZE, SCENE_SIZE);
  scene.image.forEach((v, i) => {
    const g = Math.round(v * 255);
    pixels.data.set([g, g, g, 255], i * 4);
  });
  ctx.putImageData(pixels, 0, 0);
  const url = canvas.toDataURL("image/png");
  cache.set(scene, url);
  return url;
}
