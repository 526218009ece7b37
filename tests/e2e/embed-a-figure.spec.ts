/**
 * A teacher embeds a figure in a slide or a page: /embed/<figure>/ shows the
 * figure alone, filling the frame, with its state and presentation from the
 * URL, tells the host when it is drawn, and is immune to hostile parameters.
 */
import { caseTitle, expect, test } from "./support/test";
import type { Page } from "@playwright/test";
import { focalCurvesScene } from "../../src/charts/focal-curves";
import type { SvgNode } from "../../src/charts/scene";
import { EMBEDDABLE } from "../../src/lib/embed/embed-registry";
import EMBED_WORDS from "../../content/embeds.json" with { type: "json" };
import { ARTICLE_ALPHA } from "../../src/lib/article/article-values";
import { focalCurvesData } from "../../src/lib/views/figure-data";
import { formatNumber } from "../../src/lib/text/format";
import { focalLoss } from "../../src/lib/math/loss";
import { requestsInFlight, siteUrl, watchedPage } from "./support/browser";
import { rgb, siteTokens } from "./support/images";
import { sharedPage } from "./support/shared-page";

// One page for the whole file, its tests in order: each navigates it to the address it tests (and sets the
// system's colour scheme first), so what it reads is a fresh load of that address. Console problems and
// off-origin requests are recorded from the first test on, and each test that checks them finds none.
const shared = sharedPage((browser) => watchedPage(browser));

const tokens = siteTokens();
const figure = EMBEDDABLE.find((f) => f.id === "focal-curves")!;
const embedPath = (query = "") => `embed/${figure.id}/${query}`;

/** The shared page, with the system's colour scheme set as asked (light unless said). */
async function fresh(options: { colorScheme?: "light" | "dark" } = {}) {
  const watched = shared.current;
  await watched.page.emulateMedia({ colorScheme: options.colorScheme ?? "light" });
  return watched;
}

async function open(query = "", options: { colorScheme?: "light" | "dark" } = {}) {
  const watched = await fresh(options);
  await watched.page.goto(siteUrl(embedPath(query)));
  await watched.page.waitForSelector("html[data-ready='true']", { timeout: 15_000 });
  return watched;
}

function findNode(n: SvgNode, test: (n: SvgNode) => boolean): SvgNode | undefined {
  if (test(n)) return n;
  for (const child of n.children ?? []) {
    const hit = findNode(child, test);
    if (hit) return hit;
  }
  return undefined;
}

const readerLegend = (page: Page) => page.locator("svg.chart .legend-row.is-reader .legend-label").textContent();
const bodyBackground = (page: Page) => page.evaluate(() => getComputedStyle(document.body).backgroundColor);

