import { getCollection, type CollectionEntry } from "astro:content";

export type Chapter = CollectionEntry<"chapters">;

/** All chapters in reading order; the chapter id is its file name without the NN- prefix. */
export async function chaptersInOrder(): Promise<Chapter[]> {
  const all = await getCollection("chapters");
  const sorted = all.sort((a, b) => a.data.order - b.data.order);
  const orders = new Set(sorted.map((c) => c.data.order));
  if (orders.size !== sorted.length) throw new Error("Two chapters share an `order` value");
  return sorted;
}

/** The URL slug of a chapter: its file name without the numeric prefix. */
export function chapterSlug(chapter: Chapter): string {
  return chapter.id.replace(/^\d+-/, "");
}
