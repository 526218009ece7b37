/**
 * A reader reworks the article's example in the loss calculator, then one of
 * their own, and checks each number and each substituted formula.
 *
 * One page for the file, its tests in order: the cases typed on a first visit
 * of /calculator/ first, each after the fields are put back and the results
 * are those of the first visit again; then the tests of an address, which load
 * it. The weight of a first visit and the reading without JavaScript have a
 * context of their own.
 */
import { gzipSync } from "node:zlib";
import katex from "katex";
import { caseTitle, expect, test, workerBrowser } from "./support/test";
import { siteUrl, watchedPage } from "./support/browser";
import { BROKEN_NUMBER, htmlText, lossSummary, openCalculatorOnce, pageText, stepMathText } from "./support/calculator";
import { sharedPage } from "./support/shared-page";
import { balancedCrossEntropy, crossEntropy, focalLoss } from "../../src/lib/math/loss";
import { formatNumber } from "../../src/lib/text/format";
import { lossSteps, stepTex } from "../../src/lib/views/loss-steps";

const browser = workerBrowser();
const calculator = sharedPage((b) => openCalculatorOnce(b, "calculator/", "loss-calculator"));

const katexHtml = (tex: string) => katex.renderToString(tex, { output: "html", throwOnError: true });

test.describe("a reader reworks the article's example in the loss calculator", () => {
  for (const [index, row] of [
    { p: "0.3", y: "0", alpha: "0.5", gamma: "1.5" },
    { p: "1e-7", y: "1", alpha: "0.25", gamma: "0" },
    { p: "0.999", y: "1", alpha: null, gamma: "10" },
  ].entries()) {
    test(
      caseTitle("every step reads exactly as KaTeX typesets it for p = $p, y = $y, α = $alpha, γ = $gamma", row, index),
      async () => {
        const input = row;
        const { page, problems, reset } = calculator.current;
        await reset();
        await page.fill("[data-input=p]", input.p);
        await page.check(`[data-input=y][value='${input.y}']`);
        if (input.alpha === null) await page.uncheck("[data-input=alpha-on]");
        else await page.fill("[data-input=alpha]", input.alpha);
        await page.fill("[data-input=gamma]", input.gamma);

        const state = {
          p: Number(input.p),
          y: Number(input.y) as 0 | 1,
          alpha: input.alpha === null ? null : Number(input.alpha),
          gamma: Number(input.gamma),
        };
        for (const step of lossSteps(state)) {
          // The page changed numbers inside build-time KaTeX; a fresh KaTeX render of the same formula must read the same.
          expect(await stepMathText(page, step.id), step.id).toBe(await htmlText(page, katexHtml(stepTex(step))));
        }
        const summary = await lossSummary(page);
        expect(summary.fl).toBe(formatNumber(focalLoss(state.p, state.y, state)));
        expect(summary.ce).toBe(formatNumber(crossEntropy(state.p, state.y)));
        expect(problems).toEqual([]);
      },
    );
  }

  test("the slider moves p and the results follow; the keyboard works it too", async () => {
    const { page, reset } = calculator.current;
    await reset();
    await page.focus("[data-slider=p]");
    await page.keyboard.press("Home");
    for (let i = 0; i < 5; i++) await page.keyboard.press("ArrowRight");
    expect(await page.inputValue("[data-input=p]")).toBe("0.05");
    expect((await lossSummary(page)).ce).toBe(formatNumber(crossEntropy(0.05, 1)));
  });

  test("typing p = 0.95, foreground, α = 0.25, γ = 2 shows the module's CE and FL, and the worked formula", async () => {
    const { page, problems, foreignRequests } = calculator.current;
    // Start somewhere else, so every number on screen comes from what the reader typed.
    await page.goto(siteUrl("calculator/?loss.p=0.3&loss.y=0&loss.alpha=off&loss.gamma=0.5"));
    await page.waitForSelector("loss-calculator[data-ready]");
    await page.fill("[data-input=p]", "0.95");
    await page.check("[data-input=y][value='1']");
    await page.check("[data-input=alpha-on]");
    await page.fill("[data-input=alpha]", "0.25");
    await page.fill("[data-input=gamma]", "2");

    const summary = await lossSummary(page);
    const ce = crossEntropy(0.95, 1);
    const fl = focalLoss(0.95, 1, { alpha: 0.25, gamma: 2 });
    expect(summary.ce).toBe(formatNumber(ce));
    expect(summary.fl).toBe(formatNumber(fl));
    expect(summary.balancedCe).toBe(formatNumber(balancedCrossEntropy(0.95, 1, 0.25)));
    // The issue's own reading of these numbers.
    expect(summary.ce).toBe("0.0513");
    expect(summary.fl).toBe("3.2058 × 10⁻⁵");
    // FL = −0.25 × (1 − 0.95)² × ln 0.95 = 3.2058 × 10⁻⁵, as KaTeX typesets it (the superscript reads inline).
    expect(await stepMathText(page, "fl")).toContain("=−0.25×(1−0.95)2×ln0.95=3.2058×10−5");
    expect(await stepMathText(page, "ce")).toContain("=−ln0.95=0.0513");
    // CE / FL = 1 / (α (1 − p)²) = 1600, in the one ratio format the tables use (1,600, not 1600.0), live and typeset.
    expect(ce / fl).toBeCloseTo(1 / (0.25 * 0.05 ** 2), 9);
    expect(summary.ceOverFl).toBe("1,600");
    expect(await stepMathText(page, "ceOverFl")).toMatch(/=1,600$/);
    expect(await pageText(page)).not.toMatch(BROKEN_NUMBER);
    expect(problems).toEqual([]);
    expect(foreignRequests).toEqual([]);
  });

  test("works in place in the focal-loss chapter; on its own page it costs under 40 KB of gzipped script", async () => {
    // A context of its own: what a first visit downloads is measured on a renderer that has loaded nothing
    // (on the shared page a script can come from the renderer's memory cache, with no response to count).
    const { page, context, problems } = await watchedPage(browser.current);
    const scripts: Array<Promise<number>> = [];
    page.on("response", (r) => {
      if (r.request().resourceType() === "script") scripts.push(r.body().then((b) => gzipSync(b).length));
    });
    await page.goto(siteUrl("focal-loss/"), { waitUntil: "networkidle" });
    await page.waitForSelector("loss-calculator[data-ready]");
    await page.fill("[data-input=p]", "0.99");
    expect((await lossSummary(page)).fl).toBe(formatNumber(focalLoss(0.99, 1, { alpha: 0.25, gamma: 2 })));
    // The chapter also carries the figures; the calculator's own cost is measured where it is alone.
    scripts.length = 0;
    await page.goto(siteUrl("calculator/"), { waitUntil: "networkidle" });
    const gzipped = (await Promise.all(scripts)).reduce((a, b) => a + b, 0);
    expect(gzipped).toBeGreaterThan(0);
    expect(gzipped).toBeLessThan(40 * 1024);
    expect(problems).toEqual([]);
    await context.close();
  });

  test("without JavaScript the article's example is already worked out", async () => {
    const { page, context } = await watchedPage(browser.current, { javaScriptEnabled: false });
    await page.goto(siteUrl("calculator/"));
    const summary = await lossSummary(page);
    expect(summary.ce).toBe(formatNumber(crossEntropy(0.95, 1)));
    expect(summary.fl).toBe(formatNumber(focalLoss(0.95, 1, { alpha: 0.25, gamma: 2 })));
    expect(await stepMathText(page, "fl")).toContain("=−0.25×(1−0.95)2×ln0.95=3.2058×10−5");
    expect(summary.ceOverFl).toBe("1,600");
    // The inputs cannot do anything without the script, so they say so by being disabled.
    expect(
      await page.locator("loss-calculator .calc-fields").evaluate((f) => (f as HTMLFieldSetElement).disabled),
    ).toBe(true);
    await context.close();
  });
});
