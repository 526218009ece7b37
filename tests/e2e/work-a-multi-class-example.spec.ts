/**
 * A reader switches the loss calculator to multi-class, types K logits, the
 * true class, α and γ, and reads the softmax focal loss worked step by step
 * with every class's probability and gradient. The expected numbers are
 * computed here from scratch (the textbook softmax and the chain rule, fine
 * for well-conditioned logits), not by the site's module. Bad input gets a
 * message beside its field and keeps the last good results; the link
 * restores the example; without JavaScript the default example is still there.
 */

import type { Browser, Page } from "@playwright/test";
import { caseTitle, expect, test } from "./support/test";
import { siteUrl, watchedPage } from "./support/browser";
import { BROKEN_NUMBER, currentUrl, lossSummary, pageText } from "./support/calculator";
import { sharedPage } from "./support/shared-page";
import { fieldStates, restoreFields } from "./support/form-state";

/** Softmax focal loss written out plainly: −α (1 − p_c)^γ ln p_c and dFL/dz_j = dFL/dp_c · p_c (δ_jc − p_j). */
function referenceSoftmaxFocal(logits: number[], c: number, alpha: number, gamma: number) {
  const e = logits.map(Math.exp);
  const total = e.reduce((a, b) => a + b, 0);
  const p = e.map((v) => v / total);
  const pc = p[c]!;
  const ce = -Math.log(pc);
  const fl = alpha * (1 - pc) ** gamma * ce;
  const dFlDp = alpha * (gamma * (1 - pc) ** (gamma - 1) * Math.log(pc) - (1 - pc) ** gamma / pc);
  const grad = p.map((pj, j) => dFlDp * pc * ((j === c ? 1 : 0) - pj));
  return { p, pc, ce, bce: alpha * ce, fl, ratio: ce / fl, grad };
}

/** A number as the page prints it (four decimals, a true minus sign), read back with the precision it shows. */
function shown(text: string): { value: number; halfUlp: number } {
  const plain = text.trim().replace("−", "-");
  expect(plain).toMatch(/^-?\d+\.\d+$/);
  const decimals = plain.split(".")[1]!.length;
  return { value: Number(plain), halfUlp: 0.5 * 10 ** -decimals };
}

/**
 * A ratio as the site writes every ratio: from 100 up a whole number with
 * thousands separators (1,600), below three significant digits at most (4.43, 1.5).
 */
function expectRatioShown(text: string | undefined, expected: number): void {
  const plain = (text ?? "").trim();
  const value = Number(plain.replaceAll(",", ""));
  if (expected >= 99.95) {
    expect(plain).toMatch(/^\d{1,3}(,\d{3})*$/);
    expect(Math.abs(value - expected)).toBeLessThanOrEqual(0.5);
  } else {
    expect(plain).toMatch(/^\d+(\.\d+)?$/);
    expect(plain.replace(".", "").replace(/^0+/, "").length).toBeLessThanOrEqual(3);
    expect(Math.abs(value - expected)).toBeLessThanOrEqual(
      0.5 * 10 ** (Math.floor(Math.log10(expected)) - 2) * (1 + 1e-9),
    );
  }
}

function expectShown(text: string | undefined, expected: number, significant = false): void {
  const { value, halfUlp } = shown(text ?? "");
  // A probability worked out as a quotient shows five significant digits; everything else a fixed number of decimals.
  const tolerance = significant ? 0.5 * 10 ** (Math.floor(Math.log10(Math.abs(expected))) - 4) : halfUlp;
  expect(Math.abs(value - expected)).toBeLessThanOrEqual(tolerance * (1 + 1e-9));
}

async function classCells(page: Page): Promise<string[][]> {
  return page
    .locator("loss-calculator [data-class-rows] > tr")
    .evaluateAll((trs) => trs.map((tr) => [...tr.children].map((c) => (c.textContent ?? "").trim())));
}

