import { describe, expect, it } from "vitest";
import { EMBEDDABLE } from "../../../../src/lib/embed/embed-registry";
import { iframeSnippet, webComponentSnippet } from "../../../../src/lib/embed/embed-snippets";

const figure = EMBEDDABLE[0]!;
const title = "Focal loss & its <curves>";

describe("iframeSnippet", () => {
  it("points at the embed URL with the figure's size and title", () => {
    const html = iframeSnippet(figure, title, "https://example.org/embed/focal-curves/?gamma=2&alpha=0.25");
    expect(html).toBe(
      `<iframe src="https://example.org/embed/focal-curves/?gamma=2&amp;alpha=0.25" title="Focal loss &amp; its &lt;curves&gt;" ` +
        `width="${figure.size.width}" height="${figure.size.height}" style="border:0;max-width:100%" loading="lazy"></iframe>`,
    );
  });
  it("cannot be broken out of", () => {
    const html = iframeSnippet(figure, title, `x"><script>alert(1)</script>`);
    expect(html).not.toContain("<script>");
    expect(html).toContain("x&quot;&gt;&lt;script&gt;");
  });
});

describe("webComponentSnippet", () => {
  it("loads the module and writes string and boolean attributes", () => {
    expect(
      webComponentSnippet(figure, "https://example.org/embed/focal-loss.js", {
        gamma: "2",
        alpha: "0.25",
        controls: true,
        examples: false,
      }),
    ).toBe(
      `<script type="module" src="https://example.org/embed/focal-loss.js"></script>\n<${figure.tag} gamma="2" alpha="0.25" controls></${figure.tag}>`,
    );
  });
  it("escapes attribute values", () => {
    expect(webComponentSnippet(figure, "m.js", { gamma: `"><img>` })).toContain(`gamma="&quot;&gt;&lt;img&gt;"`);
  });
});
