/**
 * A teacher's deck lives on another site (here: another port, so another
 * origin) and points at this one. The iframe embed and the classic script
 * draw with no header from the site; the ES module draws only where the site
 * sends Access-Control-Allow-Origin — as a host that reads the shipped
 * public/_headers does — and is blocked by CORS where it does not (the test
 * server sends no such header, as GitHub Pages does not).
 */
import { expect, test, workerBrowser } from "./support/test";
import { siteUrl } from "./support/browser";
import { deckElsewhere } from "./support/deck-elsewhere";
import { drawn, expectedReaderPath } from "./support/standalone";

const browser = workerBrowser();

const elsewhere = deckElsewhere(browser, { title: "A deck elsewhere", viewport: { width: 1280, height: 900 } });
const deck = elsewhere.open;

test.describe("a deck on another origin", () => {
  test("shows the iframe embed, which tells the deck when it is drawn", async () => {
    const embed = siteUrl("embed/focal-curves/?gamma=1&alpha=0.25&animate=0");
    const { page, context, problems } = await deck(
      "iframe.html",
      "",
      `<iframe src="${embed}" title="Focal loss" width="800" height="620" style="border:0"></iframe>` +
        `<script>addEventListener("message", (e) => { if (e.data?.type === "focal-loss:ready") document.body.dataset.ready = e.origin; });</script>`,
    );
    await expect(page.locator("body")).toHaveAttribute("data-ready", new URL(siteUrl()).origin);
    const frame = page.frame({ url: /embed\/focal-curves/ })!;
    expect(await frame.locator(".legend-row.is-reader .legend-label").textContent()).toBe("yours: γ = 1, α = 0.25");
    expect(problems).toEqual([]);
    await context.close();
  });

  test("draws with the classic script, which needs no header", async () => {
    const { page, context, problems } = await deck(
      "classic.html",
      `<script src="${siteUrl("embed/focal-loss.classic.js")}"></script>`,
      `<focal-loss-curves gamma="4" style="width:800px"></focal-loss-curves>`,
    );
    await expect(page.locator("focal-loss-curves[data-ready]")).toBeAttached();
    const view = await drawn(page);
    expect(view.readerPath).toBe(expectedReaderPath("gamma=4", view.width, view.height));
    expect(problems).toEqual([]);
    await context.close();
  });

  test("draws with the module from a host that sends Access-Control-Allow-Origin, and not without it", async () => {
    const withHeader = new URL("embed/focal-loss.js", elsewhere.headersHost.url).href;
    const { page, context, problems } = await deck(
      "module.html",
      `<script type="module" src="${withHeader}"></script>`,
      `<focal-loss-curves gamma="0.5" style="width:800px"></focal-loss-curves>`,
    );
    await expect(page.locator("focal-loss-curves[data-ready]")).toBeAttached();
    const view = await drawn(page);
    expect(view.readerPath).toBe(expectedReaderPath("gamma=0.5", view.width, view.height));
    expect(problems).toEqual([]);
    const response = await page.request.get(withHeader);
    expect(response.headers()["access-control-allow-origin"]).toBe("*");
    await context.close();

    // The same deck against the site served with no such header: blocked, nothing drawn.
    const blocked = await deck(
      "module-no-header.html",
      `<script type="module" src="${siteUrl("embed/focal-loss.js")}"></script>`,
      `<focal-loss-curves gamma="0.5"></focal-loss-curves>`,
    );
    await expect
      .poll(() => blocked.problems.join("\n"))
      .toMatch(/blocked by CORS policy: No 'Access-Control-Allow-Origin' header/);
    expect(await blocked.page.evaluate(() => customElements.get("focal-loss-curves") === undefined)).toBe(true);
    await blocked.context.close();
  });
});
