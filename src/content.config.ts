import { defineCollection } from "astro:content";
import { file, glob } from "astro/loaders";
import { z } from "astro/zod";

/** The chapters of the explainer, one MDX file each in content/chapters/. */
const chapters = defineCollection({
  loader: glob({ pattern: "*.mdx", base: "./content/chapters" }),
  schema: z.object({
    /** Heading of the chapter and the page <title>. */
    title: z.string().min(3),
    /** Short title for the table of contents and the previous/next links. */
    shortTitle: z.string().optional(),
    /** Position in the reading order: 1 is read first. Unique across chapters. */
    order: z.number().int().positive(),
    /** One or two sentences for the table of contents and the meta description. */
    summary: z.string().min(20).max(300),
    /** The one idea to take away, shown at the top of the chapter. */
    keyIdea: z.string().min(10),
    /** The section of the article this chapter mirrors, for readers coming from it. */
    articleSection: z.string().optional(),
  }),
});

/**
 * The words of each figure and calculator a reader can embed, by its id in
 * src/lib/embed/embed-registry.ts (content/embeds.json; the registry holds
 * everything else about it).
 */
const embeds = defineCollection({
  loader: file("./content/embeds.json"),
  schema: z.object({
    /** The figure's name, for page titles, iframe titles and alt text; at most 70 characters (html-validate long-title). */
    title: z.string().min(3).max(70),
    /** The embed's caption: one line on what to notice (hidden with caption=0); calculators have none. */
    caption: z.string().min(20).optional(),
  }),
});

/**
 * The fixed words of pages that are not chapters, by page (content/pages.json):
 * its title, description and introduction, and each section's heading and
 * caption by section id. Inline math between single dollar signs is typeset.
 */
const pages = defineCollection({
  loader: file("./content/pages.json"),
  schema: z.object({
    title: z.string().min(3),
    description: z.string().min(20).max(300),
    intro: z.string().min(20),
    sections: z.record(
      z.string(),
      z.object({
        heading: z.string().min(3),
        caption: z.string().min(20).optional(),
      }),
    ),
  }),
});

/**
 * The article's wording and notation slips (content/wording-errata.json), the
 * errata beside its printed numbers (src/lib/article/article-values.ts): each
 * quotes the article word for word (a unit test finds every quote in
 * ../shared/seed), says where it stands, and gives the correction with its
 * source. Quotes are kept short: a few words to find the place, never a passage.
 */
const wordingErrata = defineCollection({
  loader: file("./content/wording-errata.json"),
  schema: z.object({
    /** The article's section where the quote stands. */
    location: z.string().min(3),
    /** The article's words, verbatim (non-breaking spaces read as spaces). */
    quote: z.string().min(3),
    /** What is wrong, in our words; math as $…$ (typeset by the table). */
    issue: z.string().min(3),
    /** What is right, in our words; math as $…$. */
    correction: z.string().min(3),
    /** Where the correction comes from. */
    source: z.string().min(3),
  }),
});

export const collections = { chapters, embeds, pages, wordingErrata };
