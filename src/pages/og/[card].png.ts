/**
 * /og/<card>.png: the social preview cards (src/build/social-card.ts), one for
 * the site and one per chapter, rendered at build time.
 */
import type { APIRoute, GetStaticPaths } from "astro";
import { socialCardPng, type CardText } from "../../build/social-card";
import { chaptersInOrder, chapterSlug } from "../../components/chapters";
import { SITE_CARD, SITE_CARD_TEXT } from "../../components/social-cards";

export const getStaticPaths = (async () => {
  const chapters = await chaptersInOrder();
  const cards: { card: string; text: CardText }[] = [
    { card: SITE_CARD, text: { ...SITE_CARD_TEXT } },
    ...chapters.map((c) => ({
      card: chapterSlug(c),
      text: { title: c.data.title, kicker: `Chapter ${c.data.order} of ${chapters.length}` },
    })),
  ];
  return cards.map(({ card, text }) => ({ params: { card }, props: { text } }));
}) satisfies GetStaticPaths;

export const GET: APIRoute = ({ props }) =>
  new Response(new Uint8Array(socialCardPng((props as { text: CardText }).text)), {
    headers: { "content-type": "image/png" },
  });
