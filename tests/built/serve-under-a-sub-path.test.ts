/**
 * A reader of a project site (https://host/focal-loss/) gets every page, link,
 * stylesheet, font and script from under the sub-path: the site is built with
 * BASE_PATH and every internal reference on every page is followed.
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startStaticServer, type StaticServer } from "../e2e/support/static-server";

const base = "/focal-loss/";
let outDir: string;
let server: StaticServer;

beforeAll(() => {
  outDir = mkdtempSync(join(tmpdir(), "fl-subpath-"));
  // Vitest puts Vite's own variables (BASE_URL=/, MODE=test, DEV, SSR…) into
  // process.env; a child build must not inherit them, or BASE_URL wins over the base.
  const env = Object.fromEntries(
    Object.entries(process.env).filter(
      ([k]) => !["BASE_URL", "MODE", "DEV", "PROD", "SSR", "NODE_ENV", "TEST"].includes(k) && !k.startsWith("VITEST"),
    ),
  );
  execFileSync("node_modules/.bin/astro", ["build", "--outDir", outDir], {
    env: { ...env, BASE_PATH: base },
    stdio: "pipe",
  });
  // The whole site's build: 39 s on an idle machine, 534 s at a load average of 30 (51 s of CPU), where the
  // old 240 s limit failed a correct build. A slow machine must not fail it by its clock.
}, 900_000);

afterAll(async () => {
  await server?.close();
  if (outDir) rmSync(outDir, { recursive: true, force: true });
});

/** Internal references of an HTML page or a stylesheet: href, src, srcset and url(). */
function references(text: string): string[] {
  const refs = [...text.matchAll(/\s(?:href|src)="([^"]+)"/g), ...text.matchAll(/url\(["']?([^"')]+)["']?\)/g)].map(
    (m) => m[1]!.replaceAll("&amp;", "&"),
  );
  return refs.filter((r) => !/^(https?:|mailto:|data:|#|javascript:)/.test(r));
}

describe("the site built for a sub-path", () => {
  it("serves every page and every asset it references from under the base path", async () => {
    server = await startStaticServer(outDir, base);
    const origin = new URL(server.url).origin;
    const seen = new Set<string>();
    const queue = [server.url];
    const broken: string[] = [];
    const outside: string[] = [];
    while (queue.length) {
      const url = queue.shift()!;
      if (seen.has(url)) continue;
      seen.add(url);
      const response = await fetch(url);
      if (response.status !== 200) {
        broken.push(`${response.status} ${url}`);
        continue;
      }
      const type = response.headers.get("content-type") ?? "";
      if (!type.includes("html") && !type.includes("css")) continue;
      for (const ref of references(await response.text())) {
        const target = new URL(ref, url);
        if (target.origin !== origin) continue;
        if (!target.pathname.startsWith(base)) {
          outside.push(`${ref} on ${url}`);
          continue;
        }
        target.hash = "";
        target.search = "";
        queue.push(target.href);
      }
    }
    expect(outside).toEqual([]);
    expect(broken).toEqual([]);
    // the index, at least one chapter and a font were all reached
    const paths = [...seen].map((u) => new URL(u).pathname);
    expect(paths).toContain(base);
    // Stylesheets are inlined into each page; the fonts their url()s name must still load from under the base.
    expect(paths.some((p) => p.endsWith(".woff2"))).toBe(true);
  }, 120_000);
});
