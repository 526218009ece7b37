/**
 * Reads a built page's Content-Security-Policy <meta> and says what makes it
 * less than strict. The policy is Astro's (security.csp in astro.config.mjs);
 * this is the gate that keeps it strict as pages and scripts are added.
 */
import { createHash } from "node:crypto";

export type CspPolicy = Map<string, string[]>;

/** The policy in a page's <meta http-equiv="content-security-policy">, or null if it has none. */
export function cspOf(html: string): CspPolicy | null {
  const meta = html.match(/<meta\s+http-equiv="content-security-policy"\s+content="([^"]*)"/i);
  if (!meta) return null;
  const policy: CspPolicy = new Map();
  for (const part of meta[1]!.split(";")) {
    const [name, ...sources] = part.trim().split(/\s+/);
    if (name) policy.set(name.toLowerCase(), sources);
  }
  return policy;
}

/** The sources that apply to a fetch directive, following CSP's fallback to default-src. */
function effective(policy: CspPolicy, directive: string, ...fallbacks: string[]): string[] | undefined {
  for (const d of [directive, ...fallbacks, "default-src"]) {
    const sources = policy.get(d);
    if (sources) return sources;
  }
  return undefined;
}

const LOOSE = [
  "'unsafe-inline'",
  "'unsafe-eval'",
  "'unsafe-hashes'",
  "'wasm-unsafe-eval'",
  "*",
  "data:",
  "blob:",
  "http:",
  "https:",
];

/** The text of every <style> element in the page, exactly as the browser hashes it. */
export function inlineStyles(html: string): string[] {
  return [...html.matchAll(/<style(?:\s[^>]*)?>([\s\S]*?)<\/style>/gi)].map((m) => m[1]!);
}

/** The text of every inline <script> (no src) in the page, exactly as the browser hashes it. */
export function inlineScripts(html: string): string[] {
  return [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)]
    .filter((m) => !/\bsrc\s*=/.test(m[1]!) && !/type\s*=\s*"?application\/(ld\+)?json/i.test(m[1]!))
    .map((m) => m[2]!);
}

/**
 * Everything that keeps the page's policy from being strict: a missing policy,
 * a loose script or style source, an inline script the policy does not hash,
 * an inline event handler (which only 'unsafe-inline' or 'unsafe-hashes' could allow).
 * Inline style *attributes* are allowed: KaTeX positions glyphs with them.
 */
export function cspProblems(html: string): string[] {
  const policy = cspOf(html);
  if (!policy) return ["no Content-Security-Policy meta tag"];
  const problems: string[] = [];
  const defaultSrc = policy.get("default-src");
  if (!defaultSrc || defaultSrc.join(" ") !== "'self'")
    problems.push(`default-src is "${defaultSrc?.join(" ")}", expected "'self'"`);
  if (policy.get("object-src")?.join(" ") !== "'none'") problems.push("object-src is not 'none'");
  if (!policy.has("base-uri")) problems.push("no base-uri");

  const scriptSrc = effective(policy, "script-src") ?? [];
  const scriptElem = effective(policy, "script-src-elem", "script-src") ?? [];
  for (const [name, sources] of [
    ["script-src", scriptSrc],
    ["script-src-elem", scriptElem],
  ] as const) {
    for (const loose of LOOSE) if (sources.includes(loose)) problems.push(`${name} allows ${loose}`);
  }
  const scriptAttr = policy.get("script-src-attr");
  if (scriptAttr && !scriptAttr.every((s) => s === "'none'"))
    problems.push(`script-src-attr allows ${scriptAttr.join(" ")}`);

  const styleSrc = effective(policy, "style-src") ?? [];
  const styleElem = effective(policy, "style-src-elem", "style-src") ?? [];
  for (const [name, sources] of [
    ["style-src", styleSrc],
    ["style-src-elem", styleElem],
  ] as const) {
    for (const loose of LOOSE) if (sources.includes(loose)) problems.push(`${name} allows ${loose}`);
  }
  const styleAttr = effective(policy, "style-src-attr", "style-src") ?? [];
  for (const loose of LOOSE.filter((s) => s !== "'unsafe-inline'")) {
    if (styleAttr.includes(loose)) problems.push(`style-src-attr allows ${loose}`);
  }

  for (const script of inlineScripts(html)) {
    const hash = `'sha256-${createHash("sha256").update(script).digest("base64")}'`;
    if (!scriptElem.includes(hash)) problems.push(`inline script not allowed by hash: ${script.trim().slice(0, 60)}…`);
  }
  // Inline stylesheets (every page's, since the build inlines them) need their hashes just the same.
  for (const style of inlineStyles(html)) {
    const hash = `'sha256-${createHash("sha256").update(style).digest("base64")}'`;
    if (!styleElem.includes(hash)) problems.push(`inline style not allowed by hash: ${style.trim().slice(0, 60)}…`);
  }
  const handler = html.match(/<[a-z][^>]*\s(on[a-z]+)\s*=/i);
  if (handler) problems.push(`inline event handler ${handler[1]}= (blocked by the policy)`);
  return problems;
}
