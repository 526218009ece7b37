/**
 * A reader prepares the scenario table for a slide: checks it against the
 * article, changes α, γ and the examples, and copies or downloads it.
 *
 * One page (clipboard allowed) for the file, its tests in order: a test of the
 * table as a first visit shows it opens /scenarios/ unless the page is there,
 * and otherwise puts the reader's edits back with the table's own reset button
 * and waits until the cells are those of the first visit again; a test of an
 * address (a query, another page) loads it. Only the test without JavaScript
 * needs a context of its own.
 */
import { readFile } from "node:fs/promises";
import { expect, test, workerBrowser } from "./support/test";
import { siteUrl, watchedPage } from "./support/browser";
import { sharedPage } from "./support/shared-page";
import { BROKEN_NUMBER, currentUrl, pageText, scenarioCells } from "./support/calculator";
import { parseCsv } from "../support/csv";
import { articleScenarios } from "../../src/lib/article/article-values";
import { checkedValue } from "../../src/lib/article/errata";
import { balancedCrossEntropy, crossEntropy, focalLoss, type Label } from "../../src/lib/math/loss";
import { formatNumber } from "../../src/lib/text/format";

const browser = workerBrowser();

const ARTICLE_ROWS: Array<{ y: Label; p: number }> = articleScenarios.flatMap((s) => [
  { y: 1 as Label, p: s.foregroundP },
  { y: 0 as Label, p: s.backgroundP },
]);

const shared = sharedPage((b) => watchedPage(b, { permissions: ["clipboard-read", "clipboard-write"] }));
/** The cells of /scenarios/ as its first visit showed them (read by the first test to open it). */
let firstVisitCells: Array<Record<string, string>> | undefined;

/** The shared page on `path` (a query or another page): loaded, then the calculator awake. */
async function load(path: string) {
  const watched = shared.current;
  await watched.page.goto(siteUrl(path));
  await watched.page.waitForSelector("scenario-calculator[data-ready]");
  return watched;
}

/** The shared page on /scenarios/ as a first visit shows it: loaded if elsewhere, else reset by the reader's button. */
async function openTable() {
  const watched = shared.current;
  const { page } = watched;
  const at = await currentUrl(page);
  if (!firstVisitCells || at.pathname !== new URL(siteUrl("scenarios/")).pathname || at.search !== "") {
    await load("scenarios/");
    firstVisitCells ??= await scenarioCells(page);
    return watched;
  }
  const reset = page.locator("scenario-calculator [data-action=reset]");
  if (await reset.isEnabled()) await reset.click();
  await expect.poll(() => scenarioCells(page), "the cells of a first visit again").toEqual(firstVisitCells);
  await expect.poll(async () => (await currentUrl(page)).search).toBe("");
  await expect(page.locator("scenario-calculator")).not.toHaveAttribute("data-stale");
  return watched;
}

