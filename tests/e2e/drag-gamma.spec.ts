/**
 * One page for the file, its tests in order: each loads /figures/ afresh on it (a reload is what gives each
 * test the page a first visit sees) with the pointer parked off the charts, and the worker's renderer
 * process and its compiled scripts serve every load.
 */
import { expect, test } from "./support/test";
import { watchedPage } from "./support/browser";
import { sharedPage } from "./support/shared-page";
import { centreForPointer, curveD, legendRow, nextFrames, openFigure } from "./support/figures";
import { focalLossOfPt } from "../../src/lib/math/loss";
import { formatNumber } from "../../src/lib/text/format";

const shared = sharedPage((browser) => watchedPage(browser));

/** The shared page on a fresh load of /figures/, the pointer where a new page has it (the top left corner). */
async function openFresh() {
  const { page } = shared.current;
  await page.mouse.move(0, 0);
  return { ...shared.current, figure: await openFigure(page) };
}

const loss3 = (pt: number, gamma: number, alpha: number | null = null) =>
  formatNumber(focalLossOfPt(pt, { gamma, alpha }), { digits: 3 });

test.describe("a reader moves γ on the focal-loss figure", () => {
  test("with the keyboard: the reader's curve, its label, the readout and the readings follow", async () => {
    const { page, problems, figure } = await openFresh();
    const slider = figure.getByRole("slider", { name: "focusing γ" });
    const before = await curveD(figure, "reader");
    expect(await legendRow(figure, "reader")).toMatchObject({ label: "yours: γ = 2" });

    await slider.focus();
    for (let i = 0; i < 3; i++) await page.keyboard.press("ArrowRight");
    await nextFrames(page);
    expect(await figure.locator('output[data-output="gamma"]').textContent()).toBe("2.3");
    expect(await slider.getAttribute("aria-valuetext")).toBe("γ = 2.3");
    expect((await legendRow(figure, "reader")).label).toBe("yours: γ = 2.3");
    const after = await curveD(figure, "reader");
    expect(after).not.toBe(before);
    // The reference curves do not move.
    expect(await curveD(figure, "g2")).toBe(before);

    // The readings under the chart are recomputed: CE/FL at p_t = 0.9 is 10^2.3 ≈ 199.5.
    // They follow once the keys pause (they rewrap, so a drag does not rewrite them every frame).
    await expect(figure.locator('[data-reading-number="ratioAtPt09"]').first()).toHaveText("200");
    await expect(figure.locator('[data-reading-variant="focusing"]').first()).toBeVisible();

    // The crosshair, moved by keyboard to p_t = 0.9, reads out the module's values.
    await figure.locator("[data-chart-frame]").focus();
    for (let i = 0; i < 4; i++) await page.keyboard.press("Shift+ArrowRight");
    await nextFrames(page);
    expect(await figure.locator('.legend [data-key="header"]').textContent()).toBe("pₜ = 0.900");
    expect((await legendRow(figure, "reader")).value).toBe(loss3(0.9, 2.3));
    expect((await legendRow(figure, "g0")).value).toBe(loss3(0.9, 0));
    expect((await legendRow(figure, "g5")).value).toBe(loss3(0.9, 5));
    expect(await figure.locator("[data-crosshair-live]").textContent()).toContain(
      `yours: γ = 2.3, loss ${loss3(0.9, 2.3)}`,
    );

    // Home and End take γ to the ends of its range; PageDown moves down, not up.
    await slider.focus();
    await page.keyboard.press("End");
    await nextFrames(page);
    expect(await figure.locator('output[data-output="gamma"]').textContent()).toBe("5.0");
    await page.keyboard.press("PageDown");
    await nextFrames(page);
    expect(Number(await figure.locator('output[data-output="gamma"]').textContent())).toBeLessThan(5);
    await page.keyboard.press("Home");
    await nextFrames(page);
    expect(await figure.locator('output[data-output="gamma"]').textContent()).toBe("0.0");
    // With γ = 0 the reader's curve is cross-entropy: the same path as the γ = 0 reference.
    expect(await curveD(figure, "reader")).toBe(await curveD(figure, "g0"));
    // Many redraws later the keyed joins have updated the server-rendered SVG in place: nothing doubled.
    expect(await figure.locator("svg.chart").count()).toBe(1);
    expect(await figure.locator(".curves path").count()).toBe(6);
    expect(await figure.locator(".legend .legend-row").count()).toBe(6);
    expect(await figure.locator(".axis-x .tick").count()).toBe(6);
    expect(problems).toEqual([]);
  });

  test("with the pointer: dragging the thumb to either end sets γ to 5 and to 0", async () => {
    const { page, problems, figure } = await openFresh();
    const slider = figure.getByRole("slider", { name: "focusing γ" });
    await centreForPointer(slider);
    const box = (await slider.boundingBox())!;
    const y = box.y + box.height / 2;
    // The thumb sits at 2/5 of the track for γ = 2.
    await page.mouse.move(box.x + 8 + (box.width - 16) * 0.4, y);
    await page.mouse.down();
    for (let i = 1; i <= 10; i++) await page.mouse.move(box.x + 8 + (box.width - 16) * (0.4 + 0.07 * i), y);
    await page.mouse.up();
    await nextFrames(page);
    expect(await figure.locator('output[data-output="gamma"]').textContent()).toBe("5.0");
    expect((await legendRow(figure, "reader")).label).toBe("yours: γ = 5");
    expect(await curveD(figure, "reader")).toBe(await curveD(figure, "g5"));

    await page.mouse.move(box.x + box.width - 8, y);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width / 2, y, { steps: 5 });
    await page.mouse.move(box.x - 20, y, { steps: 5 });
    await page.mouse.up();
    await nextFrames(page);
    expect(await figure.locator('output[data-output="gamma"]').textContent()).toBe("0.0");
    expect(await curveD(figure, "reader")).toBe(await curveD(figure, "g0"));
    // At γ = 0 focal loss is cross-entropy: the readings swap to the sentences that say so (typeset at build time).
    await expect(figure.locator('[data-reading-variant="cross-entropy"]').first()).toBeVisible();
    await expect(figure.locator('[data-reading-variant="focusing"]').first()).toBeHidden();
    expect(problems).toEqual([]);
  });

  test("hovering the chart reads out every curve at the pointer's p_t", async () => {
    const { page, figure } = await openFresh();
    const axis = figure.locator('.axis-x [data-key="t0.4"]');
    const tick = (await axis.boundingBox())!;
    const chart = (await figure.locator("svg.chart").boundingBox())!;
    await page.mouse.move(tick.x + tick.width / 2, chart.y + chart.height / 2);
    await nextFrames(page);
    expect(await figure.locator('.legend [data-key="header"]').textContent()).toBe("pₜ = 0.400");
    expect((await legendRow(figure, "g1")).value).toBe(loss3(0.4, 1));
    expect(await figure.locator(".crosshair-dot").count()).toBe(6);
    await page.mouse.move(0, 0);
    await nextFrames(page);
    expect(await figure.locator(".crosshair").count()).toBe(0);
  });

  test("α weighting scales the reader's curve, switched on and moved from the keyboard", async () => {
    const { page, figure } = await openFresh();
    const alphaOn = figure.getByRole("checkbox", { name: "weight α" });
    const alpha = figure.getByRole("slider", { name: "class weight α" });
    // α off: the slider says so, but stays live.
    expect(await alpha.isDisabled()).toBe(false);
    await expect(alpha).toHaveAttribute("aria-valuetext", "α off; move to switch it on");
    await alphaOn.check();
    await nextFrames(page);
    await expect(alpha).toHaveAttribute("aria-valuetext", "α = 0.25");
    expect(await figure.locator('output[data-output="alpha"]').textContent()).toBe("0.25");
    await alpha.focus();
    await page.keyboard.press("ArrowRight");
    await nextFrames(page);
    expect(await figure.locator('output[data-output="alpha"]').textContent()).toBe("0.26");
    expect((await legendRow(figure, "reader")).label).toBe("yours: γ = 2, α = 0.26");
    // The "show data" table's column for the reader follows too: opened after the change, it shows the current state.
    await figure.locator("details.figure-data summary").click();
    await nextFrames(page);
    const cell = figure.locator('td[data-col="reader"][data-x="0.5"]');
    expect(await cell.textContent()).toBe(formatNumber(focalLossOfPt(0.5, { gamma: 2, alpha: 0.26 }), { digits: 4 }));
  });

  test("a click on the grey α slider switches α on at the value clicked", async () => {
    const { page, figure } = await openFresh();
    const alpha = figure.getByRole("slider", { name: "class weight α" });
    await expect(figure.locator('output[data-output="alpha"]')).toHaveText("off");
    // A click three quarters along the track (the thumb's travel is the track less one thumb width, so near, not at, 0.75).
    await centreForPointer(alpha);
    const box = (await alpha.boundingBox())!;
    await page.mouse.click(box.x + box.width * 0.75, box.y + box.height / 2);
    await nextFrames(page);
    await expect(figure.getByRole("checkbox", { name: "weight α" })).toBeChecked();
    const value = Number(await figure.locator('output[data-output="alpha"]').textContent());
    expect(value).toBeGreaterThan(0.7);
    expect(value).toBeLessThan(0.8);
    expect((await legendRow(figure, "reader")).label).toBe(`yours: γ = 2, α = ${value}`);
  });
});
