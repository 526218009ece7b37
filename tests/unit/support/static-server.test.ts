/**
 * The test server serves the built site as a static host would, including
 * compression: Lighthouse's scores depend on the bytes on the wire.
 */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { request } from "node:http";
import { brotliDecompressSync, gunzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startStaticServer, type StaticServer } from "../../e2e/support/static-server";

let server: StaticServer;
const html = `<!doctype html><title>t</title>${"<p>focal loss</p>".repeat(500)}`;
const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 1, 2, 3, 4]);

beforeAll(async () => {
  const root = mkdtempSync(join(tmpdir(), "static-server-"));
  writeFileSync(join(root, "index.html"), html);
  writeFileSync(join(root, "card.png"), png);
  server = await startStaticServer(root, "/");
});
afterAll(async () => {
  await server?.close();
});

function get(
  path: string,
  acceptEncoding?: string,
): Promise<{ status: number; headers: Record<string, unknown>; body: Buffer }> {
  return new Promise((ok, fail) => {
    const req = request(
      new URL(path, server.url),
      { headers: acceptEncoding ? { "accept-encoding": acceptEncoding } : {} },
      (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (c: Buffer) => chunks.push(c));
        res.on("end", () => ok({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
      },
    );
    req.on("error", fail);
    req.end();
  });
}

describe("the static test server", () => {
  it("sends brotli when the browser accepts it, and the bytes decode to the file", async () => {
    const res = await get("", "gzip, deflate, br");
    expect(res.headers["content-encoding"]).toBe("br");
    expect(res.body.length).toBeLessThan(html.length / 5);
    expect(brotliDecompressSync(res.body).toString()).toBe(html);
  });

  it("sends gzip to a client without brotli", async () => {
    const res = await get("", "gzip");
    expect(res.headers["content-encoding"]).toBe("gzip");
    expect(gunzipSync(res.body).toString()).toBe(html);
  });

  it("sends plain bytes when no encoding is accepted, and never recompresses images", async () => {
    const plain = await get("");
    expect(plain.headers["content-encoding"]).toBeUndefined();
    expect(plain.body.toString()).toBe(html);
    const image = await get("card.png", "gzip, br");
    expect(image.headers["content-encoding"]).toBeUndefined();
    expect(image.body.equals(png)).toBe(true);
  });
});