async function openMultiClass(browser: Browser, query = "") {
  const watched = await watchedPage(browser);
  await watched.page.goto(siteUrl(`calculator/${query}`));
  await watched.page.waitForSelector("loss-calculator[data-ready]");
  await watched.page.getByRole("radio", { name: /multi-class/ }).check();
  await expect(watched.page.locator("[data-input=logits]")).toBeVisible();
  return watched;
}

const FIELDS = "loss-calculator [data-input]";

/**
 * The calculator switched to multi-class once for the tests that share it, and
 * `fresh()`, which puts every field back as it was right after the switch and
 * waits for those results, fresh, before a case starts.
 */
async function openShared(browser: Browser) {
  const watched = await openMultiClass(browser);
  const { page } = watched;
  const saved = await fieldStates(page, FIELDS);
  const shownOnOpening = { summary: await lossSummary(page), rows: await classCells(page) };
  const fresh = async () => {
    await restoreFields(page, FIELDS, saved);
    await expect(page.locator("[data-input=logits]")).toBeVisible();
    await expect
      .poll(async () => ({ summary: await lossSummary(page), rows: await classCells(page) }), "back as opened")
      .toEqual(shownOnOpening);
    await expect(page.locator("loss-calculator")).not.toHaveAttribute("data-stale", /.*/);
    return watched;
  };
  return { ...watched, fresh };
}

const EXAMPLE = { logits: [1.5, -0.3, 0.8, 2.1], target: 2, alpha: 0.4, gamma: 1.5 };

async function typeExample(page: Page): Promise<void> {
  await page.fill("[data-input=logits]", "1.5, -0.3; 0.8 2.1");
  await page.fill("[data-input=target]", String(EXAMPLE.target));
  await page.fill("[data-input=alpha]", String(EXAMPLE.alpha));
  await page.fill("[data-input=gamma]", String(EXAMPLE.gamma));
}