test.describe("a calculator's embed route", () => {
  test("reads the calculator's state from the URL, hides its inputs with controls=0, and ignores hostile values", async () => {
    const { page, problems } = await fresh();
    const dialogs: string[] = [];
    page.on("dialog", (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    await page.goto(siteUrl("embed/loss-calculator/?loss.p=0.9&loss.gamma=1"));
    await page.waitForSelector("html[data-ready='true']", { timeout: 15_000 });
    expect(await page.locator('[data-input="p"]').inputValue()).toBe("0.9");
    // The article's α = 0.25 stays; the module's FL for p = 0.9, γ = 1:
    expect(await page.locator('[data-result="fl"]').textContent()).toBe(
      formatNumber(focalLoss(0.9, 1, { alpha: ARTICLE_ALPHA, gamma: 1 })),
    );
    expect(await page.locator(".calc-form").isVisible()).toBe(true);

    await page.goto(
      siteUrl(`embed/loss-calculator/?controls=0&loss.p=${encodeURIComponent("<img src=x onerror=alert(1)>")}`),
    );
    await page.waitForSelector("html[data-ready='true']", { timeout: 15_000 });
    expect(await page.locator(".calc-form").isVisible()).toBe(false);
    expect(await page.locator('[data-input="p"]').inputValue()).toBe("0.95");
    expect(await page.locator("img, [onerror]").count()).toBe(0);
    expect(dialogs).toEqual([]);
    expect(problems).toEqual([]);
  });
});

test.describe("an embed route", () => {
  for (const [index, row] of EMBEDDABLE.map((f) => [f.id, f] as const).entries()) {
    test(caseTitle("/embed/%s/ renders its figure alone and says when it is drawn", row, index), async () => {
      const [_id, entry] = row;
      const { page, problems, foreignRequests } = await fresh();
      await page.goto(siteUrl(`embed/${entry.id}/`));
      await page.waitForSelector("html[data-ready='true']", { timeout: 15_000 });
      // No site chrome: no header, footer, navigation or skip link; one figure element.
      expect(await page.locator(".site-header, .site-footer, .chapter-nav, .skip-link").count()).toBe(0);
      expect(await page.locator(entry.tag).count()).toBe(1);
      if (entry.kind === "figure") {
        expect(await page.locator(`${entry.tag} svg.chart path.curve`).count()).toBeGreaterThanOrEqual(2);
        // The page does not scroll: the figure fits the frame.
        const overflow = await page.evaluate(() => document.documentElement.scrollHeight - innerHeight);
        expect(overflow).toBeLessThanOrEqual(1);
      } else {
        expect(await page.locator(`${entry.tag} [data-result], ${entry.tag} table`).count()).toBeGreaterThan(0);
      }
      expect(problems).toEqual([]);
      expect(foreignRequests).toEqual([]);
    });
  }

  test("reads the figure's own state from the URL", async () => {
    const { page } = await open("?gamma=0.5&alpha=0.25");
    expect(await readerLegend(page)).toBe("yours: γ = 0.5, α = 0.25");
    expect(await page.locator('[data-control="gamma"]').first().inputValue()).toBe("0.5");
  });

  test("honours theme=light, dark and transparent whatever the system prefers", async () => {
    for (const [query, scheme, expected] of [
      ["?theme=dark", "light", rgb(tokens.dark["--bg"]!)],
      ["?theme=light", "dark", rgb(tokens.light["--bg"]!)],
      ["", "dark", rgb(tokens.dark["--bg"]!)],
      ["", "light", rgb(tokens.light["--bg"]!)],
      ["?theme=transparent", "dark", "rgba(0, 0, 0, 0)"],
    ] as const) {
      const { page } = await open(query, { colorScheme: scheme });
      expect(await bodyBackground(page), `${query} with a ${scheme} system`).toBe(expected);
    }
    // The curves take the theme's colours.
    const { page } = await open("?theme=dark", { colorScheme: "light" });
    const stroke = await page.locator("svg.chart path.curve.is-reader").evaluate((el) => getComputedStyle(el).stroke);
    expect(stroke).toBe(rgb(tokens.dark["--curve-reader"]!));
  });

  test("hides the controls with controls=0 and the caption with caption=0", async () => {
    const shown = await open();
    expect(await shown.page.locator(".figure-controls").isVisible()).toBe(true);
    expect(await shown.page.locator("figcaption").isVisible()).toBe(true);
    expect(await shown.page.locator("figcaption").textContent()).toBe(EMBED_WORDS["focal-curves"].caption);
    // The γ slider's marks are labelled with the paper's γ values, as in the chapters.
    await expect(shown.page.locator(".figure-controls .range-tick-labels span")).toHaveText([
      "0",
      "0.5",
      "1",
      "2",
      "5",
    ]);

    const hidden = await open("?controls=0&caption=0");
    expect(await hidden.page.locator(".figure-controls").isVisible()).toBe(false);
    expect(await hidden.page.locator("figcaption").isVisible()).toBe(false);
  });

  test("keeps the γ slider's tick labels apart in a phone-width frame at fontScale 1.5", async () => {
    /** The boxes of the tick labels a reader can see, in order. */
    const visibleLabels = (page: Page) =>
      page.locator(".figure-controls .range-tick-labels span").evaluateAll((spans) =>
        spans
          .filter((s) => s.getBoundingClientRect().width > 0)
          .map((s) => {
            const r = s.getBoundingClientRect();
            return { text: s.textContent, left: r.left, right: r.right };
          }),
      );
    const { page } = await fresh();
    try {
      await page.setViewportSize({ width: 390, height: 844 });
      await page.goto(siteUrl(embedPath("?fontScale=1.5")));
      await page.waitForSelector("html[data-ready='true']", { timeout: 15_000 });
      const narrow = await visibleLabels(page);
      // The ends and 2 always show; no label's box reaches into the next one's.
      expect(narrow.map((l) => l.text)).toEqual(expect.arrayContaining(["0", "1", "2", "5"]));
      for (let i = 1; i < narrow.length; i++) {
        expect(narrow[i]!.left, `${narrow[i - 1]!.text} and ${narrow[i]!.text}`).toBeGreaterThanOrEqual(
          narrow[i - 1]!.right,
        );
      }
      await page.setViewportSize({ width: 1440, height: 900 });
      await page.goto(siteUrl(embedPath()));
      await page.waitForSelector("html[data-ready='true']", { timeout: 15_000 });
      await expect
        .poll(async () => (await visibleLabels(page)).map((l) => l.text))
        .toEqual(["0", "0.5", "1", "2", "5"]);
    } finally {
      await page.setViewportSize({ width: 1280, height: 900 });
    }
  });

  test("scales the text with fontScale, within its range", async () => {
    // The axis title's size on screen: its 13-unit font size times the chart's scale (viewBox to CSS px).
    const chartText = (page: Page) =>
      page
        .locator("svg.chart .axis-title")
        .first()
        .evaluate((el) => {
          const m = (el as SVGGraphicsElement).getScreenCTM()!;
          return parseFloat(getComputedStyle(el).fontSize) * Math.hypot(m.a, m.b);
        });
    const normal = await open();
    // At fontScale 1 a chart this wide still follows the page's type scale: 12-unit text at 14 px (13 units at 15.2 px).
    expect(await chartText(normal.page)).toBeCloseTo((13 * 14) / 12, 0);
    const big = await open("?fontScale=2");
    expect(await big.page.evaluate(() => getComputedStyle(document.documentElement).fontSize)).toBe("32px");
    // On screen, the chart's own text is twice its size in chart units: fontScale 2 replaces the page's 7/6.
    expect(await chartText(big.page)).toBeCloseTo(13 * 2, 0);
    const outOfRange = await open("?fontScale=50");
    expect(await outOfRange.page.evaluate(() => getComputedStyle(document.documentElement).fontSize)).toBe("16px");
  });

  test("with animate=0, is ready only once the final frame is drawn", async () => {
    const { page } = await open("?animate=0&gamma=3.5&yscale=log");
    expect(await page.evaluate(() => document.documentElement.dataset.animate)).toBe("0");
    // At the ready signal the reader's curve is exactly the chart function's curve for this state and size.
    const drawn = await page.locator("svg.chart").evaluate((svg) => ({
      width: Number(svg.getAttribute("width")),
      height: Number(svg.getAttribute("height")),
      d: svg.querySelector("path.curve.is-reader")!.getAttribute("d"),
    }));
    const scene = focalCurvesScene(focalCurvesData({ gamma: 3.5, alpha: null }), {
      width: drawn.width,
      height: drawn.height,
      yScale: "log",
      crosshair: null,
      examples: [],
    });
    expect(drawn.d).toBe(
      findNode(scene, (n) => n.tag === "path" && String(n.attrs?.class).includes("is-reader"))?.attrs?.d,
    );
  });

  test("posts ready (with the state) and, in fluid mode, its height to the host page", async () => {
    const { page } = await fresh();
    const src = siteUrl(embedPath("?gamma=1&fluid=1"));
    await page.goto(siteUrl("404.html"));
    await page.evaluate((url) => {
      const w = window as unknown as { messages: unknown[] };
      w.messages = [];
      addEventListener("message", (e) => w.messages.push(e.data));
      document.body.innerHTML = "";
      const frame = document.createElement("iframe");
      frame.src = url;
      frame.style.width = "700px";
      frame.style.height = "300px";
      document.body.append(frame);
    }, src);
    await page.waitForFunction(
      () =>
        (window as unknown as { messages: Array<{ type: string }> }).messages.some(
          (m) => m.type === "focal-loss:ready",
        ),
      null,
      { timeout: 15_000 },
    );
    const messages = await page.evaluate(
      () => (window as unknown as { messages: Array<Record<string, unknown>> }).messages,
    );
    const ready = messages.find((m) => m.type === "focal-loss:ready")!;
    expect(ready).toEqual({ type: "focal-loss:ready", figure: figure.id, state: { gamma: "1" } });
    const resize = messages.filter((m) => m.type === "focal-loss:resize");
    expect(resize.length).toBeGreaterThan(0);
    // The height is the embed's real content height, taller than the 300 px frame it sits in.
    const contentHeight = await page
      .frameLocator("iframe")
      .locator("html")
      .evaluate((el) => el.scrollHeight);
    // (rounded up from its fractional layout height, so the host never shows a scrollbar)
    expect(Math.abs(Number(resize.at(-1)!.height) - contentHeight)).toBeLessThanOrEqual(1);
    expect(contentHeight).toBeGreaterThan(300);
  });

  test("ignores hostile parameters: no dialog, no injected element, defaults instead", async () => {
    const { page, problems } = await fresh();
    const dialogs: string[] = [];
    page.on("dialog", (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    const inFlight = requestsInFlight(page);
    const hostile = "<img src=x onerror=alert(1)>";
    const query = new URLSearchParams({
      gamma: hostile,
      alpha: `"><script>alert(2)</script>`,
      yscale: "javascript:alert(3)",
      theme: `dark"><svg onload=alert(4)>`,
      fontScale: "expression(alert(5))",
      controls: hostile,
      caption: hostile,
      fluid: "<iframe src=javascript:alert(6)>",
    });
    await page.goto(siteUrl(embedPath(`?${query}`)));
    await page.waitForSelector("html[data-ready='true']", { timeout: 15_000 });
    // Anything the page tried to load (an injected image's onerror, say) has been answered.
    await expect.poll(() => inFlight.size).toBe(0);
    expect(dialogs).toEqual([]);
    expect(await page.locator("img, iframe, svg[onload], [onerror]").count()).toBe(0);
    expect(await page.content()).not.toContain("onerror");
    // Every parameter fell back to its default.
    expect(await readerLegend(page)).toBe("yours: γ = 2");
    const root = await page.evaluate(() => ({ ...document.documentElement.dataset }));
    expect(root).toMatchObject({ embedTheme: "auto", controls: "1", caption: "1", fluid: "0" });
    expect(root.theme).toBeUndefined();
    expect(problems).toEqual([]);
  });
});
