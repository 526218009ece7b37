/**
 * A teacher takes a figure into Keynote, PowerPoint or Google Slides: from the
 * share panel under the figure they download a standalone SVG and PNGs at
 * slide size and at twice the on-screen size, copy snippets, or take a
 * ready-made preset image.
 */
import { readFile } from "node:fs/promises";
import { caseTitle, expect, test, workerBrowser } from "./support/test";
import type { Page } from "@playwright/test";
import {
  EMBEDDABLE,
  IMAGE_FORMATS,
  IMAGE_PNG_SCALE,
  IMAGE_PRESETS,
  IMAGE_SIZE,
  IMAGE_THEMES,
  presetFileName,
} from "../../src/lib/embed/embed-registry";
import EMBED_WORDS from "../../content/embeds.json" with { type: "json" };
import { siteUrl, watchedPage } from "./support/browser";
import { pngSize, siteTokens } from "./support/images";
import { sharedPage } from "./support/shared-page";
import type { TokenName } from "../../src/lib/site/theme-tokens";

/** The band token (`rgb(0 114 178 / 0.07)`) as the file must paint it: the hex colour, and its alpha as fill-opacity. */
function bandPaint(token: string): RegExp {
  const m = /^rgb\((\d+) (\d+) (\d+) \/ ([\d.]+)\)$/.exec(token);
  if (!m) throw new Error(`unexpected band token ${token}`);
  const hex = [m[1], m[2], m[3]].map((c) => Number(c).toString(16).padStart(2, "0")).join("");
  return new RegExp(`fill="#${hex}"[^>]*fill-opacity="${m[4]}"`, "i");
}

const browser = workerBrowser();

const tokens = siteTokens();
const figure = EMBEDDABLE.find((f) => f.id === "focal-curves")!;
/** The figure gallery: one page with every figure and its share panel. */
const PAGE = "figures/";

async function openPanel(query = "", colorScheme: "light" | "dark" = "light") {
  const watched = await watchedPage(browser.current, { colorScheme, acceptDownloads: true });
  await watched.context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: new URL(siteUrl()).origin });
  await watched.page.goto(siteUrl(`${PAGE}${query}`));
  const panel = watched.page.locator(".share-panel").first();
  await panel.scrollIntoViewIfNeeded();
  await watched.page.waitForSelector("focal-loss-curves[data-ready]");
  await panel.locator("summary").click();
  return { ...watched, panel };
}

async function downloadFrom(page: Page, click: () => Promise<void>): Promise<{ name: string; bytes: Buffer }> {
  const [download] = await Promise.all([page.waitForEvent("download", { timeout: 20_000 }), click()]);
  const path = await download.path();
  return { name: download.suggestedFilename(), bytes: await readFile(path!) };
}

