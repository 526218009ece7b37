/**
 * A reader on a 390-px phone reads every table's point without scrolling it
 * sideways: the column that carries the result (FL and CE / FL, the share,
 * the FL* column, the share from negatives, the reader's own curve in "Show
 * data", the computed values of /scenarios/) lies inside the viewport.
 */
import { expect, test, type Page } from "@playwright/test";

const PHONE = { width: 390, height: 844 };

const tables: { page: string; table: string; key: string[] }[] = [
  { page: "/ce-versus-fl/", table: ".scenario-table", key: ['[data-col="fl"]', '[data-col="ceOverFl"]'] },
  { page: "/balanced-cross-entropy/", table: ".loss-budget", key: ['[data-col="share"]'] },
  { page: "/final-thoughts/", table: ".ratio-table", key: ['[data-col="fg-ratio"]', '[data-col="bg-ratio"]'] },
  { page: "/final-thoughts/", table: ".focal-star-table", key: ['[data-col="star"]'] },
  { page: "/imbalance-lab/", table: ".first-step-table", key: ["td:nth-last-child(2)", "td:last-child"] },
  { page: "/why-focal-loss/", table: "[data-budget-table]", key: ["td:last-child"] },
  { page: "/scenarios/", table: ".scen-table", key: ['[data-cell="fl"]', '[data-cell="ceOverFl"]'] },
];

/** Every cell's left and right edge, in CSS px, for each key selector in the table. */
function cellEdges(page: Page, table: string, key: string) {
  return page
    .locator(table)
    .first()
    .evaluate((t, key) => {
      return [...t.querySelectorAll(`tbody ${key}`)].map((cell) => {
        const box = cell.getBoundingClientRect();
        return { left: box.left, right: box.right, width: box.width };
      });
    }, key);
}

test.use({ viewport: PHONE });

test.describe("a reader on a phone reads each table's key column without scrolling sideways", () => {
  for (const { page: path, table, key } of tables) {
    test(`${path} ${table}`, async ({ page }) => {
      await page.goto(path);
      // A table inside a "Show data" disclosure is read the way a reader opens it.
      const disclosure = page.locator(`details:has(${table}) > summary`).first();
      if (await disclosure.count()) await disclosure.click();
      await expect(page.locator(table).first()).toBeVisible();
      for (const selector of key) {
        const cells = await cellEdges(page, table, selector);
        expect(cells.length, `${table} ${selector} has cells`).toBeGreaterThan(0);
        for (const cell of cells) {
          expect(cell.width, `${table} ${selector} is shown`).toBeGreaterThan(0);
          expect(cell.left, `${table} ${selector} starts on screen`).toBeGreaterThanOrEqual(0);
          expect(cell.right, `${table} ${selector} ends on screen`).toBeLessThanOrEqual(PHONE.width);
        }
      }
    });
  }

  for (const path of ["/focal-loss/", "/cross-entropy/", "/figures/"]) {
    test(`${path} every "Show data" table, the reader's column included`, async ({ page }) => {
      await page.goto(path);
      const tables = page.locator(".figure-data");
      const count = await tables.count();
      expect(count).toBeGreaterThan(0);
      for (let i = 0; i < count; i++) {
        const details = tables.nth(i);
        // Open it once its figure has woken: the table's layout is what this checks, and a click while the
        // figure upgrades can land on a page that is still moving.
        await details.scrollIntoViewIfNeeded();
        await expect(
          details.locator(
            "xpath=ancestor::*[self::focal-loss-curves or self::modulating-factor-curves or self::logit-loss-gradient][1]",
          ),
        ).toHaveAttribute("data-ready", /.*/);
        await details.locator("summary").click();
        await expect(details.locator("table")).toBeVisible();
        const cells = await details
          .locator("tbody td")
          .evaluateAll((tds) =>
            tds.map((td) => td.getBoundingClientRect()).map((b) => ({ left: b.left, right: b.right })),
          );
        expect(cells.length).toBeGreaterThan(0);
        for (const cell of cells) {
          expect(cell.left).toBeGreaterThanOrEqual(0);
          expect(cell.right).toBeLessThanOrEqual(PHONE.width);
        }
      }
    });
  }
});
