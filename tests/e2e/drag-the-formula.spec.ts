/**
 * One page for the file, its tests in order: each loads its address afresh on it (a load is what gives each
 * test the page a first visit sees), the pointer parked where a new page has it.
 */
import { expect, test } from "./support/test";
import { siteUrl, watchedPage } from "./support/browser";
import { sharedPage } from "./support/shared-page";
import { centreForPointer, nextFrames, searchParams } from "./support/figures";
import { formulaTexts, formulaValues } from "../../src/lib/views/live-formula";

const shared = sharedPage((browser) => watchedPage(browser));

async function openFormula(page: import("playwright-core").Page, query = "") {
  await page.mouse.move(0, 0);
  await page.goto(siteUrl(`figures/${query}`), { waitUntil: "load" });
  const formula = page.locator("live-focal-formula").first();
  await formula.scrollIntoViewIfNeeded();
  await page.waitForSelector("live-focal-formula[data-ready]");
  return formula;
}

test.describe("a reader plays with the numbers in the focal-loss formula", () => {
  test("steps γ, α and p_t with the keyboard; the loss and the ratio follow the module", async () => {
    const { page, problems } = shared.current;
    const formula = await openFormula(page);
    const gamma = formula.locator('[data-tangle="gamma"]').first();
    expect(await gamma.getAttribute("role")).toBe("slider");
    expect(await gamma.getAttribute("aria-valuenow")).toBe("2");
    await gamma.focus();
    await page.keyboard.press("ArrowLeft");
    await nextFrames(page);
    expect(await gamma.textContent()).toBe("1.9");
    expect(await gamma.getAttribute("aria-valuetext")).toBe("γ = 1.9");

    const alpha = formula.locator('[data-tangle="alpha"]').first();
    expect(await alpha.textContent()).toBe("1");
    await alpha.focus();
    await page.keyboard.press("PageDown");
    await nextFrames(page);
    expect(await alpha.textContent()).toBe("0.90");

    const pt = formula.locator('[data-tangle="pt"]').first();
    await pt.focus();
    await page.keyboard.press("ArrowRight");
    await nextFrames(page);
    for (const el of await formula.locator('[data-tangle="pt"]').all()) expect(await el.textContent()).toBe("0.91");
    const expected = formulaTexts(formulaValues(0.91, 1.9, 0.9));
    expect(await formula.locator('[data-result="fl"]').textContent()).toBe(expected.fl);
    expect(await formula.locator('[data-result="ce"]').textContent()).toBe(expected.ce);
    expect(await formula.locator('[data-result="factor"]').textContent()).toBe(expected.factor);
    // γ and α are the page's figure state; p_t is the formula's own, under its prefix: the URL carries all three.
    await expect.poll(() => searchParams(page)).toEqual({ gamma: "1.9", alpha: "0.9", "formula.pt": "0.91" });

    // Delete turns α weighting off again.
    await alpha.focus();
    await page.keyboard.press("Delete");
    await nextFrames(page);
    expect(await alpha.textContent()).toBe("1");
    await expect.poll(() => searchParams(page)).toEqual({ gamma: "1.9", "formula.pt": "0.91" });
    // The link brings the formula back as the reader left it; a hostile p_t falls back to the typeset 0.90.
    const restored = await openFormula(page, new URL(page.url()).search);
    await expect(restored.locator('[data-tangle="pt"]').first()).toHaveText("0.91");
    await expect(restored.locator('[data-tangle="gamma"]').first()).toHaveText("1.9");
    const hostile = await openFormula(page, "?formula.pt=1.5");
    await expect(hostile.locator('[data-tangle="pt"]').first()).toHaveText("0.90");
    expect(problems).toEqual([]);
  });

  test("shows a key press at once: the number and aria-valuenow change before the next frame", async () => {
    const { page, problems } = shared.current;
    const formula = await openFormula(page);
    // Key and read in one task: nothing can be waiting for an animation frame.
    const after = await formula.evaluate((el) => {
      const read = (name: string) => {
        const n = el.querySelector<HTMLElement>(`[data-tangle="${name}"]`)!;
        n.focus();
        n.dispatchEvent(new KeyboardEvent("keydown", { key: "ArrowRight", bubbles: true, cancelable: true }));
        return [n.textContent, n.getAttribute("aria-valuenow")];
      };
      return { pt: read("pt"), gamma: read("gamma") };
    });
    expect(after).toEqual({ pt: ["0.91", "0.91"], gamma: ["2.1", "2.1"] });
    expect(problems).toEqual([]);
  });

  test("shows α off as a muted 1 with a note, and α keeps its width when turned on", async () => {
    const { page, problems } = shared.current;
    const formula = await openFormula(page);
    const alpha = formula.locator('[data-tangle="alpha"]').first();
    const note = formula.locator("[data-alpha-note]");
    const look = () =>
      alpha.evaluate((el) => ({ color: getComputedStyle(el).color, width: el.getBoundingClientRect().width }));
    const noteShown = () =>
      note.evaluate((el) => getComputedStyle(el).visibility === "visible" && el.getBoundingClientRect().height > 0);
    const gammaColor = await formula
      .locator('[data-tangle="gamma"]')
      .first()
      .evaluate((el) => getComputedStyle(el).color);

    expect(await alpha.textContent()).toBe("1");
    expect(await alpha.getAttribute("aria-valuetext")).toBe("α off (weight 1)");
    expect(await alpha.getAttribute("data-off")).not.toBeNull();
    expect(await noteShown()).toBe(true);
    expect(await note.textContent()).toMatch(/α is off/);
    const off = await look();
    expect(off.color, "α off is not coloured like a set number").not.toBe(gammaColor);

    await alpha.focus();
    await page.keyboard.press("ArrowLeft");
    await nextFrames(page);
    expect(await alpha.textContent()).toBe("0.99");
    expect(await alpha.getAttribute("data-off")).toBeNull();
    expect(await noteShown()).toBe(false);
    const on = await look();
    expect(on.color).toBe(gammaColor);
    expect(Math.abs(on.width - off.width), "α is as wide off (1) as on (0.99)").toBeLessThan(0.5);

    await page.keyboard.press("Delete");
    await nextFrames(page);
    expect(await alpha.getAttribute("data-off")).not.toBeNull();
    expect(await noteShown()).toBe(true);
    expect(problems).toEqual([]);
  });

  test("keeps every number where it is while p_t is dragged and the results change width", async () => {
    const { page } = shared.current;
    const formula = await openFormula(page, "?gamma=5&alpha=0.25");
    const numbers = formula.locator("[data-tangle]");
    const places = () =>
      numbers.evaluateAll((els) =>
        els.map((el) => {
          const r = el.getBoundingClientRect();
          return `${el.getAttribute("data-tangle")} ${Math.round(r.x)},${Math.round(r.y)} ${Math.round(r.width)}`;
        }),
      );
    const pt = numbers.and(formula.locator('[data-tangle="pt"]')).first();
    await centreForPointer(pt);
    const before = await places();
    const fl = formula.locator('[data-result="fl"]');
    const flBefore = await fl.textContent();
    const box = (await pt.boundingBox())!;
    const y = box.y + box.height / 2;
    await page.mouse.move(box.x + box.width / 2, y);
    await page.mouse.down();
    // 3 px per 0.01: 240 px to the right takes p_t from 0.90 to its 0.99 end, where the loss is tiny.
    await page.mouse.move(box.x + box.width / 2 + 240, y, { steps: 8 });
    await nextFrames(page);
    expect(await places()).toEqual(before);
    await page.mouse.move(box.x + box.width / 2 - 600, y, { steps: 8 });
    await nextFrames(page);
    await page.mouse.up();
    expect(await pt.textContent()).toBe("0.01");
    expect(await fl.textContent()).not.toBe(flBefore);
    expect(await places()).toEqual(before);
  });

  test("drags γ to the right and to the left with the pointer, clamped to [0, 5]", async () => {
    const { page } = shared.current;
    const formula = await openFormula(page, "?gamma=1");
    const gamma = formula.locator('[data-tangle="gamma"]').first();
    expect(await gamma.textContent()).toBe("1.0");
    await centreForPointer(gamma);
    const box = (await gamma.boundingBox())!;
    const y = box.y + box.height / 2;
    await page.mouse.move(box.x + box.width / 2, y);
    await page.mouse.down();
    // 6 px per 0.1: 60 px to the right is +1.0
    await page.mouse.move(box.x + box.width / 2 + 60, y, { steps: 6 });
    await nextFrames(page);
    expect(await gamma.textContent()).toBe("2.0");
    await page.mouse.move(box.x + box.width / 2 - 400, y, { steps: 6 });
    await page.mouse.up();
    await nextFrames(page);
    expect(await gamma.textContent()).toBe("0.0");
    expect(await formula.locator('[data-result="factor"]').textContent()).toBe("1");
    expect(await page.locator('focal-loss-curves output[data-output="gamma"]').textContent()).toBe("0.0");
  });
});
