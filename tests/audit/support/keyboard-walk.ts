/**
 * Walks a page with the Tab key only, the way a keyboard reader does, and
 * records every stop: what it is, whether the browser shows it as
 * :focus-visible with a visible indicator (outline or box-shadow), and whether
 * it is on screen. Then checks the stops against the page's tabbable elements
 * in document order, and that stateful controls respond to their keys.
 */
import type { Page } from "@playwright/test";

export interface FocusStop {
  index: number;
  /** e.g. `a.skip-link "Skip to content"` */
  label: string;
  /** true when the element is one of the page's tabbable controls (not a browser-made scroller stop) */
  tabbable: boolean;
  /** a scroll container Chromium makes focusable so keyboard readers can scroll it */
  scroller: boolean;
  focusVisible: boolean;
  /** "outline 3px", "box-shadow", or null when focus shows nothing */
  indicator: string | null;
  onScreen: boolean;
  /** how the control is operated by keyboard, or null for links and plain buttons */
  kind: "slider" | "toggle" | "checkbox" | "select" | "radio" | null;
}

export interface KeyboardWalk {
  stops: FocusStop[];
  /** tabbable controls in document order that Tab never reached */
  unreached: string[];
  /** whether the reached controls came in document order */
  inOrder: boolean;
  /** controls whose state did not change under their keys (slider arrows, toggle Enter, …) */
  inoperable: string[];
}

/** Runs in the page: marks every tabbable element in document order (through open shadow roots). */
function markTabbables(): string[] {
  const selector =
    'a[href], area[href], button, input:not([type="hidden"]), select, textarea, summary, iframe, [tabindex], [contenteditable="true"]';
  const found: Element[] = [];
  const walk = (root: Document | ShadowRoot) => {
    for (const el of root.querySelectorAll("*")) {
      if (el.matches(selector)) found.push(el);
      if (el.shadowRoot) walk(el.shadowRoot);
    }
  };
  walk(document);
  const describe = (el: Element) => {
    const name = (el.getAttribute("aria-label") ?? el.textContent ?? "").replace(/\s+/g, " ").trim().slice(0, 40);
    const cls = el.classList[0] ? `.${el.classList[0]}` : "";
    return `${el.tagName.toLowerCase()}${cls}${name ? ` "${name}"` : ""}`;
  };
  // inert (reveal.js's slides other than the current one) reaches into shadow roots, closest() does not.
  const insideInert = (el: Element) => {
    for (let node: Element | null = el; node;) {
      if (node.closest("[inert]")) return true;
      const root = node.getRootNode();
      node = root instanceof ShadowRoot ? root.host : null;
    }
    return false;
  };
  const radioSeen = new Set<string>();
  const tabbable = found.filter((el) => {
    const h = el as HTMLElement;
    if (h.tabIndex < 0 || (h as HTMLButtonElement).disabled || insideInert(h)) return false;
    if (!h.checkVisibility({ checkVisibilityCSS: true })) return false;
    // Only one radio per named group is in the tab order: the checked one, else the first.
    if (h instanceof HTMLInputElement && h.type === "radio" && h.name) {
      const key = `${h.form?.id ?? ""}|${h.name}`;
      const group = [
        ...document.querySelectorAll<HTMLInputElement>(`input[type="radio"][name="${CSS.escape(h.name)}"]`),
      ];
      const chosen = group.find((r) => r.checked) ?? group[0];
      if (h !== chosen || radioSeen.has(key)) return false;
      radioSeen.add(key);
    }
    return true;
  });
  tabbable.forEach((el, i) => el.setAttribute("data-kbd-tabbable", String(i)));
  return tabbable.map(describe);
}

/** Runs in the page: describes the element that has focus now (through shadow roots) and tags it as stop `index`. */
async function describeFocus(index: number) {
  // Styles for :focus apply in the next frame after a key press; measure after it.
  await new Promise((r) => requestAnimationFrame(() => r(null)));
  let el = document.activeElement;
  while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
  if (!el || el === document.body || el === document.documentElement) return null;
  const h = el as HTMLElement;
  // The reduced-motion rule leaves a 0.01 ms transition on every property, so
  // focus styles (the skip link's move on screen) arrive by transition: let it end.
  await Promise.all(h.getAnimations().map((a) => a.finished.catch(() => undefined)));
  const style = getComputedStyle(h);
  const outline = style.outlineStyle !== "none" && parseFloat(style.outlineWidth) > 0;
  const shadow = style.boxShadow !== "none";
  const rect = h.getBoundingClientRect();
  const role = h.getAttribute("role");
  const type = h instanceof HTMLInputElement ? h.type : "";
  const kind: "slider" | "toggle" | "checkbox" | "select" | "radio" | null =
    type === "range" || role === "slider"
      ? "slider"
      : h.hasAttribute("aria-pressed") || h.hasAttribute("aria-expanded")
        ? "toggle"
        : type === "checkbox" || role === "checkbox" || role === "switch"
          ? "checkbox"
          : h instanceof HTMLSelectElement
            ? "select"
            : type === "radio" || role === "radio"
              ? "radio"
              : null;
  const already = h.getAttribute("data-kbd-stop");
  if (already === null) h.setAttribute("data-kbd-stop", String(index));
  const name = (h.getAttribute("aria-label") ?? h.textContent ?? "").replace(/\s+/g, " ").trim().slice(0, 40);
  const cls = h.classList[0] ? `.${h.classList[0]}` : "";
  return {
    index,
    firstSeenAt: already === null ? index : Number(already),
    tag: h.tagName.toLowerCase(),
    label: `${h.tagName.toLowerCase()}${cls}${name ? ` "${name}"` : ""}`,
    tabbableIndex: h.hasAttribute("data-kbd-tabbable") ? Number(h.getAttribute("data-kbd-tabbable")) : null,
    scroller: h.scrollHeight > h.clientHeight + 1 || h.scrollWidth > h.clientWidth + 1,
    focusVisible: h.matches(":focus-visible"),
    indicator: outline ? `outline ${style.outlineWidth}` : shadow ? "box-shadow" : null,
    onScreen:
      rect.width > 0 &&
      rect.height > 0 &&
      rect.bottom > 0 &&
      rect.top < innerHeight &&
      rect.right > 0 &&
      rect.left < innerWidth,
    kind,
  };
}

