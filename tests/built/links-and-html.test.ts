/**
 * Gate: the built HTML is valid, no internal link, asset or anchor is broken,
 * and the site has what crawlers and link previews need (sitemap, robots.txt,
 * a 404 page).
 */
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { HtmlValidate, StaticConfigLoader } from "html-validate";
import { LinkChecker, LinkState } from "linkinator";
import { startStaticServer, type StaticServer } from "../e2e/support/static-server";
import { builtPages, pageLabel, publicRootUrl } from "../support/site-pages";
import { formatTable, type Cell, kb } from "../support/figure-table";
import { cspProblems } from "../support/csp";
import { BUDGETS, imageProblems } from "../support/budgets";
import { builtDocument, text } from "./support/html";
import htmlValidateConfig from "../../.htmlvalidate.mjs";

const pages = builtPages();
const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
const rows: Cell[][] = [];
// The crawl follows links over HTTP, as a reader's browser would; no browser is needed for it.
let server: StaticServer;
beforeAll(async () => {
  server = await startStaticServer("dist");
});
const siteUrl = (path = "") => new URL(path, server.url).href;
afterAll(async () => {
  await server?.close();
  console.info(
    formatTable("HTML validity and policy per page", ["page", "kind", "html-validate errors", "CSP problems"], rows),
  );
});

describe("every built page", () => {
  // .htmlvalidate.mjs (a root config: nothing below it applies) resolved once for every page, rather than
  // looked up and resolved again for each page's directory as the file-system loader does.
  const validator = new HtmlValidate(new StaticConfigLoader(htmlValidateConfig));
  it.each(pages.map((p) => ({ ...p, label: pageLabel(p) })))("$label is valid HTML with a strict CSP", async (page) => {
    const report = await validator.validateFile(page.file);
    const errors = report.results.flatMap((r) =>
      r.messages.map((m) => `${m.line}:${m.column} ${m.ruleId}: ${m.message}`),
    );
    const csp = cspProblems(readFileSync(page.file, "utf8"));
    rows.push([page.label, page.kind, errors.length, csp.length]);
    expect(errors).toEqual([]);
    expect(csp).toEqual([]);
  });
});

describe("links", () => {
  it("no internal link, asset, stylesheet url() or #anchor is broken, starting from every page", async () => {
    const local = new URL(siteUrl()).origin;
    const publicRoot = publicRootUrl();
    const crawl = (path: string) =>
      new LinkChecker().check({
        path,
        recurse: true,
        checkFragments: true,
        checkCss: true,
        // Absolute links to the public site (canonical, og:url, og:image) are checked against the build.
        urlRewriteExpressions: [{ pattern: new RegExp(`^${escapeRegExp(publicRoot)}`), replacement: siteUrl() }],
        // The network is closed: links off the site are listed, not fetched.
        linksToSkip: async (link) => new URL(link).origin !== local,
        // Uncompressed: whether a link resolves does not depend on the encoding, and the server in this process
        // would brotli-compress every page and image for the crawl to decompress.
        headers: { "accept-encoding": "identity" },
        // A request that fails without an answer (status 0: on a loaded machine a pooled connection the server had
        // just closed) is asked again; an answer, 404 or any other, is final.
        retryErrors: true,
        retryErrorsCount: 3,
      });
    // Linkinator recurses only below its start URL, so the crawl starts at the
    // site root; pages no link reaches (the 404 page, embeds) start crawls of their own.
    const links = (await crawl(siteUrl())).links;
    const reached = new Set(links.filter((l) => l.state === LinkState.OK).map((l) => l.url.split("#")[0]));
    for (const page of pages) {
      if (!reached.has(siteUrl(page.path))) links.push(...(await crawl(siteUrl(page.path))).links);
    }
    const broken = links
      .filter((l) => l.state === LinkState.BROKEN)
      .map((l) => `${l.status ?? ""} ${l.url} (linked from ${l.parent ?? "start"})`);
    const checked = new Set(links.filter((l) => l.state === LinkState.OK).map((l) => l.url));
    const external = new Set(links.filter((l) => l.state === LinkState.SKIPPED).map((l) => l.url));
    console.info(
      `links: ${checked.size} internal URLs (pages, anchors, assets, fonts) checked, ${broken.length} broken; ` +
        `${external.size} external links not fetched (closed network)`,
    );
    expect(broken).toEqual([]);
    expect(checked.size).toBeGreaterThan(pages.length);
  });
});

describe("what crawlers and readers who get lost need", () => {
  it("a sitemap lists every public page and not the 404 page", () => {
    const index = readFileSync("dist/sitemap-index.xml", "utf8");
    const sitemaps = [...index.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1]!);
    expect(sitemaps.length).toBeGreaterThan(0);
    const root = publicRootUrl();
    const listed = new Set(
      sitemaps.flatMap((s) => {
        const file = `dist/${s.slice(root.length)}`;
        return [...readFileSync(file, "utf8").matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1]!);
      }),
    );
    const publicPages = pages.filter((p) => p.kind !== "not-found" && p.kind !== "embed");
    for (const page of publicPages) expect(listed, `sitemap lists /${page.path}`).toContain(root + page.path);
    expect([...listed].some((u) => u.includes("404"))).toBe(false);
  });

  it("robots.txt allows crawling and points at the sitemap", () => {
    const robots = readFileSync("dist/robots.txt", "utf8");
    expect(robots).toMatch(/^User-agent: \*$/m);
    expect(robots).not.toMatch(/^Disallow: \/\s*$/m);
    expect(robots).toContain(`Sitemap: ${publicRootUrl()}sitemap-index.xml`);
  });

  it("a 404 page exists, is not indexed, and links back to the contents", () => {
    expect(existsSync("dist/404.html")).toBe(true);
    const html = readFileSync("dist/404.html", "utf8");
    expect(html).toMatch(/<meta name="robots" content="noindex"/);
    expect(html).toMatch(/<a href="[^"]*">table of contents<\/a>/);
  });
});

