/**
 * A presenter gives the talk from a laptop with no network: the deck is an
 * HTML file opened from disk (file://, whose origin is null). The classic
 * script beside it draws the figure (the ES module is refused there, as the
 * README says); the share panel's "Download for offline use" file opens from
 * disk on its own, under its own strict CSP, and works as an iframe and as a
 * background of a local reveal.js deck, which keeps its arrow keys.
 */
import { copyFile, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import type { Page } from "@playwright/test";
import { expect, test, workerBrowser } from "./support/test";
import { siteUrl, watchedPage } from "./support/browser";
import { drawn, expectedReaderPath } from "./support/standalone";
import { readmeSnippet } from "../support/readme-snippets";

const browser = workerBrowser();

let dir = "";
test.beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), "focal-loss-offline-"));
});
test.afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const fileUrl = (name: string) => pathToFileURL(join(dir, name)).href;

/** Requests that left the disk (none may, for a file given a talk offline). */
function networkRequests(page: Page): string[] {
  const seen: string[] = [];
  page.on("request", (req) => {
    if (!/^(file|data|blob|about):/.test(req.url())) seen.push(req.url());
  });
  return seen;
}

async function deckPage(name: string, head: string, body: string): Promise<string> {
  await writeFile(
    join(dir, name),
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>A deck on disk</title>${head}</head><body>${body}</body></html>`,
  );
  return fileUrl(name);
}

/** Saves the offline file of the gallery's Figure 1 at this query, as a reader downloads it; returns its file name. */
async function downloadOffline(query: string, colorScheme: "light" | "dark" = "light"): Promise<string> {
  const { page, context, problems } = await watchedPage(browser.current, { acceptDownloads: true, colorScheme });
  await page.goto(siteUrl(`figures/${query}`));
  const panel = page.locator(".share-panel").first();
  await panel.scrollIntoViewIfNeeded();
  await page.waitForSelector("focal-loss-curves[data-ready]");
  await panel.locator("summary").click();
  const button = panel.getByRole("button", { name: "Download for offline use" });
  const [download] = await Promise.all([page.waitForEvent("download", { timeout: 20_000 }), button.click()]);
  const name = download.suggestedFilename();
  expect(name).toMatch(/^focal-curves-.*-offline\.html$/);
  await download.saveAs(join(dir, name));
  await expect(panel.locator("[data-share-status]")).toHaveText(/^Offline HTML downloaded/);
  expect(problems).toEqual([]);
  await context.close();
  return name;
}

test.describe("a deck opened from disk", () => {
  test("draws the figure with the classic script beside it; the module is refused from file://", async () => {
    await copyFile("dist/embed/focal-loss.classic.js", join(dir, "focal-loss.classic.js"));
    await copyFile("dist/embed/focal-loss.js", join(dir, "focal-loss.js"));
    const classic = await deckPage(
      "classic.html",
      `<script src="focal-loss.classic.js"></script>`,
      `<focal-loss-curves gamma="1" alpha="0.25" style="width:800px"></focal-loss-curves>`,
    );
    const { page, context, problems } = await watchedPage(browser.current);
    const requests = networkRequests(page);
    await page.goto(classic);
    await expect(page.locator("focal-loss-curves[data-ready]")).toBeAttached();
    const view = await drawn(page);
    expect(view.readerLabel).toBe("yours: γ = 1, α = 0.25");
    expect(view.readerPath).toBe(expectedReaderPath("gamma=1&alpha=0.25", view.width, view.height));
    // The classic script leaves nothing in the page's global scope.
    expect(await page.evaluate(() => "FocalLossFigures" in window)).toBe(false);
    expect(problems).toEqual([]);
    expect(requests).toEqual([]);

    // The same deck with the module: Chromium blocks it (CORS from origin null) and nothing draws.
    const moduleDeck = await deckPage(
      "module.html",
      `<script type="module" src="focal-loss.js"></script>`,
      `<focal-loss-curves gamma="1"></focal-loss-curves>`,
    );
    const blocked = await watchedPage(browser.current);
    await blocked.page.goto(moduleDeck);
    await expect.poll(() => blocked.problems.join("\n")).toMatch(/CORS policy/);
    expect(await blocked.page.evaluate(() => customElements.get("focal-loss-curves") === undefined)).toBe(true);
    await blocked.context.close();
    await context.close();
  });

  test("the share panel's offline file opens from disk with the reader's view, under a strict CSP", async () => {
    const file = fileUrl(await downloadOffline("?gamma=3&alpha=0.5"));
    const { page, context, problems } = await watchedPage(browser.current, { viewport: { width: 1440, height: 900 } });
    const requests = networkRequests(page);
    const violations: string[] = [];
    await page.exposeFunction("reportViolation", (v: string) => violations.push(v));
    await page.addInitScript(() =>
      document.addEventListener("securitypolicyviolation", (e) =>
        (window as unknown as { reportViolation(v: string): void }).reportViolation(
          `${e.violatedDirective} ${e.blockedURI}`,
        ),
      ),
    );
    await page.goto(file);
    await expect(page.locator("focal-loss-curves[data-ready]")).toBeAttached();
    const view = await drawn(page);
    expect(view.curves).toBe(6);
    expect(view.readerLabel).toBe("yours: γ = 3, α = 0.5");
    expect(view.readerPath).toBe(expectedReaderPath("gamma=3&alpha=0.5", view.width, view.height));
    // The text face came with the file.
    expect(await page.evaluate(() => document.fonts.check('12px "Inter"') && document.fonts.size > 0)).toBe(true);
    const csp = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute("content");
    expect(csp).toMatch(/script-src 'sha256-[\w+/=]+'/);
    expect(csp).not.toMatch(/unsafe-(eval|inline)/);
    // The sliders work: γ moves and the curve follows.
    const slider = page.locator("focal-loss-curves").locator('input[data-control="gamma"]');
    await slider.focus();
    await page.keyboard.press("ArrowRight");
    await expect.poll(async () => (await drawn(page)).readerLabel).toBe("yours: γ = 3.1, α = 0.5");
    expect(violations).toEqual([]);
    expect(problems).toEqual([]);
    expect(requests).toEqual([]);
    await context.close();
  });

  test("the offline file is a slide and a background of a local reveal.js deck that keeps its keys", async () => {
    const name = await downloadOffline("?gamma=3&alpha=0.5");
    await copyFile("node_modules/reveal.js/dist/reveal.js", join(dir, "reveal.js"));
    await copyFile("node_modules/reveal.js/dist/reveal.css", join(dir, "reveal.css"));
    // The README's offline deck snippet names the file the share panel writes for this view.
    const snippet = readmeSnippet("offline-deck");
    expect(snippet).toContain(`data-background-iframe="${name}"`);
    const [slide, listener] = snippet.split("<script>");
    const deck = await deckPage(
      "deck.html",
      `<link rel="stylesheet" href="reveal.css">`,
      `<div class="reveal"><div class="slides">` +
        `<section><h2>Title</h2></section>` +
        `<section><iframe id="inline" src="${name}" title="Focal loss" width="960" height="620" style="border:0"></iframe></section>` +
        `${slide}</div></div><script src="reveal.js"></script>` +
        `<script>Reveal.initialize({ hash: false, transition: "none" });</script><script>${listener}`,
    );
    const { page, context, problems } = await watchedPage(browser.current, { viewport: { width: 1440, height: 900 } });
    const current = () =>
      page.evaluate(() => (window as unknown as { Reveal: { getIndices(): { h: number } } }).Reveal.getIndices().h);
    await page.goto(deck);
    await expect(page.locator(".reveal.ready")).toBeAttached();
    await page.keyboard.press("ArrowRight");
    await expect.poll(current).toBe(1);
    const inline = page.frameLocator("#inline");
    await expect(inline.locator("focal-loss-curves[data-ready]")).toBeAttached();
    expect((await drawn(inline)).readerLabel).toBe("yours: γ = 3, α = 0.5");

    // A click on the chart gives the frame the focus; the next arrow still moves the deck.
    await inline.locator("focal-loss-curves").click({ position: { x: 400, y: 300 } });
    await page.keyboard.press("ArrowRight");
    await expect.poll(current).toBe(2);
    const background = page.frameLocator(".backgrounds .slide-background.present iframe");
    await expect(background.locator("focal-loss-curves[data-ready]")).toBeAttached();

    // A slider reached with the keyboard keeps its arrows; Escape hands them back.
    const slider = background.locator("focal-loss-curves").locator('input[data-control="gamma"]');
    await slider.focus();
    await page.keyboard.press("ArrowRight");
    await expect.poll(() => slider.inputValue()).toBe("3.1");
    expect(await current()).toBe(2);
    await page.keyboard.press("Escape");
    await page.keyboard.press("ArrowLeft");
    await expect.poll(current).toBe(1);
    expect(problems).toEqual([]);
    await context.close();
  });
});
