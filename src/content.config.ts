import { defineCollection } from "astro:content";
import { glob } from "astro/loaders";
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

export const collections = { chapters };
