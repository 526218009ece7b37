/**
 * Which social preview card a page shows (rendered by src/pages/og/[card].png.ts):
 * chapters have their own, every other page the site's.
 */
export const SITE_CARD = "site";

/** The site card's words: what the whole explainer is about. */
export const SITE_CARD_TEXT = {
  title: "Why easy examples drown a dense detector, and the loss that fixes it",
  kicker: "An interactive explainer",
} as const;

/** The path of a card's PNG below the site's base. */
export function cardPath(card: string): string {
  return `og/${card}.png`;
}
