import { getEntry } from "astro:content";

/** An embeddable figure's title and caption, from content/embeds.json; a figure without them fails the build. */
export async function embedWords(id: string): Promise<{ title: string; caption?: string | undefined }> {
  const entry = await getEntry("embeds", id);
  if (!entry) throw new Error(`content/embeds.json has no words for the embeddable figure "${id}"`);
  return entry.data;
}
