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

export const collections = { chapters, embeds, pages };
