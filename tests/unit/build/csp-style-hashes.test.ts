import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { addMissingStyleHashes, styleHash } from "../../../src/build/csp-style-hashes";

// The hash a browser computes for an inline style: SHA-256 of its exact text, base64.
const browserHash = (css: string) => `'sha256-${createHash("sha256").update(Buffer.from(css, "utf8")).digest("base64")}'`;
const page = (policy: string, styles: string[]) =>
  `<html><head><meta http-equiv="content-security-policy" content="${policy}">${styles.map((s) => `<style>${s}</style>`).join("")}</head><body></body></html>`;
const policyOf = (html: string) => /content-security-policy" content="([^"]*)"/.exec(html)![1]!;

describe("addMissingStyleHashes", () => {
  const known = ":root{--bg:#fff}";
  const propagated = ":root{--part-easy:var(--curve-g0)}";
  const base = `default-src 'self'; script-src 'self' 'sha256-abc='; style-src 'self' ${browserHash(known)}; style-src-attr 'unsafe-inline';`;

  it("adds the hash of a style the policy lacks to style-src, and only there", () => {
    const { html, added } = addMissingStyleHashes(page(base, [known, propagated]));
    expect(added).toBe(1);
    const policy = policyOf(html);
    const styleSrc = /style-src ([^;]*)/.exec(policy)![1]!.split(" ");
    expect(styleSrc).toContain(browserHash(propagated));
    expect(styleSrc).toContain(browserHash(known));
    expect(/script-src ([^;]*)/.exec(policy)![1]).toBe("'self' 'sha256-abc='");
    expect(/style-src-attr ([^;]*)/.exec(policy)![1]).toBe("'unsafe-inline'");
    expect(policy).not.toMatch(/style-src [^;]*unsafe-inline/);
  });

  it("leaves a page whose styles are all hashed byte for byte as it was", () => {
    const html = page(base, [known]);
    expect(addMissingStyleHashes(html)).toEqual({ html, added: 0 });
  });

  it("hashes multi-line and non-ASCII styles as the browser does", () => {
    const css = "\n.legend::before{content:\"γ → ∞\"}\n";
    expect(styleHash(css)).toBe(browserHash(css));
    expect(policyOf(addMissingStyleHashes(page(base, [css])).html)).toContain(browserHash(css));
  });

  it("adds a style-src when the policy has none, and does nothing without a CSP", () => {
    const noStyleSrc = addMissingStyleHashes(page("default-src 'self'", [known])).html;
    expect(policyOf(noStyleSrc)).toBe(`default-src 'self'; style-src 'self' ${browserHash(known)};`);
    const bare = `<html><head><style>${known}</style></head></html>`;
    expect(addMissingStyleHashes(bare)).toEqual({ html: bare, added: 0 });
  });
});