test.describe("the scenario table", () => {
  test("shows the article's six examples computed by the module, and checks what the article printed", async () => {
    const { page, problems } = await openTable();
    const cells = await scenarioCells(page);
    expect(cells).toHaveLength(6);
    ARTICLE_ROWS.forEach(({ y, p }, i) => {
      expect(cells[i]!.ce).toBe(formatNumber(crossEntropy(p, y)));
      expect(cells[i]!.balancedCe).toBe(formatNumber(balancedCrossEntropy(p, y, 0.25)));
      expect(cells[i]!.fl).toBe(formatNumber(focalLoss(p, y, { alpha: 0.25, gamma: 2 })));
    });
    // The article's final thoughts quote the easy foreground FL as 3.2058E-7; the errata module says it differs.
    expect(checkedValue("ft-s1-fl").verdict).toBe("differs");
    const firstRowPrinted = page.locator("scenario-calculator [data-rows] > tr").first().locator("[data-cell=printed]");
    expect(await firstRowPrinted.isVisible()).toBe(true);
    expect(await firstRowPrinted.locator(".verdict-differs").textContent()).toContain("FL 3.2058E-7");
    expect(await firstRowPrinted.locator(".verdict-differs").textContent()).toContain("differs");
    expect(problems).toEqual([]);
  });

  test("recomputes for the reader's γ and hides the printed column away from the article's α and γ", async () => {
    const { page } = await openTable();
    await page.fill("scenario-calculator [data-input=gamma]", "1");
    const cells = await scenarioCells(page);
    ARTICLE_ROWS.forEach(({ y, p }, i) =>
      expect(cells[i]!.fl).toBe(formatNumber(focalLoss(p, y, { alpha: 0.25, gamma: 1 }))),
    );
    expect(await page.locator("scenario-calculator th[data-printed-col]").isVisible()).toBe(false);
    await page.fill("scenario-calculator [data-input=gamma]", "2");
    expect(await page.locator("scenario-calculator th[data-printed-col]").isVisible()).toBe(true);
  });

  test("edits p and the class, adds and removes rows, and resets to the article's values", async () => {
    const { page } = await openTable();
    const rows = page.locator("scenario-calculator [data-rows] > tr");
    await rows.nth(0).locator("[data-row-input=p]").fill("0.8");
    await rows.nth(1).locator("[data-row-input=y]").selectOption("1");
    let cells = await scenarioCells(page);
    expect(cells[0]!.name).toBe("Your example");
    expect(cells[0]!.ce).toBe(formatNumber(crossEntropy(0.8, 1)));
    expect(cells[1]!.ce).toBe(formatNumber(crossEntropy(0.05, 1)));
    expect(cells[0]!.printed).toBe("—");

    await page.click("scenario-calculator [data-action=add-row]");
    expect(await rows.count()).toBe(7);
    // The new row's p field has the focus, ready to type.
    expect(await page.evaluate(() => (document.activeElement as HTMLElement).dataset.rowInput)).toBe("p");
    await page.keyboard.press("Control+A");
    await page.keyboard.type("0.3");
    cells = await scenarioCells(page);
    expect(cells[6]!.fl).toBe(formatNumber(focalLoss(0.3, 1, { alpha: 0.25, gamma: 2 })));

    await rows.nth(2).locator("[data-action=remove-row]").click();
    expect(await rows.count()).toBe(6);
    expect(await page.evaluate(() => document.activeElement?.getAttribute("aria-label"))).toBe("Remove example 3");
    cells = await scenarioCells(page);
    expect(cells[2]!.ce).toBe(formatNumber(crossEntropy(0.95, 0)));

    await page.click("scenario-calculator [data-action=reset]");
    cells = await scenarioCells(page);
    expect(cells).toHaveLength(6);
    ARTICLE_ROWS.forEach(({ y, p }, i) =>
      expect(cells[i]!.fl).toBe(formatNumber(focalLoss(p, y, { alpha: 0.25, gamma: 2 }))),
    );
    await expect.poll(async () => (await currentUrl(page)).search).toBe("");
  });

  test("works in place in the chapter comparing the two losses", async () => {
    const { page, problems } = await load("ce-versus-fl/");
    await page.fill("scenario-calculator [data-input=gamma]", "5");
    const cells = await scenarioCells(page);
    ARTICLE_ROWS.forEach(({ y, p }, i) =>
      expect(cells[i]!.fl).toBe(formatNumber(focalLoss(p, y, { alpha: 0.25, gamma: 5 }))),
    );
    expect(problems).toEqual([]);
  });

  test("shows ∞ and a dash, never a broken number, for p_t = 0 and p_t = 1", async () => {
    const { page } = await load("scenarios/?table.rows=1:0,0:1,1:1");
    const cells = await scenarioCells(page);
    expect(cells[0]!.ce).toBe("∞");
    expect(cells[0]!.fl).toBe("∞");
    expect(cells[0]!.ceOverFl).toBe("—");
    expect(cells[2]!.ce).toBe(formatNumber(0));
    expect(await pageText(page)).not.toMatch(BROKEN_NUMBER);
  });
});

