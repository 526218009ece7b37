/**
 * A teacher with an HTML deck (or any page) loads one module and writes
 * <focal-loss-curves gamma="2">: the figure draws with the site's chart code,
 * needs nothing else from the site, and redraws when an attribute changes.
 */
import { expect, test, workerBrowser } from "./support/test";
import { logitLossGradientScene } from "../../src/charts/logit-loss-gradient";
import { modulatingFactorScene } from "../../src/charts/modulating-factor";
import { logitLossGradientData, modulatingFactorData } from "../../src/lib/views/figure-data";
import { parseFigureState } from "../../src/lib/state/state";
import { siteUrl, watchedPage } from "./support/browser";
import { rgb, siteTokens } from "./support/images";
import { drawn, expectedReaderPath, findNode } from "./support/standalone";

const browser = workerBrowser();

const tokens = siteTokens();

/**
 * A page that is not the site's: served at a path the site does not have,
 * it links no stylesheet and loads nothing but the module.
 */
async function plainPage(body: string) {
  const watched = await watchedPage(browser.current, { viewport: { width: 900, height: 800 } });
  const url = siteUrl("plain-page-for-the-web-component.html");
  await watched.page.route(url, (route) =>
    route.fulfill({
      contentType: "text/html",
      body:
        `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>A plain page</title>` +
        `<script type="module" src="${siteUrl("embed/focal-loss.js")}"></script></head><body style="margin:20px">${body}</body></html>`,
    }),
  );
  const loaded: string[] = [];
  watched.page.on("requestfinished", (req) => loaded.push(new URL(req.url()).pathname));
  await watched.page.goto(url);
  return { ...watched, loaded };
}

