import { test, expect } from "@playwright/test";

// A reader answers the "Check yourself" questions at the end of chapter 5, right and wrong,
// with the keyboard; progress survives a reload and the reset forgets it.
test.describe("check yourself", () => {
  test("a number answered wrong, then right, gets the matching feedback", async ({ page }) => {
    await page.goto("/focal-loss/");
    const question = page.locator("#fl-gamma-setting");
    await question.scrollIntoViewIfNeeded();
    const input = question.getByLabel("Your answer");
    await expect(input).toBeVisible();
    const feedback = question.locator("[data-feedback]");
    await expect(feedback).toHaveAttribute("aria-live", "polite");

    await input.fill("not a number");
    await input.press("Enter");
    await expect(feedback).toContainText("Enter a number");
    await expect(input).toHaveAttribute("aria-invalid", "true");

    await input.fill("3");
    await input.press("Enter");
    await expect(feedback).toContainText("too high");

    await input.fill("2.05");
    await question.getByRole("button", { name: "Check" }).click();
    await expect(feedback).toContainText("Right");
    await expect(page.locator("[data-progress]")).toContainText("1 of 3");
  });

  test("a choice answered wrong explains why, the right one says so, and reset forgets", async ({ page }) => {
    await page.goto("/focal-loss/");
    const question = page.locator("#fl-untouched");
    await question.scrollIntoViewIfNeeded();
    const feedback = question.locator("[data-feedback]");
    await question.getByRole("radio", { name: "All examples alike." }).check();
    await question.getByRole("button", { name: "Check" }).click();
    await expect(feedback).toContainText("Not this one.");
    await expect(feedback).toContainText("Try another answer");

    await question.getByRole("radio", { name: /Misclassified ones/ }).focus();
    await page.keyboard.press("Space");
    await question.getByRole("button", { name: "Check" }).press("Enter");
    await expect(feedback).toContainText("Right.");

    await page.reload();
    await page.locator("#fl-untouched").scrollIntoViewIfNeeded();
    await expect(page.locator("#fl-untouched [data-feedback]")).toContainText("answered this one right before");
    await page.getByRole("button", { name: "Reset my answers" }).click();
    await expect(page.locator("[data-progress]")).toContainText("0 of 3");
    expect(await page.evaluate(() => localStorage.getItem("focal-loss:self-check:v1"))).toBe("{}");
  });
});

test.describe("check yourself without JavaScript", () => {
  test.use({ javaScriptEnabled: false });
  test("every answer and explanation is in a disclosure, with no dead controls", async ({ page }) => {
    await page.goto("/focal-loss/");
    const question = page.locator("#fl-gamma-setting");
    await expect(question.getByLabel("Your answer")).toBeHidden();
    await question.getByText("Answer and explanation").click();
    await expect(question.locator("details")).toContainText("count as right");
  });
});
