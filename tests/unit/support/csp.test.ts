import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { cspOf, cspProblems, inlineScripts } from "../../support/csp";

const themeScript = "(function(){document.documentElement.dataset.theme='dark'})();";
const sha = (text: string) => `'sha256-${createHash("sha256").update(text).digest("base64")}'`;

/** A page shaped like the build's output, with the policy text given. */
function page(policy: string, body = `<script>${themeScript}</script>`): string {
  return `<!doctype html><html><head><meta http-equiv="content-security-policy" content="${policy}">${body}</head><body></body></html>`;
}

const strict = `default-src 'self';object-src 'none';base-uri 'self'; script-src 'self' ${sha(themeScript)}; style-src 'self'; style-src-attr 'unsafe-inline';`;

describe("cspProblems", () => {
  it("accepts the strict policy the site ships", () => {
    expect(cspProblems(page(strict))).toEqual([]);
  });

  it("fails a page with no policy at all", () => {
    expect(cspProblems("<html><head></head></html>")).toEqual(["no Content-Security-Policy meta tag"]);
  });

  it("fails 'unsafe-inline' or 'unsafe-eval' scripts", () => {
    expect(cspProblems(page(strict.replace("script-src 'self'", "script-src 'self' 'unsafe-inline'")))).toContain(
      "script-src allows 'unsafe-inline'",
    );
    expect(cspProblems(page(strict.replace("script-src 'self'", "script-src 'self' 'unsafe-eval'")))).toContain(
      "script-src allows 'unsafe-eval'",
    );
  });

  it("fails a loose script-src-elem even when script-src is strict", () => {
    expect(cspProblems(page(`${strict} script-src-elem 'self' https:;`))).toContain("script-src-elem allows https:");
  });

  it("fails inline <style> permission but allows inline style attributes (KaTeX)", () => {
    expect(cspProblems(page(strict.replace("style-src 'self'", "style-src 'self' 'unsafe-inline'")))).toContain(
      "style-src allows 'unsafe-inline'",
    );
    expect(cspProblems(page(strict))).not.toContain("style-src-attr allows 'unsafe-inline'");
  });

  it("fails an inline script whose hash the policy does not list", () => {
    const edited = page(strict, `<script>${themeScript}</script><script>alert(1)</script>`);
    expect(cspProblems(edited)).toEqual(["inline script not allowed by hash: alert(1)…"]);
  });

  it("fails an inline stylesheet whose hash the policy does not list, and passes one it does", () => {
    const css = ":root{--part-easy:#0072b2}";
    expect(cspProblems(page(strict, `<script>${themeScript}</script><style>${css}</style>`))).toEqual([
      "inline style not allowed by hash: :root{--part-easy:#0072b2}…",
    ]);
    const hashed = strict.replace("style-src 'self';", `style-src 'self' ${sha(css)};`);
    expect(cspProblems(page(hashed, `<script>${themeScript}</script><style>${css}</style>`))).toEqual([]);
  });

  it("fails inline event handler attributes, which the policy would silently block", () => {
    expect(cspProblems(page(strict, `<script>${themeScript}</script><button onclick="go()">`))).toContain(
      "inline event handler onclick= (blocked by the policy)",
    );
  });

  it("fails a default-src wider than 'self' and a missing object-src 'none'", () => {
    const loose = strict.replace("default-src 'self'", "default-src *").replace("object-src 'none';", "");
    expect(cspProblems(page(loose))).toEqual([`default-src is "*", expected "'self'"`, "object-src is not 'none'"]);
  });
});

describe("cspOf and inlineScripts", () => {
  it("splits the policy into directives and their sources", () => {
    const policy = cspOf(page(strict))!;
    expect(policy.get("style-src-attr")).toEqual(["'unsafe-inline'"]);
    expect(policy.get("script-src")).toEqual(["'self'", sha(themeScript)]);
  });

  it("takes inline scripts, not external ones or JSON data blocks", () => {
    const html = `<script>${themeScript}</script><script type="module" src="/a.js"></script><script type="application/ld+json">{}</script>`;
    expect(inlineScripts(html)).toEqual([themeScript]);
  });
});
