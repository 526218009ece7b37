/**
 * A standalone SVG rasterised to PNG in the browser: the same file the SVG
 * download gives, drawn onto a canvas, so the two downloads cannot differ.
 */

export interface PngOptions {
  width: number;
  height: number;
  /** canvas fill behind the chart (letterbox bars included); null for transparent */
  background: string | null;
}

async function loadImage(svgText: string): Promise<HTMLImageElement> {
  const url = URL.createObjectURL(new Blob([svgText], { type: "image/svg+xml" }));
  try {
    const image = new Image();
    image.src = url;
    await image.decode();
    return image;
  } finally {
    // decode() has the pixels; the object URL is no longer needed.
    setTimeout(() => URL.revokeObjectURL(url), 0);
  }
}

/**
 * The SVG drawn at exactly width × height pixels; when the aspect ratios
 * differ (a 16:10 chart on a 16:9 slide) it is centred, scaled to fit.
 */
export async function svgToPng(svgText: string, options: PngOptions): Promise<Blob> {
  const image = await loadImage(svgText);
  const canvas = document.createElement("canvas");
  canvas.width = options.width;
  canvas.height = options.height;
  const context = canvas.getContext("2d");
  if (!context) throw new Error("no 2D canvas");
  if (options.background) {
    context.fillStyle = options.background;
    context.fillRect(0, 0, canvas.width, canvas.height);
  }
  const naturalWidth = image.naturalWidth || options.width;
  const naturalHeight = image.naturalHeight || options.height;
  const scale = Math.min(options.width / naturalWidth, options.height / naturalHeight);
  const w = naturalWidth * scale;
  const h = naturalHeight * scale;
  context.imageSmoothingQuality = "high";
  context.drawImage(image, (options.width - w) / 2, (options.height - h) / 2, w, h);
  return new Promise((resolve, reject) =>
    canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error("PNG encoding failed"))), "image/png"),
  );
}