test.describe("copying the table for slides", () => {
  test("Markdown, CSV and LaTeX land on the clipboard with the module's numbers", async () => {
    const { page, problems } = await openTable();
    const read = () => page.evaluate(() => navigator.clipboard.readText());
    const fl0 = focalLoss(0.95, 1, { alpha: 0.25, gamma: 2 });

    await page.click("scenario-calculator [data-action=copy][data-format=markdown]");
    const md = await read();
    const mdLines = md.trimEnd().split("\n");
    expect(mdLines[0]).toBe("| Example | Class | p | p_t | CE | Balanced CE | FL | CE / FL | Article printed |");
    expect(mdLines[1]).toBe("| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | --- |");
    expect(mdLines).toHaveLength(8);
    expect(mdLines[2]).toContain(`| ${formatNumber(crossEntropy(0.95, 1))} |`);
    expect(mdLines[2]).toContain(`| ${formatNumber(fl0)} |`);
    expect(mdLines[2]).toContain("FL 3.2058E-7 (differs)");
    // CE / FL at p = 0.95 is 1 / (α (1 − p)²) = 1 / (0.25 × 0.05²) = 1600, written as the chapters' tables write it.
    expect(crossEntropy(0.95, 1) / fl0).toBeCloseTo(1 / (0.25 * 0.05 ** 2), 9);
    expect(mdLines[2]).toContain("| 1,600 |");
    expect(await page.locator("scenario-calculator [data-copy-status]").textContent()).toBe(
      "Copied the table as Markdown.",
    );

    await page.click("scenario-calculator [data-action=copy][data-format=csv]");
    const csv = parseCsv(await read());
    expect(csv[0]).toEqual(["Example", "Class", "p", "p_t", "CE", "Balanced CE", "FL", "CE / FL", "Article printed"]);
    expect(csv).toHaveLength(7);
    ARTICLE_ROWS.forEach(({ y, p }, i) => {
      // Full precision for spreadsheets: the very same double as the module's.
      expect(Number(csv[i + 1]![2])).toBe(p);
      expect(Number(csv[i + 1]![4])).toBe(crossEntropy(p, y));
      expect(Number(csv[i + 1]![6])).toBe(focalLoss(p, y, { alpha: 0.25, gamma: 2 }));
    });
    expect(csv[1]![1]).toBe("foreground (y = 1)");

    await page.click("scenario-calculator [data-action=copy][data-format=latex]");
    const tex = await read();
    expect(tex.startsWith("\\begin{tabular}{llrrrrrrl}\n")).toBe(true);
    expect(tex.trimEnd().endsWith("\\end{tabular}")).toBe(true);
    expect(tex).toContain("$3.2058 \\times 10^{-5}$");
    expect(tex).toContain("$1{,}600$"); // the thousands separator braced, so LaTeX sets no space after it
    expect(tex).toContain("p\\_t"); // the printed-values text escapes LaTeX's specials
    expect(tex).not.toMatch(BROKEN_NUMBER);
    expect(await page.locator("scenario-calculator [data-copy-status]").textContent()).toBe(
      "Copied the table as LaTeX.",
    );
    expect(problems).toEqual([]);
  });

  test("downloads the table as a CSV file", async () => {
    const { page } = await openTable();
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.click("scenario-calculator [data-action=download]"),
    ]);
    expect(download.suggestedFilename()).toBe("focal-loss-scenarios.csv");
    const text = await readFile((await download.path())!, "utf8");
    expect(text.charCodeAt(0)).toBe(0xfeff);
    const csv = parseCsv(text.slice(1));
    expect(csv).toHaveLength(7);
    expect(Number(csv[2]![6])).toBe(focalLoss(0.05, 0, { alpha: 0.25, gamma: 2 }));
    expect(await page.locator("scenario-calculator [data-copy-status]").textContent()).toBe(
      "Downloaded focal-loss-scenarios.csv.",
    );
  });

  test("copies what the table shows after the reader's changes", async () => {
    const { page } = await load("scenarios/?table.gamma=0&table.alpha=off&table.rows=1:0.9");
    await page.click("scenario-calculator [data-action=copy][data-format=csv]");
    const csv = parseCsv(await page.evaluate(() => navigator.clipboard.readText()));
    expect(csv[0]).not.toContain("Article printed");
    expect(csv).toHaveLength(2);
    expect(Number(csv[1]![6])).toBe(focalLoss(0.9, 1, { alpha: null, gamma: 0 }));
    expect(Number(csv[1]![6])).toBe(crossEntropy(0.9, 1)); // γ = 0 without α is cross-entropy
  });

  test("when the browser refuses the clipboard, the text is offered selected instead", async () => {
    // The last test on the shared page: the refusing clipboard stays in every later load of it.
    const { page, problems } = shared.current;
    await page.addInitScript(() => {
      Object.defineProperty(navigator, "clipboard", {
        value: { writeText: () => Promise.reject(new DOMException("Write permission denied.", "NotAllowedError")) },
      });
    });
    await page.goto(siteUrl("scenarios/"));
    await page.waitForSelector("scenario-calculator[data-ready]");
    await page.click("scenario-calculator [data-action=copy][data-format=markdown]");
    const status = await page.locator("scenario-calculator [data-copy-status]").textContent();
    expect(status).toMatch(/Could not copy automatically: the Markdown is selected below/);
    const area = page.locator("scenario-calculator [data-copy-text]");
    expect(await area.isVisible()).toBe(true);
    const text = await area.inputValue();
    expect(text.split("\n")[0]).toBe(
      "| Example | Class | p | p_t | CE | Balanced CE | FL | CE / FL | Article printed |",
    );
    const selected = await page.evaluate(() => {
      const a = document.activeElement as HTMLTextAreaElement;
      return a.value.slice(a.selectionStart, a.selectionEnd).length === a.value.length && a.value.length > 0;
    });
    expect(selected).toBe(true);
    expect(problems).toEqual([]);
  });

  test("without JavaScript the article's table is there, computed at build time", async () => {
    const { page, context } = await openTableNoJs();
    const cells = await scenarioCells(page);
    expect(cells).toHaveLength(6);
    ARTICLE_ROWS.forEach(({ y, p }, i) =>
      expect(cells[i]!.fl).toBe(formatNumber(focalLoss(p, y, { alpha: 0.25, gamma: 2 }))),
    );
    expect(await page.locator("scenario-calculator [data-action=copy]").first().isDisabled()).toBe(true);
    await context.close();
  });
});

async function openTableNoJs() {
  const watched = await watchedPage(browser.current, { javaScriptEnabled: false });
  await watched.page.goto(siteUrl("scenarios/"));
  return watched;
}