test.describe("the standalone web component", () => {
  test("renders from a plain page that loads only its module, with the site's chart code", async () => {
    const { page, context, loaded, problems, foreignRequests } = await plainPage(
      `<focal-loss-curves gamma="1" alpha="0.25" theme="light"></focal-loss-curves>`,
    );
    await page.waitForSelector("focal-loss-curves[data-ready]");
    const view = await drawn(page);
    expect(view.curves).toBe(6);
    expect(view.readerLabel).toBe("yours: γ = 1, α = 0.25");
    expect(view.readerPath).toBe(expectedReaderPath("gamma=1&alpha=0.25", view.width, view.height));
    expect(view.readerStroke).toBe(rgb(tokens.light["--curve-reader"]!));
    // Nothing but the page and the module was fetched: no site CSS, fonts or other scripts.
    expect(loaded.filter((p) => !p.endsWith("plain-page-for-the-web-component.html"))).toEqual([
      new URL(siteUrl("embed/focal-loss.js")).pathname,
    ]);
    expect(problems).toEqual([]);
    expect(foreignRequests).toEqual([]);
    await context.close();
  });

  test("redraws when an attribute changes, and validates attributes like URL parameters", async () => {
    const { page, context, problems } = await plainPage(`<focal-loss-curves gamma="1"></focal-loss-curves>`);
    await page.waitForSelector("focal-loss-curves[data-ready]");
    const before = await drawn(page);

    await page.locator("focal-loss-curves").evaluate((el) => {
      el.setAttribute("gamma", "4");
      el.setAttribute("y-scale", "log");
    });
    await expect.poll(async () => (await drawn(page)).readerLabel).toBe("yours: γ = 4");
    const after = await drawn(page);
    expect(after.readerPath).not.toBe(before.readerPath);
    expect(after.readerPath).toBe(expectedReaderPath("gamma=4&yscale=log", after.width, after.height));

    // Nonsense falls back to the default γ = 2, as ?gamma=abc does.
    await page.locator("focal-loss-curves").evaluate((el) => el.setAttribute("gamma", "<img src=x onerror=alert(1)>"));
    await expect.poll(async () => (await drawn(page)).readerLabel).toBe("yours: γ = 2");
    expect(await page.locator("img").count()).toBe(0);

    // theme="dark" switches the palette inside the shadow root.
    await page.locator("focal-loss-curves").evaluate((el) => el.setAttribute("theme", "dark"));
    await expect.poll(async () => (await drawn(page)).readerStroke).toBe(rgb(tokens.dark["--curve-reader"]!));
    expect((await drawn(page)).background).toBe(rgb(tokens.dark["--bg"]!));
    expect(problems).toEqual([]);
    await context.close();
  });

  test("draws larger with font-scale, validated like the embed's fontScale", async () => {
    const { page, context } = await plainPage(
      `<focal-loss-curves id="one" style="width:700px"></focal-loss-curves>` +
        `<focal-loss-curves id="two" font-scale="2" style="width:700px"></focal-loss-curves>` +
        `<focal-loss-curves id="bad" font-scale="40" style="width:700px"></focal-loss-curves>`,
    );
    await page.waitForFunction(() => document.querySelectorAll("focal-loss-curves[data-ready]").length === 3);
    const titleHeight = (id: string) =>
      page
        .locator(`#${id}`)
        .evaluate((el) => el.shadowRoot!.querySelector(".axis-title")!.getBoundingClientRect().height);
    const ratio = (await titleHeight("two")) / (await titleHeight("one"));
    expect(ratio).toBeGreaterThan(1.8);
    expect(ratio).toBeLessThan(2.2);
    expect(await titleHeight("bad")).toBeCloseTo(await titleHeight("one"), 1);
    // Same box on the page; the chart inside is drawn at half the size and scaled up.
    expect((await drawn(page, "#two")).width).toBe(Math.round((await drawn(page, "#one")).width / 2));
    await context.close();
  });

  test("also defines the modulating-factor and logit-gradient elements, drawn by the site's chart functions", async () => {
    const { page, context, problems } = await plainPage(
      `<modulating-factor-curves gamma="3"></modulating-factor-curves><logit-loss-gradient gamma="1" alpha="0.25" theme="dark"></logit-loss-gradient>`,
    );
    await page.waitForFunction(() => document.querySelectorAll("[data-ready]").length === 2);
    const read = (tag: string) =>
      page.locator(tag).evaluate((el) => {
        const svg = el.shadowRoot!.querySelector("svg")!;
        return {
          width: Number(svg.getAttribute("width")),
          height: Number(svg.getAttribute("height")),
          readerPaths: [...svg.querySelectorAll("path.curve.is-reader")].map((p) => p.getAttribute("d")),
        };
      });
    const modulating = await read("modulating-factor-curves");
    const expectedModulating = modulatingFactorScene(modulatingFactorData(parseFigureState("gamma=3")), {
      width: modulating.width,
      height: modulating.height,
      crosshair: null,
    });
    expect(modulating.readerPaths).toEqual([
      String(
        findNode(expectedModulating, (n) => n.tag === "path" && String(n.attrs?.class).includes("is-reader"))!.attrs!.d,
      ),
    ]);
    const logit = await read("logit-loss-gradient");
    // Two panels, loss and gradient, each with the reader's curve.
    expect(logit.readerPaths).toHaveLength(2);
    const expectedLogit = logitLossGradientScene(logitLossGradientData(parseFigureState("gamma=1&alpha=0.25")), {
      width: logit.width,
      height: logit.height,
      crosshair: null,
    });
    expect(logit.readerPaths[0]).toBe(
      String(
        findNode(expectedLogit, (n) => n.tag === "path" && String(n.attrs?.class).includes("is-reader"))!.attrs!.d,
      ),
    );
    expect(problems).toEqual([]);
    await context.close();
  });

  test("shows sliders with the controls attribute, and a slider drives the element's attribute", async () => {
    const { page, context } = await plainPage(
      `<focal-loss-curves gamma="2" controls></focal-loss-curves><focal-loss-curves id="plain" gamma="2"></focal-loss-curves>`,
    );
    await page.waitForSelector("focal-loss-curves[data-ready]");
    const slider = page.locator("focal-loss-curves[controls]").locator('input[data-control="gamma"]');
    expect(await slider.isVisible()).toBe(true);
    expect(await page.locator("#plain").locator('input[data-control="gamma"]').isVisible()).toBe(false);
    // The paper's γ values are printed under the slider, each below its own mark on the track, as on the site.
    const ticks = page.locator("focal-loss-curves[controls]").locator(".range-tick-labels span");
    await expect(ticks).toHaveText(["0", "0.5", "1", "2", "5"]);
    const track = (await slider.boundingBox())!;
    const thumb = 16;
    for (const [i, gamma] of [0, 0.5, 1, 2, 5].entries()) {
      const box = (await ticks.nth(i).boundingBox())!;
      const at = track.x + thumb / 2 + (gamma / 5) * (track.width - thumb);
      expect(Math.abs(box.x + box.width / 2 - at), `γ = ${gamma} under its mark`).toBeLessThan(4);
      expect(box.y, `γ = ${gamma} below the track`).toBeGreaterThanOrEqual(track.y + track.height - 1);
      expect(box.width).toBeGreaterThan(0);
    }
    expect(await slider.evaluate((el: HTMLInputElement) => [...(el.list?.options ?? [])].map((o) => o.value))).toEqual([
      "0",
      "0.5",
      "1",
      "2",
      "5",
    ]);
    await slider.focus();
    await page.keyboard.press("ArrowRight");
    await page.keyboard.press("ArrowRight");
    await expect.poll(() => page.locator("focal-loss-curves[controls]").getAttribute("gamma")).toBe("2.2");
    await expect
      .poll(async () => (await drawn(page, "focal-loss-curves[controls]")).readerLabel)
      .toBe("yours: γ = 2.2");
    await context.close();
  });
});
