/**
 * Layout shift as the reader sees it, from the browser's own layout-shift
 * entries (the ones Cumulative Layout Shift is made of).
 */
import type { Page } from "playwright-core";

declare global {
  interface Window {
    __layoutShifts?: { value: number; hadRecentInput: boolean; at: number }[];
  }
}

interface LayoutShiftEntry extends PerformanceEntry {
  value: number;
  hadRecentInput: boolean;
}

/** Records every layout shift from the first paint on. Add before navigating. */
export async function recordLayoutShifts(page: Page): Promise<void> {
  await page.addInitScript(() => {
    window.__layoutShifts = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries() as LayoutShiftEntry[]) {
        window.__layoutShifts!.push({ value: e.value, hadRecentInput: e.hadRecentInput, at: e.startTime });
      }
    }).observe({ type: "layout-shift", buffered: true });
  });
}

/** Shift scores recorded after `since` (ms on the page's clock), including those right after input. */
export async function layoutShiftsSince(page: Page, since = 0): Promise<number[]> {
  // Entries are delivered after the frame that shifted; give them a frame to arrive.
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 50))));
  return page.evaluate((t) => (window.__layoutShifts ?? []).filter((s) => s.at >= t).map((s) => s.value), since);
}

export const pageClock = (page: Page) => page.evaluate(() => performance.now());

/**
 * Drags each visible slider (native range inputs and role="slider") from one
 * end to the other with the mouse, as a reader exploring a figure does, and
 * returns the layout shifts that happened meanwhile. Shifts right after input
 * are counted too: a page that jumps under the reader's hand is the failure.
 */
export async function shiftsWhileDragging(page: Page, maxSliders = 3): Promise<{ sliders: number; shifts: number[] }> {
  const sliders = page.locator('input[type="range"]:visible, [role="slider"]:visible');
  const count = Math.min(await sliders.count(), maxSliders);
  const shifts: number[] = [];
  for (let i = 0; i < count; i++) {
    const slider = sliders.nth(i);
    await slider.scrollIntoViewIfNeeded();
    const box = await slider.boundingBox();
    if (!box) continue;
    const since = await pageClock(page);
    const y = box.y + box.height / 2;
    await page.mouse.move(box.x + box.width / 2, y);
    await page.mouse.down();
    for (let step = 0; step <= 10; step++) await page.mouse.move(box.x + (box.width * step) / 10, y);
    for (let step = 10; step >= 0; step--) await page.mouse.move(box.x + (box.width * step) / 10, y);
    await page.mouse.up();
    shifts.push(...(await layoutShiftsSince(page, since)));
  }
  return { sliders: count, shifts };
}
