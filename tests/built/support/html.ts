/**
 * The built HTML as a document to query, in Node, no browser: htmlparser2's
 * DOM with CSS selectors (css-select) and text as textContent gives it.
 */
import { readFileSync } from "node:fs";
import { parseDocument } from "htmlparser2";
import { selectAll, selectOne } from "css-select";
import { textContent } from "domutils";
import type { AnyNode, Element } from "domhandler";

export interface BuiltDocument {
  /** every element matching a selector, in document order (below `root` when given) */
  all(selector: string, root?: AnyNode | AnyNode[]): Element[];
  /** the first match, or null */
  one(selector: string, root?: AnyNode | AnyNode[]): Element | null;
}

/** Built pages parsed so far, by file: the build does not change while the checks read it. */
const parsedFiles = new Map<string, BuiltDocument>();

export function builtDocument(fileOrHtml: string, isHtml = false): BuiltDocument {
  if (isHtml) return documentOf(fileOrHtml);
  let doc = parsedFiles.get(fileOrHtml);
  if (!doc) parsedFiles.set(fileOrHtml, (doc = documentOf(readFileSync(fileOrHtml, "utf8"))));
  return doc;
}

function documentOf(html: string): BuiltDocument {
  const dom = parseDocument(html);
  return {
    all: (selector, root) => selectAll(selector, root ?? dom) as Element[],
    one: (selector, root) => selectOne(selector, root ?? dom) as Element | null,
  };
}

/** An element's text, as textContent gives it ("" for none). */
export const text = (node: AnyNode | null | undefined): string => (node ? textContent(node) : "");

/** An element's data-* attributes as a dataset (data-printed-id → printedId). */
export function dataset(el: Element): Record<string, string> {
  return Object.fromEntries(
    Object.entries(el.attribs)
      .filter(([k]) => k.startsWith("data-"))
      .map(([k, v]) => [k.slice(5).replace(/-([a-z])/g, (_m, c: string) => c.toUpperCase()), v]),
  );
}

/** The path of a chapter's built page, e.g. dist/focal-loss/index.html. */
export const builtFile = (slug: string) => (slug === "" ? "dist/index.html" : `dist/${slug}/index.html`);
