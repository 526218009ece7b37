/**
 * Finds every page of the built site by walking dist/, so the quality gates
 * cover whatever pages land (chapters, figure gallery, calculators, embeds)
 * without a list to keep up to date.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join, relative, sep } from "node:path";

/** What a page is, as far as the gates care: it decides which budgets and audits apply. */
export type PageKind = "index" | "chapter" | "embed" | "deck" | "not-found" | "other";

export interface BuiltPage {
  /** The HTML file, relative to the working directory (e.g. dist/why-focal-loss/index.html). */
  file: string;
  /** The page's path below the site's base, as siteUrl() takes it (e.g. "why-focal-loss/", "" for the index). */
  path: string;
  kind: PageKind;
  /** the theme the page pins on <html data-theme> (the slide deck is always dark), or null when it follows the reader */
  fixedTheme: "light" | "dark" | null;
  /** whether the page has the site's skip link (pages in the site frame do; embeds and the deck have no chrome to skip) */
  hasSkipLink: boolean;
}

function htmlFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = join(dir, entry.name);
    if (entry.isDirectory()) return htmlFiles(full);
    return entry.name.endsWith(".html") ? [full] : [];
  });
}

/** The URL path of a built file: directory-format pages end in "/", other files keep their name. */
export function pagePathOf(fileBelowDist: string): string {
  const path = fileBelowDist.split(sep).join("/");
  if (path === "index.html") return "";
  if (path.endsWith("/index.html")) return path.slice(0, -"index.html".length);
  return path;
}

/**
 * A chapter is whatever the layout marks as an article (ChapterLayout sets
 * og:type "article"); embeds live under embed/; 404.html is the not-found page.
 */
export function pageKindOf(path: string, html: string): PageKind {
  if (path === "") return "index";
  if (path === "404.html") return "not-found";
  if (path.startsWith("embed/")) return "embed";
  if (path.startsWith("deck/")) return "deck";
  if (/<meta property="og:type" content="article"/.test(html)) return "chapter";
  return "other";
}

/** The theme a page pins in its markup (<html data-theme="dark">), or null when it follows the reader. */
export function fixedThemeOf(html: string): "light" | "dark" | null {
  const theme = html.match(/<html\b[^>]*\sdata-theme="(light|dark)"/);
  return theme ? (theme[1] as "light" | "dark") : null;
}

/** Every HTML page in the build, index first, then in path order. */
export function builtPages(distDir = "dist"): BuiltPage[] {
  return htmlFiles(distDir)
    .map((file) => {
      const path = pagePathOf(relative(distDir, file));
      const html = readFileSync(file, "utf8");
      return {
        file,
        path,
        kind: pageKindOf(path, html),
        fixedTheme: fixedThemeOf(html),
        hasSkipLink: /class="skip-link"/.test(html),
      };
    })
    .sort((a, b) => (a.path === "" ? -1 : b.path === "" ? 1 : a.path.localeCompare(b.path)));
}

/** A short label for tables: "/" for the index, otherwise the path. */
export function pageLabel(page: Pick<BuiltPage, "path">): string {
  return `/${page.path}`;
}

/**
 * The public URL of the site root (Astro's `site` plus `base`), read from the
 * index page's canonical link, so absolute links to the site can be checked
 * against the build.
 */
export function publicRootUrl(distDir = "dist"): string {
  const html = readFileSync(join(distDir, "index.html"), "utf8");
  const canonical = html.match(/<link rel="canonical" href="([^"]+)"/);
  if (!canonical) throw new Error("dist/index.html has no canonical link");
  return canonical[1]!;
}
