/**
 * Layout shift as the reader sees it, from the browser's own layout-shift
 * entries (the ones Cumulative Layout Shift is made of).
 */
import type { Page } from "@playwright/test";

declare global {
  interface Window {
    __layoutShifts?: LayoutShift[];
    /** hands over the entries the observer has not delivered yet (PerformanceObserver.takeRecords) */
    __takeLayoutShifts?: () => void;
    /** stops the sampling of a dragged slider's place (shiftsWhileDragging) and returns where it was seen */
    __dragSamples?: () => { start: string; moved: string[] };
  }
}

export interface LayoutShift {
  value: number;
  hadRecentInput: boolean;
  at: number;
  /** what moved, e.g. `div.calc-summary-item y 412→398 h 40→54`, so a failure says where to look */
  sources: string[];
}

interface LayoutShiftEntry extends PerformanceEntry {
  value: number;
  hadRecentInput: boolean;
  sources: { node: Node | null; previousRect: DOMRectReadOnly; currentRect: DOMRectReadOnly }[];
}

/** Records every layout shift from the first paint on. Add before navigating. */
export async function recordLayoutShifts(page: Page): Promise<void> {
  await page.addInitScript(() => {
    window.__layoutShifts = [];
    const record = (entries: LayoutShiftEntry[]) => {
      for (const e of entries) {
        const sources = e.sources.map(({ node, previousRect: a, currentRect: b }) => {
          const el = node instanceof Element ? node : node?.parentElement;
          const name = el ? `${el.tagName.toLowerCase()}${el.classList[0] ? `.${el.classList[0]}` : ""}` : "?";
          const r = Math.round;
          return `${node instanceof Text ? "text in " : ""}${name} x ${r(a.x)}→${r(b.x)} y ${r(a.y)}→${r(b.y)} w ${r(a.width)}→${r(b.width)} h ${r(a.height)}→${r(b.height)}`;
        });
        window.__layoutShifts!.push({ value: e.value, hadRecentInput: e.hadRecentInput, at: e.startTime, sources });
      }
    };
    const observer = new PerformanceObserver((list) => record(list.getEntries() as LayoutShiftEntry[]));
    observer.observe({ type: "layout-shift", buffered: true });
    window.__takeLayoutShifts = () => record(observer.takeRecords() as LayoutShiftEntry[]);
  });
}

/** Shifts recorded after `since` (ms on the page's clock), including those right after input. */
export async function layoutShiftsSince(page: Page, since = 0): Promise<LayoutShift[]> {
  // A shift's entry is made when the frame that shifted renders, and delivered to the observer later: wait
  // for the next frame to have rendered (two animation frames), then take what is still undelivered.
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  return page.evaluate((t) => {
    window.__takeLayoutShifts?.();
    return (window.__layoutShifts ?? []).filter((s) => s.at >= t);
  }, since);
}

export const pageClock = (page: Page) => page.evaluate(() => performance.now());

/**
 * Drags each visible slider (native range inputs and role="slider") from one
 * end to the other and back with the mouse, as a reader exploring a figure
 * does. Returns the layout shifts that count towards Cumulative Layout Shift
 * meanwhile (the browser's definition: shifts within 500 ms of a press or key
 * are the page answering the reader and do not count), and every time the
 * slider itself moved under the pointer, which no definition excuses.
 */
export async function shiftsWhileDragging(
  page: Page,
  maxSliders = 3,
): Promise<{ sliders: number; shifts: LayoutShift[]; sliderMoves: string[] }> {
  const sliders = page.locator('input[type="range"]:visible, [role="slider"]:visible');
  const count = Math.min(await sliders.count(), maxSliders);
  const shifts: LayoutShift[] = [];
  let dragged = 0;
  const sliderMoves: string[] = [];
  for (let i = 0; i < count; i++) {
    const slider = sliders.nth(i);
    await slider.scrollIntoViewIfNeeded();
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
    const box = await slider.boundingBox();
    const viewport = page.viewportSize();
    // A slider a reader cannot reach by scrolling (on another slide of the deck) is not dragged.
    if (
      !box ||
      !viewport ||
      box.x < 0 ||
      box.y < 0 ||
      box.x + box.width > viewport.width ||
      box.y + box.height > viewport.height
    )
      continue;
    dragged += 1;
    const label = (await slider.getAttribute("aria-label")) ?? (await slider.getAttribute("id")) ?? `slider ${i + 1}`;
    // The slider's place on the page, sampled in the page itself at every pointer move and every frame
    // of the drag (one round trip to start and one to stop, rather than one per move).
    await slider.evaluate((el) => {
      const where = () => {
        const r = el.getBoundingClientRect();
        return `${Math.round(r.x + scrollX)},${Math.round(r.y + scrollY)} ${Math.round(r.width)}x${Math.round(r.height)}`;
      };
      const start = where();
      const moved = new Set<string>();
      const sample = () => {
        const now = where();
        if (now !== start) moved.add(now);
      };
      let frame = 0;
      const everyFrame = () => {
        sample();
        frame = requestAnimationFrame(everyFrame);
      };
      frame = requestAnimationFrame(everyFrame);
      addEventListener("pointermove", sample);
      window.__dragSamples = () => {
        cancelAnimationFrame(frame);
        removeEventListener("pointermove", sample);
        sample();
        return { start, moved: [...moved] };
      };
    });
    const since = await pageClock(page);
    const y = box.y + box.height / 2;
    await page.mouse.move(box.x + box.width / 2, y);
    await page.mouse.down();
    const xs = [...Array(11).keys(), ...[...Array(11).keys()].reverse()].map((step) => box.x + (box.width * step) / 10);
    for (const x of xs) await page.mouse.move(x, y);
    await page.mouse.up();
    const { start, moved } = await page.evaluate(() => window.__dragSamples!());
    for (const now of moved) sliderMoves.push(`${label} moved from ${start} to ${now} while dragged`);
    shifts.push(...(await layoutShiftsSince(page, since)).filter((s) => !s.hadRecentInput));
  }
  return { sliders: dragged, shifts, sliderMoves: [...new Set(sliderMoves)] };
}
