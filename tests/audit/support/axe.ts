/**
 * Runs axe-core on a page with the WCAG 2.x A/AA rules and axe's best practices,
 * and reduces the result to one line per failing element.
 */
import { AxeBuilder } from "@axe-core/playwright";
import type { Page } from "@playwright/test";

export const AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"];

/**
 * The rules whose outcome depends on the theme's colours, run again in the dark theme: of the rules
 * AXE_TAGS select in axe-core 4.13, the two that read colours: text against its background
 * (color-contrast) and a link against the text around it when nothing but colour sets it apart
 * (link-in-text-block). Every other rule reads structure, names, roles and sizes, the same in both themes.
 */
export const THEME_DEPENDENT_RULES = ["color-contrast", "link-in-text-block"];

export async function axeViolations(page: Page, only?: string[]): Promise<string[]> {
  // Only violations are reported, so axe need not build a selector for every passing node
  // (its documented option for large pages; the violations found are the same).
  // target-size (WCAG 2.2 AA, 2.5.8) ships disabled in axe-core; switched on by name so it runs whatever the tags say.
  // Legacy mode runs axe.run() in the page itself (with its same-origin frames) instead of axe.runPartial() in
  // every frame and axe.finishRun() in a blank page of its own: one page and one copy of axe's source fewer per run,
  // the same rules and results (the partial mode exists for cross-origin frames, which no page here has).
  const builder = new AxeBuilder({ page })
    .options({
      resultTypes: ["violations"],
      rules: { "target-size": { enabled: true } },
    })
    .setLegacyMode();
  const results = await (only ? builder.withRules(only) : builder.withTags(AXE_TAGS)).analyze();
  return results.violations.flatMap((v) =>
    v.nodes.map(
      (n) => `${v.id} (${v.impact}): ${n.target.join(" ")} — ${n.failureSummary?.split("\n").slice(1).join("; ")}`,
    ),
  );
}