/** References that would make an SVG file reach outside itself. */
function externalReferences(svg: string): string[] {
  const hrefs = [...svg.matchAll(/\s(?:xlink:)?href\s*=\s*["']([^"']*)["']/g)]
    .map((m) => m[1]!)
    .filter((v) => !v.startsWith("#") && !v.startsWith("data:"));
  const urls = [...svg.matchAll(/url\(\s*["']?([^"')\s]*)/g)]
    .map((m) => m[1]!)
    .filter((v) => !v.startsWith("#") && !v.startsWith("data:"));
  return [...hrefs, ...urls, ...[...svg.matchAll(/@import[^;]*/g)].map((m) => m[0])];
}

/**
 * Parses SVG text with the browser's XML parser and reports what a slide tool
 * would see. Run it in a blank page: under the site's CSP, DOMParser itself
 * reports the file's <style> as a blocked inline style (a test artefact; the
 * file rendered as an image is not affected).
 */
async function inspectSvg(page: Page, text: string) {
  return page.evaluate(async (svgText) => {
    const doc = new DOMParser().parseFromString(svgText, "image/svg+xml");
    const root = doc.documentElement;
    const strokes = [...doc.querySelectorAll("path")]
      .map((p) => p.getAttribute("stroke"))
      .filter((s) => s && s !== "none");
    const image = new Image();
    image.src = URL.createObjectURL(new Blob([svgText], { type: "image/svg+xml" }));
    await image.decode();
    return {
      parseError: doc.querySelector("parsererror")?.textContent ?? null,
      rootName: root.localName,
      namespace: root.namespaceURI,
      strokes,
      styleElements: [...doc.querySelectorAll("style")].map((s) => s.textContent ?? ""),
      classAttributes: doc.querySelectorAll("[class]").length,
      title: doc.querySelector("title")?.textContent ?? "",
      imageSize: [image.naturalWidth, image.naturalHeight],
    };
  }, text);
}

test.describe("the share panel", () => {
  test("downloads the live view as a standalone SVG: parses, has the curves in the theme's colours, no external references", async () => {
    const { page, context, panel, problems } = await openPanel("?gamma=1.5", "dark");
    const { name, bytes } = await downloadFrom(page, () => panel.getByRole("button", { name: "Download SVG" }).click());
    expect(name).toBe("focal-curves-gamma-1.5.svg");
    const text = bytes.toString("utf8");
    expect(externalReferences(text)).toEqual([]);
    const svg = await inspectSvg(await context.newPage(), text);
    expect(svg.parseError).toBeNull();
    expect(svg.rootName).toBe("svg");
    expect(svg.namespace).toBe("http://www.w3.org/2000/svg");
    // Styles are attributes now, with the dark theme's colours: five reference curves and the reader's.
    const dark = tokens.dark;
    for (const token of [
      "--curve-g0",
      "--curve-g05",
      "--curve-g1",
      "--curve-g2",
      "--curve-g5",
      "--curve-reader",
    ] as const) {
      expect(
        svg.strokes.map((s) => s!.toLowerCase()),
        token,
      ).toContain(dark[token].toLowerCase());
    }
    // The "well-classified examples" band is painted, at the theme's band opacity.
    expect(text).toMatch(bandPaint(dark["--band"]));
    expect(svg.classAttributes).toBe(0);
    // The text face travels inside the file.
    expect(svg.styleElements.join("")).toMatch(
      /@font-face\{font-family:"Inter";[^}]*src:url\(data:font\/woff2;base64,/,
    );
    expect(svg.imageSize[0]).toBeGreaterThan(300);
    expect(problems).toEqual([]);
    await context.close();
  });

  test("downloads PNGs at exactly 1920 × 1080 and at twice the chart's on-screen size", async () => {
    const { page, context, panel } = await openPanel();
    const slide = await downloadFrom(page, () => panel.getByRole("button", { name: "PNG 1920 × 1080" }).click());
    expect(pngSize(slide.bytes)).toEqual({ width: 1920, height: 1080 });
    expect(slide.name).toBe("focal-curves-1920x1080.png");

    const box = await page
      .locator("focal-loss-curves svg.chart")
      .first()
      .evaluate((el) => {
        const r = el.getBoundingClientRect();
        return { width: r.width, height: r.height };
      });
    const double = await downloadFrom(page, () => panel.getByRole("button", { name: "PNG at 2× screen size" }).click());
    expect(pngSize(double.bytes)).toEqual({ width: Math.round(box.width * 2), height: Math.round(box.height * 2) });
    await context.close();
  });

  test("copies a link to this view, an iframe snippet and a web-component snippet", async () => {
    const { page, context, panel } = await openPanel("?gamma=3&alpha=0.5&yscale=log");
    const clipboard = () => page.evaluate(() => navigator.clipboard.readText());

    await panel.getByRole("button", { name: "Copy link" }).click();
    await expect.poll(clipboard).toMatch(/\/figures\/\?gamma=3&alpha=0\.5&yscale=log#/);
    expect(await panel.locator("[data-share-status]").textContent()).toBe("Link copied.");

    await panel.getByRole("button", { name: "Copy <iframe>" }).click();
    const iframe = await clipboard();
    const origin = new URL(siteUrl()).origin;
    expect(iframe).toBe(
      `<iframe src="${siteUrl(`embed/${figure.id}/`)}?gamma=3&amp;alpha=0.5&amp;yscale=log" title="${EMBED_WORDS["focal-curves"].title}" ` +
        `width="${figure.size.width}" height="${figure.size.height}" style="border:0;max-width:100%" loading="lazy"></iframe>`,
    );
    expect(iframe.startsWith(`<iframe src="${origin}`)).toBe(true);

    await panel.getByRole("button", { name: "Copy web component" }).click();
    expect(await clipboard()).toBe(
      `<script type="module" src="${siteUrl("embed/focal-loss.js")}"></script>\n<focal-loss-curves gamma="3" alpha="0.5" y-scale="log"></focal-loss-curves>`,
    );
    await context.close();
  });

  test("a link copied at once after moving γ carries the new γ (the debounced URL write is flushed first)", async () => {
    const { page, context, panel } = await openPanel("?gamma=3");
    const slider = page.locator("focal-loss-curves").first().locator('input[data-control="gamma"]');
    await slider.focus();
    await page.keyboard.press("ArrowRight");
    const moved = await slider.inputValue();
    expect(moved).not.toBe("3");
    await panel.getByRole("button", { name: "Copy link" }).click();
    await expect.poll(() => page.evaluate(() => navigator.clipboard.readText())).toContain(`?gamma=${moved}#`);
    await context.close();
  });

  test("links to ready-made preset images that exist, in light and dark, SVG, PNG and vector PDF", async () => {
    const { page, context, panel } = await openPanel();
    const links = await panel
      .locator(".share-presets a")
      .evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).href));
    expect(links).toHaveLength(IMAGE_PRESETS.length * IMAGE_THEMES.length * IMAGE_FORMATS.length);
    for (const preset of IMAGE_PRESETS) {
      for (const theme of IMAGE_THEMES) {
        for (const format of IMAGE_FORMATS) {
          expect(links).toContain(siteUrl(`images/${presetFileName(figure, preset, theme, format)}`));
        }
      }
    }
    await context.close();
    void page;
  });
});

/** The curve colours each figure's presets must show: the five reference curves and the reader's, or CE (drawn in γ = 0's colour) and the reader's. */
const CURVE_TOKENS: Record<string, TokenName[]> = {
  "focal-curves": ["--curve-g0", "--curve-g05", "--curve-g1", "--curve-g2", "--curve-g5", "--curve-reader"],
  "modulating-factor": ["--curve-g0", "--curve-g05", "--curve-g1", "--curve-g2", "--curve-g5", "--curve-reader"],
  "logit-gradient": ["--curve-g0", "--curve-reader"],
};
const withPresets = EMBEDDABLE.filter((f) => f.kind === "figure");

test.describe("the preset images", () => {
  // One blank page parses every file (the tests read files, not a page of the site).
  const blank = sharedPage((browser) => watchedPage(browser));

  test("exist for every figure", () => {
    expect(withPresets.map((f) => f.id).sort()).toEqual(Object.keys(CURVE_TOKENS).sort());
  });

  for (const [index, row] of withPresets
    .flatMap((f) => IMAGE_PRESETS.flatMap((p) => IMAGE_THEMES.map((t) => [f.id, p.id, t, f, p] as const)))
    .entries()) {
    test(caseTitle("%s %s (%s) are a standalone SVG, a 2× PNG and a one-page vector PDF", row, index), async () => {
      const [, , theme, entry, preset] = row;
      const { page } = blank.current;
      const svgResponse = await fetch(siteUrl(`images/${presetFileName(entry, preset, theme, "svg")}`));
      expect(svgResponse.status).toBe(200);
      expect(svgResponse.headers.get("content-type")).toBe("image/svg+xml");
      const text = await svgResponse.text();
      expect(externalReferences(text)).toEqual([]);
      const svg = await inspectSvg(page, text);
      expect(svg.parseError).toBeNull();
      expect(svg.imageSize).toEqual([IMAGE_SIZE.width, IMAGE_SIZE.height]);
      // The curves in the theme's colours; glyphs are paths, so no font is needed.
      const palette = tokens[theme];
      for (const token of CURVE_TOKENS[entry.id]!) {
        expect(
          svg.strokes.map((s) => s!.toLowerCase()),
          token,
        ).toContain(palette[token].toLowerCase());
      }
      // The band under "well-classified examples" is there (resvg writes it as a filled path), not at opacity 0.
      if (entry.id !== "logit-gradient") expect(text).toMatch(bandPaint(palette["--band"]));
      expect(text).not.toContain("<text");
      expect(svg.title).toContain(preset.label);

      const png = new Uint8Array(
        await (await fetch(siteUrl(`images/${presetFileName(entry, preset, theme, "png")}`))).arrayBuffer(),
      );
      expect(pngSize(png)).toEqual({
        width: IMAGE_SIZE.width * IMAGE_PNG_SCALE,
        height: IMAGE_SIZE.height * IMAGE_PNG_SCALE,
      });

      // The PDF: one page of the image's size in points, drawn with vector paths, no raster image inside.
      const pdfResponse = await fetch(siteUrl(`images/${presetFileName(entry, preset, theme, "pdf")}`));
      expect(pdfResponse.headers.get("content-type")).toBe("application/pdf");
      const pdf = Buffer.from(await pdfResponse.arrayBuffer()).toString("latin1");
      expect(pdf.startsWith("%PDF-1.")).toBe(true);
      expect(pdf.match(/\/Type \/Page\b/g)).toHaveLength(1);
      expect(pdf).toContain(`/MediaBox [0 0 ${IMAGE_SIZE.width} ${IMAGE_SIZE.height}]`);
      expect(pdf).not.toMatch(/\/Subtype \/Image/);
    });
  }

  for (const [index, row] of withPresets.map((f) => [f.id, f] as const).entries()) {
    test(caseTitle("%s: each preset draws its own γ (and α) on the reader's curve", row, index), async () => {
      const [, entry] = row;
      const readerStroke = tokens.light["--curve-reader"]!.toLowerCase();
      const paths = new Set<string>();
      for (const preset of IMAGE_PRESETS) {
        const text = await (await fetch(siteUrl(`images/${presetFileName(entry, preset, "light", "svg")}`))).text();
        const reader = [...text.matchAll(/<path [^>]*stroke="([^"]+)"[^>]*d="([^"]+)"/g)].find(
          (m) => m[1]!.toLowerCase() === readerStroke,
        );
        expect(reader, preset.id).toBeDefined();
        paths.add(reader![2]!);
      }
      // α does not enter the modulating factor (1 − pₜ)^γ, so there the α = 0.25, γ = 2 preset draws γ = 2's curve.
      const distinct = new Set(
        IMAGE_PRESETS.map((p) => (entry.id === "modulating-factor" ? `${p.gamma}` : `${p.gamma}|${p.alpha}`)),
      );
      expect(paths.size).toBe(distinct.size);
    });
  }
});
