/**
 * A reader compares the article's three scenarios in chapter 6 with one table:
 * the radio group switches which scenario shows, by mouse or keyboard, and it
 * works with JavaScript off because it is plain HTML and CSS.
 */
import { expect, test } from "@playwright/test";
import { crossEntropy, focalLoss } from "../../src/lib/math/loss";
import { formatRatio } from "../../src/lib/text/format";

test.use({ javaScriptEnabled: false });

const ratio = (p: number, y: 0 | 1) => formatRatio(crossEntropy(p, y) / focalLoss(p, y, { alpha: 0.25, gamma: 2 }));

test("one scenario at a time; the keyboard moves between them; each split multiplies out to its ratio", async ({
  page,
}) => {
  await page.goto("/ce-versus-fl/");
  const panel = (id: string) => page.locator(`.scenario-panel[data-panel="${id}"]`);
  await expect(panel("easy")).toBeVisible();
  await expect(panel("misclassified")).toBeHidden();
  await expect(panel("easy").locator('tr[data-y="1"] td[data-col="ceOverFl"]')).toHaveText(ratio(0.95, 1));

  await page.getByRole("radio", { name: "Misclassified", exact: true }).check();
  await expect(panel("misclassified")).toBeVisible();
  await expect(panel("easy")).toBeHidden();
  await expect(panel("misclassified").locator('tr[data-y="1"] td[data-col="ceOverFl"]')).toHaveText(ratio(0.05, 1));
  // 4.43 = 4.00 × 1.11: the class weight's part and the modulating factor's part
  await expect(panel("misclassified").locator('tr[data-y="1"] td[data-col="split"]')).toHaveText(
    `${formatRatio(4)} × ${formatRatio(1 / 0.95 ** 2)}`,
  );
  await expect(panel("misclassified").locator('tr[data-y="0"] td[data-col="split"] [data-part="gamma"]')).toHaveText(
    formatRatio(1 / 0.95 ** 2),
  );

  await page.getByRole("radio", { name: "Misclassified", exact: true }).focus();
  await page.keyboard.press("ArrowRight");
  await expect(page.getByRole("radio", { name: "Very easily classified", exact: true })).toBeChecked();
  await expect(panel("very-easy")).toBeVisible();
  await expect(panel("misclassified")).toBeHidden();
});
