/**
 * A reader compares the article's three scenarios in chapter 6 with one table:
 * the radio group switches which scenario shows, by mouse or keyboard, and it
 * works with JavaScript off because it is plain HTML and CSS.
 */
import { expect, test } from "@playwright/test";
import { loadReference } from "../support/reference";

test.use({ javaScriptEnabled: false });

/** The article's examples (α = 0.25, γ = 2) at 60 digits, from ../shared/reference, not from the loss module. */
interface ArticleCase {
  scenario: string;
  y: 0 | 1;
  ce: number;
  balanced_ce: number;
  fl: number;
  ce_over_fl: number;
}
const cases = loadReference<{ cases: ArticleCase[] }>("article-examples.json").cases;
const reference = (scenario: string, y: 0 | 1) => cases.find((c) => c.scenario === scenario && c.y === y)!;

/**
 * format.ts's RATIO_RULE worked out here by Intl rather than by the site's
 * formatter: three significant digits without trailing zeros, and from 100 up
 * the whole number with thousands separators (these ratios stay below a million).
 */
function ratioText(ratio: number): string {
  const threeDigits = new Intl.NumberFormat("en-US", { maximumSignificantDigits: 3 }).format(ratio);
  if (Number(threeDigits.replaceAll(",", "")) < 100) return threeDigits;
  return new Intl.NumberFormat("en-US", { maximumFractionDigits: 0 }).format(ratio);
}
const ratio = (scenario: string, y: 0 | 1) => ratioText(reference(scenario, y).ce_over_fl);
/** CE / FL splits into CE / CEα = 1/α_t (the class weight) times CEα / FL = 1/(1 − p_t)^γ (the modulating factor). */
const weightPart = (scenario: string, y: 0 | 1) =>
  ratioText(reference(scenario, y).ce / reference(scenario, y).balanced_ce);
const gammaPart = (scenario: string, y: 0 | 1) =>
  ratioText(reference(scenario, y).balanced_ce / reference(scenario, y).fl);

test("one scenario at a time; the keyboard moves between them; each split multiplies out to its ratio", async ({
  page,
}) => {
  await page.goto("/ce-versus-fl/");
  const panel = (id: string) => page.locator(`.scenario-panel[data-panel="${id}"]`);
  await expect(panel("easy")).toBeVisible();
  await expect(panel("misclassified")).toBeHidden();
  await expect(panel("easy").locator('tr[data-y="1"] td[data-col="ceOverFl"]')).toHaveText(ratio("easy", 1));

  await page.getByRole("radio", { name: "Misclassified", exact: true }).check();
  await expect(panel("misclassified")).toBeVisible();
  await expect(panel("easy")).toBeHidden();
  await expect(panel("misclassified").locator('tr[data-y="1"] td[data-col="ceOverFl"]')).toHaveText(
    ratio("misclassified", 1),
  );
  // 4.43 = 4.00 × 1.11: the class weight's part and the modulating factor's part
  await expect(panel("misclassified").locator('tr[data-y="1"] td[data-col="split"]')).toHaveText(
    `${weightPart("misclassified", 1)} × ${gammaPart("misclassified", 1)}`,
  );
  await expect(panel("misclassified").locator('tr[data-y="0"] td[data-col="split"] [data-part="gamma"]')).toHaveText(
    gammaPart("misclassified", 0),
  );

  await page.getByRole("radio", { name: "Misclassified", exact: true }).focus();
  await page.keyboard.press("ArrowRight");
  await expect(page.getByRole("radio", { name: "Very easily classified", exact: true })).toBeChecked();
  await expect(panel("very-easy")).toBeVisible();
  await expect(panel("misclassified")).toBeHidden();
});