describe("link previews", () => {
  const metaOf = (html: string, key: string) =>
    html.match(new RegExp(`<meta (?:property|name)="${key}" content="([^"]*)"`))?.[1] ?? null;
  const sitePages = pages.filter((p) => p.kind === "index" || p.kind === "chapter" || p.kind === "other");

  it.each(sitePages.map((p) => ({ ...p, label: pageLabel(p) })))(
    "$label has Open Graph and Twitter card meta with a preview image of its own kind",
    (page) => {
      const html = readFileSync(page.file, "utf8");
      const root = publicRootUrl();
      for (const key of [
        "og:title",
        "og:description",
        "og:type",
        "og:url",
        "og:image",
        "og:image:alt",
        "twitter:card",
        "twitter:image",
      ]) {
        expect(metaOf(html, key), key).toBeTruthy();
      }
      expect(metaOf(html, "twitter:card")).toBe("summary_large_image");
      expect(metaOf(html, "og:url")).toBe(root + page.path);
      const image = metaOf(html, "og:image")!;
      expect(image.startsWith(root), "og:image is an absolute URL on the public site").toBe(true);
      expect(metaOf(html, "twitter:image")).toBe(image);
      const file = `dist/${image.slice(root.length)}`;
      const png = readFileSync(file);
      expect({ width: png.readUInt32BE(16), height: png.readUInt32BE(20) }).toEqual({ width: 1200, height: 630 });
      expect(png.byteLength).toBeLessThanOrEqual(200 * 1024);
    },
  );

  it("every chapter has its own preview image", () => {
    const images = pages
      .filter((p) => p.kind === "chapter")
      .map((p) => metaOf(readFileSync(p.file, "utf8"), "og:image"));
    expect(images.length).toBeGreaterThan(0);
    expect(new Set(images).size).toBe(images.length);
  });
});

describe("images", () => {
  it("no image in the build is over the image budget", () => {
    const images: { file: string; bytes: number }[] = [];
    const walk = (dir: string) => {
      for (const entry of readdirSync(dir, { withFileTypes: true })) {
        const full = join(dir, entry.name);
        if (entry.isDirectory()) walk(full);
        else if (/\.(png|jpe?g|gif|webp|avif|svg|ico)$/i.test(entry.name))
          images.push({ file: full, bytes: statSync(full).size });
      }
    };
    walk("dist");
    const largest = [...images].sort((a, b) => b.bytes - a.bytes).slice(0, 5);
    console.info(
      formatTable(
        `Images: ${images.length} files, budget ${kb(BUDGETS.image)} KB each; largest`,
        ["file", "KB"],
        largest.map((i) => [i.file, kb(i.bytes)]),
      ),
    );
    expect(imageProblems(images)).toEqual([]);
  });
});

// Pages with text, math and build-time tables and charts but no interactive island: the 404 page.
// The audit holds every page without interactive elements to "no script file, the theme script
// alone" in the browser.
const TEXT_PAGES = ["dist/404.html"];
// Every chapter now ends with the "Check yourself" island; chapters 2 and 4 have nothing else that runs.
const SELF_CHECK_ONLY_PAGES = ["dist/what-is-focal-loss/index.html", "dist/balanced-cross-entropy/index.html"];

describe("a text-only page costs no JavaScript beyond the theme script", () => {
  it.each(TEXT_PAGES)("the built %s has one heading and exactly the theme script, under 2 KB", (file) => {
    const html = readFileSync(file, "utf8");
    expect(html.match(/<script\b/g)).toHaveLength(1);
    expect(html).not.toMatch(/<script[^>]+src=/);
    const doc = builtDocument(html, true);
    expect(doc.all("h1")).toHaveLength(1);
    const inline = doc.all("script:not([src])").map(text);
    expect(inline).toHaveLength(1);
    expect(Buffer.byteLength(inline[0]!)).toBeLessThan(2048);
  });

  it.each(SELF_CHECK_ONLY_PAGES)(
    "the built %s has the theme script and only the Check yourself island's module",
    (file) => {
      const html = readFileSync(file, "utf8");
      const external = [...html.matchAll(/<script[^>]+src="([^"]+)"/g)].map((m) => m[1]!);
      expect(external).toHaveLength(1);
      expect(external[0]).toMatch(/\/SelfCheck\.astro_astro_type_script[^/]*\.js$/);
      expect(html.match(/<script\b/g)).toHaveLength(2);
      const inline = builtDocument(html, true).all("script:not([src])").map(text);
      expect(inline).toHaveLength(1);
      expect(Buffer.byteLength(inline[0]!)).toBeLessThan(2048);
    },
  );
});
