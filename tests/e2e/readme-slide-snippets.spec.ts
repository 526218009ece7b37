/**
 * A teacher copies the README's slide snippets into a deck on their own site
 * (another origin): the iframe, its resize listener, the reveal.js background
 * and key listener, the web component's module and the classic script, each
 * exactly as the README prints it but for the host. (The offline deck snippet
 * runs from disk in present-from-disk.spec.ts; Slidev and Beamer in
 * `npm run check:slidev` and `npm run check:pgfplots`.)
 */
import { expect, test, workerBrowser } from "./support/test";
import { siteRoot } from "./support/browser";
import { deckElsewhere } from "./support/deck-elsewhere";
import { drawn, expectedReaderPath } from "./support/standalone";
import { readmeSnippet } from "../support/readme-snippets";

const browser = workerBrowser();

const elsewhere = deckElsewhere(browser, {
  title: "A teacher's deck",
  viewport: { width: 1440, height: 900 },
  files: ["node_modules/reveal.js/dist/reveal.js", "node_modules/reveal.js/dist/reveal.css"],
});
const deck = elsewhere.open;

test.describe("the README's slide snippets, pasted into a deck on another site", () => {
  test("reveal.js: the iframe in a slide and the background iframe, with the key listener", async () => {
    const site = siteRoot();
    const { page, context, problems } = await deck(
      "reveal.html",
      `<link rel="stylesheet" href="reveal.css">`,
      `<div class="reveal"><div class="slides"><section><h2>Start</h2></section>` +
        `<section>${readmeSnippet("iframe", site)}</section>` +
        `${readmeSnippet("reveal-background", site)}</div></div>` +
        `<script src="reveal.js"></script><script>Reveal.initialize({ hash: false, transition: "none" });</script>` +
        `<script>${readmeSnippet("deck-keys", site)}</script>`,
    );
    const current = () =>
      page.evaluate(() => (window as unknown as { Reveal: { getIndices(): { h: number } } }).Reveal.getIndices().h);
    await expect(page.locator(".reveal.ready")).toBeAttached();
    await page.keyboard.press("ArrowRight");
    await expect.poll(current).toBe(1);
    const inline = page.frameLocator(".slides section.present iframe");
    await expect(inline.locator("html[data-ready='true']")).toBeAttached({ timeout: 15_000 });
    await expect(inline.locator(".legend-row.is-reader .legend-label")).toHaveText("yours: γ = 2, α = 0.25");

    // A click into the framed chart; the arrow still changes the slide (the listener hands it to reveal.js).
    await inline
      .locator("svg.chart")
      .first()
      .click({ position: { x: 300, y: 200 } });
    await page.keyboard.press("ArrowRight");
    await expect.poll(current).toBe(2);
    const background = page.frameLocator(".backgrounds .slide-background.present iframe");
    await expect(background.locator("html[data-ready='true']")).toBeAttached({ timeout: 15_000 });
    await expect(background.locator(".legend-row.is-reader .legend-label")).toHaveText("yours: γ = 5");
    await background
      .locator("svg.chart")
      .first()
      .click({ position: { x: 300, y: 200 } });
    await page.keyboard.press("ArrowLeft");
    await expect.poll(current).toBe(1);
    expect(problems).toEqual([]);
    await context.close();
  });

  test("the resize listener sizes a fluid iframe to its content", async () => {
    const iframe = readmeSnippet("iframe", siteRoot()).replace("controls=0", "controls=0&fluid=1");
    const { page, context, problems } = await deck(
      "fluid.html",
      "",
      `${iframe}<script>${readmeSnippet("resize-listener", siteRoot())}</script>`,
    );
    const frame = page.frameLocator("iframe");
    await expect(frame.locator("html[data-ready='true']")).toBeAttached({ timeout: 15_000 });
    const content = await frame.locator("html").getAttribute("data-content-height");
    await expect(page.locator("iframe")).toHaveAttribute("style", new RegExp(`height: ${content}px`));
    expect(problems).toEqual([]);
    await context.close();
  });

  test("the web component's module, from a host that sends the CORS header", async () => {
    const { page, context, problems } = await deck(
      "module.html",
      "",
      readmeSnippet("web-component", elsewhere.headersHost.url),
    );
    await expect(page.locator("focal-loss-curves[data-ready]")).toBeAttached();
    const view = await drawn(page);
    expect(view.readerLabel).toBe("yours: γ = 2, α = 0.25");
    expect(view.readerPath).toBe(expectedReaderPath("gamma=2&alpha=0.25", view.width, view.height));
    expect(problems).toEqual([]);
    await context.close();
  });

  test("the classic script, from the site with no header", async () => {
    const { page, context, problems } = await deck("classic.html", "", readmeSnippet("classic-script", siteRoot()));
    await expect(page.locator("focal-loss-curves[data-ready]")).toBeAttached();
    const view = await drawn(page);
    expect(view.readerPath).toBe(expectedReaderPath("gamma=2&alpha=0.25", view.width, view.height));
    await expect(page.locator("focal-loss-curves").locator('input[data-control="gamma"]')).toBeVisible();
    expect(problems).toEqual([]);
    await context.close();
  });
});