/** Runs in the page: the state a key press should change on a control. */
function controlState(stop: number) {
  const h = document.querySelector<HTMLElement>(`[data-kbd-stop="${stop}"]`) ?? findInShadows(stop);
  function findInShadows(n: number): HTMLElement | null {
    const walk = (root: Document | ShadowRoot): HTMLElement | null => {
      for (const el of root.querySelectorAll("*")) {
        if (el.getAttribute("data-kbd-stop") === String(n)) return el as HTMLElement;
        if (el.shadowRoot) {
          const inner = walk(el.shadowRoot);
          if (inner) return inner;
        }
      }
      return null;
    };
    return walk(document);
  }
  if (!h) return null;
  const input = h as HTMLInputElement;
  return [
    input.value,
    input.checked,
    h.getAttribute("aria-valuenow"),
    h.getAttribute("aria-pressed"),
    h.getAttribute("aria-expanded"),
    h.getAttribute("aria-checked"),
  ].join("|");
}

const KEYS: Record<NonNullable<FocusStop["kind"]>, string[]> = {
  slider: ["ArrowRight", "ArrowLeft"],
  toggle: ["Enter"],
  checkbox: ["Space"],
  select: ["ArrowDown", "ArrowUp"],
  radio: ["ArrowDown", "ArrowUp"],
};

export async function walkWithKeyboard(page: Page, maxStops = 300): Promise<KeyboardWalk> {
  const tabbables = await page.evaluate(markTabbables);
  // Start from the top of the document, as a reader arriving on the page does.
  await page.evaluate(() => {
    (document.activeElement as HTMLElement | null)?.blur();
    window.scrollTo(0, 0);
  });
  // :focus and :focus-visible only match in a focused document.
  await page.bringToFront();
  await page.waitForFunction(() => document.hasFocus());
  const raw: NonNullable<Awaited<ReturnType<typeof describeFocus>>>[] = [];
  for (let i = 0, presses = 0; i < maxStops && presses < maxStops * 2; presses++) {
    await page.keyboard.press("Tab");
    const stop = await page.evaluate(describeFocus, i);
    // Inside an <iframe> (an embedded figure) Tab walks the frame's own controls,
    // audited on the embed page itself; keep pressing until focus comes back out.
    if (stop && stop.tag === "iframe" && raw.at(-1)?.tag === "iframe" && stop.firstSeenAt === raw.length - 1) continue;
    if (!stop || stop.firstSeenAt !== i) break; // left the page, or wrapped around
    raw.push(stop);
    i++;
  }
  const stops: FocusStop[] = raw.map((s) => ({
    index: s.index,
    label: s.label,
    tabbable: s.tabbableIndex !== null,
    scroller: s.scroller && s.tabbableIndex === null,
    focusVisible: s.focusVisible,
    indicator: s.indicator,
    onScreen: s.onScreen,
    kind: s.kind,
  }));
  const reachedOrder = raw.map((s) => s.tabbableIndex).filter((n): n is number => n !== null);
  const reached = new Set(reachedOrder);
  const unreached = tabbables.filter((_label, i) => !reached.has(i));
  const inOrder = reachedOrder.every((n, i) => i === 0 || n > reachedOrder[i - 1]!);

  const inoperable: string[] = [];
  for (const stop of stops.filter((s) => s.kind)) {
    const target = page.locator(`[data-kbd-stop="${stop.index}"]`);
    await target.focus();
    const before = await page.evaluate(controlState, stop.index);
    const keys = KEYS[stop.kind!];
    let by = -1; // index of the key that changed the control
    for (const [i, key] of keys.entries()) {
      await page.keyboard.press(key);
      if ((await page.evaluate(controlState, stop.index)) !== before) {
        by = i;
        break;
      }
    }
    const changed = by >= 0;
    // Put the control back, so later checks see the page as it was: a toggle by
    // its own key again, a slider, select or radio group by the opposite key. (A
    // select left on another option can disable the controls after it, as the
    // lab's loss does to γ, and those would then fail through no fault of theirs.)
    if (changed) await page.keyboard.press(keys.length === 1 ? keys[0]! : keys[by === 0 ? 1 : 0]!);
    if (!changed) inoperable.push(`${stop.label} (${stop.kind}: ${KEYS[stop.kind!].join("/")} changed nothing)`);
  }
  return { stops, unreached, inOrder, inoperable };
}

/** What is wrong with a walk, one line per problem; empty when the page passes. */
export function keyboardProblems(walk: KeyboardWalk): string[] {
  const problems: string[] = [];
  for (const s of walk.stops) {
    if (!s.tabbable && !s.scroller) problems.push(`Tab stops on ${s.label}, which is not a control`);
    if (!s.focusVisible || !s.indicator) problems.push(`no visible focus indicator on ${s.label}`);
    if (!s.onScreen) problems.push(`${s.label} has focus but is off screen`);
  }
  for (const u of walk.unreached) problems.push(`Tab never reaches ${u}`);
  if (!walk.inOrder) problems.push("Tab order differs from document order");
  problems.push(...walk.inoperable);
  return problems;
}
