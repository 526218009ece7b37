import { createHash } from "node:crypto";
import { parseDocument } from "htmlparser2";
import { findAll, findOne, textContent } from "domutils";
import type { Element } from "domhandler";
import { describe, expect, it } from "vitest";
import { EMBEDDABLE } from "../../../../src/lib/embed/embed-registry";
import { cspHash, inlineScriptText, offlinePage, type OfflinePageParts } from "../../../../src/lib/embed/offline-page";

const figure = EMBEDDABLE.find((f) => f.id === "focal-curves")!;

const parts = (over: Partial<OfflinePageParts> = {}): OfflinePageParts => ({
  figure,
  title: "Focal loss <against> p_t & friends",
  attributes: { gamma: "3", alpha: "0.5", controls: true, examples: false },
  script: `(function(){var s="</script><!-- x";customElements;})();`,
  fontCss: `@font-face{font-family:"Inter";src:url(data:font/woff2;base64,AAAA) format("woff2")}`,
  background: { light: "#ffffff", dark: "#111111" },
  theme: "auto",
  source: "https://example.org/focal-loss/?gamma=3&alpha=0.5",
  ...over,
});

const sha256 = (text: string) => `'sha256-${createHash("sha256").update(text, "utf8").digest("base64")}'`;

async function parsed(over: Partial<OfflinePageParts> = {}) {
  const html = await offlinePage(parts(over));
  const doc = parseDocument(html);
  const byTag = (tag: string) => findAll((el) => el.name === tag, doc.children);
  const csp = findOne(
    (el) => el.name === "meta" && el.attribs["http-equiv"] === "Content-Security-Policy",
    doc.children,
  )!.attribs.content!;
  return { html, doc, byTag, csp };
}

describe("offlinePage", () => {
  it("holds the figure's element with the reader's state and nothing that points outside the file", async () => {
    const { byTag, html } = await parsed();
    const [el] = byTag(figure.tag) as Element[];
    // It asks the script to hand unused deck keys to a parent frame (a deck it is the iframe of).
    expect((byTag("html")[0] as Element).attribs).toEqual({ lang: "en", "data-deck-keys": "" });
    expect(el!.attribs).toEqual({ gamma: "3", alpha: "0.5", controls: "" });
    expect(byTag("script")).toHaveLength(1);
    expect(byTag("script")[0]!.attribs.src).toBeUndefined();
    expect(byTag("style")).toHaveLength(1);
    // The only URL besides the canonical link is a data: URL.
    expect([...html.matchAll(/url\(([^)]*)\)/g)].map((m) => m[1]!.slice(0, 5))).toEqual(["data:"]);
    expect(html).not.toMatch(/\ssrc=|<link(?![^>]*rel="canonical")/);
  });

  it("allows exactly its inline script and style by hash, and no eval", async () => {
    const { byTag, csp } = await parsed();
    const directives = Object.fromEntries(csp.split(/;\s*/).map((d) => [d.split(" ")[0], d.split(" ").slice(1)]));
    expect(directives["default-src"]).toEqual(["'none'"]);
    expect(directives["script-src"]).toEqual([sha256(textContent(byTag("script")[0]!))]);
    expect(directives["style-src"]).toEqual([sha256(textContent(byTag("style")[0]!))]);
    expect(directives["font-src"]).toEqual(["data:"]);
    expect(csp).not.toMatch(/unsafe-(eval|inline)/);
  });

  it("keeps the whole script inside its element, however the code spells </script> and <!--", async () => {
    const { byTag } = await parsed();
    const code = textContent(byTag("script")[0]!);
    expect(code).toBe(`(function(){var s="<\\/script><\\!-- x";customElements;})();`);
    // The escaped text means the same string to JavaScript.
    expect(new Function(`return ${JSON.stringify("</script><!-- x")} === "<\\/script><\\!-- x"`)()).toBe(true);
    expect(inlineScriptText("a</SCRIPT>b")).toBe("a<\\/SCRIPT>b");
  });

  it("escapes the title, the source and attribute values through the site's escaper", async () => {
    const { html, byTag } = await parsed({
      attributes: { gamma: `"><img src=x onerror=alert(1)>` },
      source: `https://example.org/?a="><script>alert(1)</script>`,
    });
    expect(byTag("img")).toHaveLength(0);
    expect(byTag("script")).toHaveLength(1);
    expect((byTag(figure.tag)[0] as Element).attribs.gamma).toBe(`"><img src=x onerror=alert(1)>`);
    expect(html).toContain(`gamma="&quot;&gt;&lt;img src=x onerror=alert(1)&gt;"`);
    expect(textContent(byTag("title")[0]!)).toBe("Focal loss <against> p_t & friends");
    expect(html).toContain("<title>Focal loss &lt;against&gt; p_t &amp; friends</title>");
  });

  it("follows the viewer's palette with theme auto, and pins it otherwise", async () => {
    const style = async (theme: OfflinePageParts["theme"]) => textContent((await parsed({ theme })).byTag("style")[0]!);
    expect(await style("auto")).toContain("@media (prefers-color-scheme: dark){body{background:#111111}}");
    expect(await style("auto")).toContain("color-scheme:light dark");
    expect(await style("dark")).toMatch(/body\{background:#111111\}/);
    expect(await style("dark")).not.toContain("prefers-color-scheme");
    expect(await style("light")).not.toContain("#111111");
  });
});

describe("cspHash", () => {
  it("is the base64 SHA-256 of the UTF-8 text, as browsers compute it", async () => {
    for (const text of ["", "alert(1)", "γ = 2 — “quoted”"]) expect(await cspHash(text)).toBe(sha256(text));
  });
});