test.describe("the multi-class loss calculator", () => {
  const calculator = sharedPage(openShared);

  test("computes softmax focal loss, CE and every class's gradient for the reader's logits", async () => {
    const { page, problems } = await calculator.current.fresh();
    await typeExample(page);
    const ref = referenceSoftmaxFocal(EXAMPLE.logits, EXAMPLE.target, EXAMPLE.alpha, EXAMPLE.gamma);

    await expect(page.locator("loss-calculator [data-class-rows] > tr")).toHaveCount(4);
    const summary = await lossSummary(page);
    expectShown(summary.fl, ref.fl);
    expectShown(summary.ce, ref.ce);
    expectShown(summary.balancedCe, ref.bce);
    expectRatioShown(summary.ceOverFl, ref.ratio);

    const rows = await classCells(page);
    rows.forEach((cells, j) => {
      expect(cells[0]).toBe(j === EXAMPLE.target ? `${j} (true class)` : String(j));
      expectShown(cells[2], ref.p[j]!);
      expectShown(cells[3], ref.grad[j]!);
    });
    // The gradients of a softmax loss sum to zero: what the true class gains, the others lose.
    expect(Math.abs(ref.grad.reduce((a, b) => a + b, 0))).toBeLessThan(1e-12);

    // The substitution a reader follows, in the steps' text readings (words a screen reader reads out: spokenMath).
    const stepText = (id: string) => page.locator(`loss-calculator [data-step="${id}"] [data-step-text]`).textContent();
    expect(await stepText("pt")).toMatch(
      /^p sub t = e to the power z sub c divided by the sum over j of e to the power z sub j = e to the power 0\.8 divided by \d+\.\d{4} = 0\.\d{5}$/,
    );
    expectShown((await stepText("pt"))!.split(" = ").at(-1), ref.pc, true);
    expectShown((await stepText("oneMinusPt"))!.split(" = ").at(-1), 1 - ref.pc);
    expect(await stepText("alphaT")).toBe("α sub t = α = 0.4");
    expect(await stepText("fl")).toMatch(
      /^FL = α sub t \(1 − p sub t\) to the power γ CE = 0\.4 × 0\.\d{4} × \d\.\d{4} = \d\.\d{4}$/,
    );
    // Binary-only inputs are out of the way.
    await expect(page.locator("[data-input=p]")).toBeHidden();
    expect(await pageText(page)).not.toMatch(BROKEN_NUMBER);
    expect(problems).toEqual([]);
  });

  const badInput = [
    { field: "logits", value: "", message: /The list is empty\. Enter 2 to 10 logits from -100 to 100/ },
    { field: "logits", value: "1.5, two, 3", message: /Item 2: that is not a number\./ },
    { field: "logits", value: "4", message: /That is 1 number; a softmax needs at least 2\./ },
    {
      field: "logits",
      value: "1 2 3 4 5 6 7 8 9 10 11",
      message: /That is 11 numbers; the calculator takes at most 10\./,
    },
    { field: "logits", value: "1, 2, 300", message: /Item 3: a logit cannot be above 100\./ },
    { field: "logits", value: "1, <b>2</b>", message: /Item 2: that is not a number\./ },
    { field: "target", value: "4", message: /The class cannot be above 3\. Enter a whole number from 0 to 3/ },
    { field: "target", value: "1.5", message: /The class must be a whole number/ },
    { field: "target", value: "", message: /The class is empty/ },
    { field: "gamma", value: "11", message: /γ cannot be above 10/ },
    { field: "alpha", value: "1.5", message: /α cannot be above 1/ },
  ];

  for (const [index, row] of badInput.entries()) {
    test(caseTitle("$field = $value: a message beside it, the last good results kept", row, index), async () => {
      const { field, value, message } = row;
      const { page, problems } = await calculator.current.fresh();
      await typeExample(page);
      await expect(page.locator("loss-calculator [data-class-rows] > tr")).toHaveCount(4);
      const before = { summary: await lossSummary(page), rows: await classCells(page) };

      await page.fill(`[data-input=${field}]`, value);
      const input = page.locator(`loss-calculator [data-input=${field}]`);
      const error = page.locator(`loss-calculator [data-error=${field}]`);
      await expect(input).toHaveAttribute("aria-invalid", "true");
      await expect(error).toBeVisible();
      await expect(error).toHaveText(message);
      expect((await input.getAttribute("aria-describedby"))?.split(" ")).toContain(await error.getAttribute("id"));
      await expect(page.locator("loss-calculator [data-stale-note]")).toBeVisible();
      expect({ summary: await lossSummary(page), rows: await classCells(page) }).toEqual(before);
      expect(await pageText(page)).not.toMatch(BROKEN_NUMBER);
      expect(await pageText(page)).not.toContain("<b>");

      // Fixing the field brings the results back to life.
      const fixed = { logits: "1.5, -0.3, 0.8, 2.1", target: "2", gamma: "1.5", alpha: "0.4" }[field]!;
      await page.fill(`[data-input=${field}]`, fixed);
      await expect(input).not.toHaveAttribute("aria-invalid", "true");
      await expect(error).toBeHidden();
      await expect(page.locator("loss-calculator")).not.toHaveAttribute("data-stale", /.*/);
      expect(await lossSummary(page)).toEqual(before.summary);
      expect(problems).toEqual([]);
    });
  }

  test("switching back to binary shows only the binary steps, and multi-class brings its own back", async () => {
    const { page } = await calculator.current.fresh();
    const otherClasses = page.locator('loss-calculator [data-step="oneMinusPt"]');
    const classTable = page.getByRole("region", { name: /Every class/ });
    await expect(otherClasses).toBeVisible();
    await expect(classTable).toBeVisible();
    await page.getByRole("radio", { name: /binary/ }).check();
    await expect(otherClasses).toBeHidden();
    await expect(classTable).toBeHidden();
    await expect(page.locator("[data-input=logits]")).toBeHidden();
    await expect(page.locator("[data-input=p]")).toBeVisible();
    await expect(page.locator('loss-calculator [data-step="pt"] [data-step-text]')).toHaveText("p sub t = p = 0.95");
    await page.getByRole("radio", { name: /multi-class/ }).check();
    await expect(otherClasses).toBeVisible();
    await expect(classTable).toBeVisible();
  });

  test("a class left out by fewer logits is refused, not moved", async () => {
    const { page } = await calculator.current.fresh();
    await typeExample(page);
    await expect(page.locator("loss-calculator [data-class-rows] > tr")).toHaveCount(4);
    await page.fill("[data-input=logits]", "1, 2");
    await expect(page.locator("[data-error=target]")).toHaveText(/The class cannot be above 1\./);
    await expect(page.locator("loss-calculator [data-class-rows] > tr")).toHaveCount(4);
    await page.fill("[data-input=target]", "1");
    await expect(page.locator("loss-calculator [data-class-rows] > tr")).toHaveCount(2);
    const ref = referenceSoftmaxFocal([1, 2], 1, EXAMPLE.alpha, EXAMPLE.gamma);
    expectShown((await lossSummary(page)).fl, ref.fl);
  });

  test("restores from its link, and a broken link falls back to the example", async ({ browser }) => {
    // A page of its own: the address it reads must be the one this test's typing wrote.
    const { page, context, problems } = await openMultiClass(browser);
    await typeExample(page);
    await expect.poll(async () => (await currentUrl(page)).searchParams.get("loss.gamma")).toBe("1.5");
    const url = await currentUrl(page);
    expect(url.searchParams.get("loss.mode")).toBe("softmax");
    expect(url.searchParams.get("loss.logits")).toBe("1.5,-0.3,0.8,2.1");
    expect(url.searchParams.get("loss.class")).toBe("2");
    const before = { summary: await lossSummary(page), rows: await classCells(page) };

    const shared = await watchedPage(browser);
    await shared.page.goto(url.href);
    await shared.page.waitForSelector("loss-calculator[data-ready]");
    await expect(shared.page.getByRole("radio", { name: /multi-class/ })).toBeChecked();
    await expect(shared.page.locator("[data-input=logits]")).toHaveValue("1.5, -0.3, 0.8, 2.1");
    await expect(shared.page.locator("[data-input=target]")).toHaveValue("2");
    expect({ summary: await lossSummary(shared.page), rows: await classCells(shared.page) }).toEqual(before);

    await shared.page.goto(siteUrl("calculator/?loss.mode=softmax&loss.logits=%3Cscript%3E,1&loss.class=7"));
    await shared.page.waitForSelector("loss-calculator[data-ready]");
    await expect(shared.page.locator("[data-input=logits]")).toHaveValue("2, 1, 0.1");
    await expect(shared.page.locator("[data-input=target]")).toHaveValue("0");
    expect(await pageText(shared.page)).not.toContain("<script>");
    const ref = referenceSoftmaxFocal([2, 1, 0.1], 0, 0.25, 2);
    expectShown((await lossSummary(shared.page)).fl, ref.fl);
    expect([...problems, ...shared.problems]).toEqual([]);
    await shared.context.close();
    await context.close();
  });

  test("without JavaScript, shows the multi-class example worked at build time", async ({ browser }) => {
    const { page, context } = await watchedPage(browser, { javaScriptEnabled: false });
    await page.goto(siteUrl("calculator/"));
    const example = page.getByRole("region", { name: /Multi-class example/ });
    await expect(example).toBeVisible();
    const ref = referenceSoftmaxFocal([2, 1, 0.1], 0, 0.25, 2);
    const rows = await example
      .locator("tbody > tr")
      .evaluateAll((trs) => trs.map((tr) => [...tr.children].map((c) => (c.textContent ?? "").trim())));
    expect(rows).toHaveLength(3);
    rows.forEach((cells, j) => {
      expectShown(cells[2], ref.p[j]!);
      expectShown(cells[3], ref.grad[j]!);
    });
    await context.close();
  });
});
