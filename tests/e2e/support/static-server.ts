/**
 * A small static file server for the built site: what any static host does,
 * including the 404 page, a base path and compressed text (brotli or gzip, as
 * GitHub Pages, Netlify and Cloudflare serve it: Lighthouse's simulated mobile
 * network would otherwise charge a chapter for bytes no reader downloads),
 * with nothing from the dev toolchain.
 */
import { createServer, type IncomingMessage, type Server } from "node:http";
import { readFile, stat } from "node:fs/promises";
import { extname, join, normalize, resolve } from "node:path";
import { brotliCompressSync, constants, gzipSync } from "node:zlib";
import { headersFor, readHeadersFile } from "./host-headers.ts";

const MIME: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".svg": "image/svg+xml",
  ".pdf": "application/pdf",
  ".png": "image/png",
  ".jpg": "image/jpeg",
  ".webp": "image/webp",
  ".ico": "image/x-icon",
  ".woff": "font/woff",
  ".woff2": "font/woff2",
  ".ttf": "font/ttf",
  ".xml": "application/xml; charset=utf-8",
  ".txt": "text/plain; charset=utf-8",
  ".csv": "text/csv; charset=utf-8",
  ".webmanifest": "application/manifest+json",
};

/** Types a static host compresses; images and fonts are compressed already. */
const COMPRESSIBLE = new Set([".html", ".css", ".js", ".mjs", ".json", ".svg", ".xml", ".txt", ".csv", ".webmanifest"]);

type Encoding = "br" | "gzip";

/** The encoding to send, from the request's Accept-Encoding (brotli preferred, as hosts do). */
function encodingFor(req: IncomingMessage, file: string): Encoding | null {
  if (!COMPRESSIBLE.has(extname(file))) return null;
  const accepted = String(req.headers["accept-encoding"] ?? "");
  if (/\bbr\b/.test(accepted)) return "br";
  if (/\bgzip\b/.test(accepted)) return "gzip";
  return null;
}

// Compressed once per file and encoding: the suites fetch the same pages many times.
const compressed = new Map<string, Buffer>();

function compress(body: Buffer, encoding: Encoding, key: string): Buffer {
  const cacheKey = `${encoding}:${key}`;
  let out = compressed.get(cacheKey);
  if (!out) {
    out =
      encoding === "br"
        ? brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 9 } })
        : gzipSync(body, { level: 9 });
    compressed.set(cacheKey, out);
  }
  return out;
}

export interface StaticServer {
  url: string;
  close(): Promise<void>;
}

async function fileAt(path: string): Promise<string | null> {
  try {
    const s = await stat(path);
    if (s.isFile()) return path;
    if (s.isDirectory()) return fileAt(join(path, "index.html"));
  } catch {
    /* not there */
  }
  return null;
}

export interface StaticServerOptions {
  /** add the headers of the root's `_headers` file, as Netlify and Cloudflare Pages do (off: as GitHub Pages, which sends none) */
  hostHeaders?: boolean;
}

export async function startStaticServer(
  root: string,
  base = "/",
  port = 0,
  { hostHeaders = false }: StaticServerOptions = {},
): Promise<StaticServer> {
  const rootDir = resolve(root);
  const headerRules = hostHeaders ? readHeadersFile(join(rootDir, "_headers")) : [];
  const prefix = base.endsWith("/") ? base : `${base}/`;
  const server: Server = createServer(async (req, res) => {
    const url = new URL(req.url ?? "/", "http://localhost");
    let pathname = decodeURIComponent(url.pathname);
    if (!pathname.startsWith(prefix) && pathname + "/" !== prefix) {
      res.writeHead(404, { "content-type": "text/plain" }).end("outside the base path");
      return;
    }
    pathname = pathname.slice(prefix.length - 1) || "/";
    const target = normalize(join(rootDir, pathname));
    if (!target.startsWith(rootDir)) {
      res.writeHead(403).end();
      return;
    }
    // A directory without its trailing slash redirects, as static hosts do.
    if (!pathname.endsWith("/") && !extname(pathname)) {
      const dir = await fileAt(join(target, "index.html"));
      if (dir) {
        res.writeHead(301, { location: `${prefix}${pathname.slice(1)}/${url.search}` }).end();
        return;
      }
    }
    const file = await fileAt(target);
    if (!file) {
      const notFound = await fileAt(join(rootDir, "404.html"));
      res.writeHead(404, { "content-type": MIME[".html"]! });
      res.end(notFound ? await readFile(notFound) : "not found");
      return;
    }
    const body = await readFile(file);
    const encoding = encodingFor(req, file);
    const headers: Record<string, string> = {
      "content-type": MIME[extname(file)] ?? "application/octet-stream",
      "cache-control": "no-store",
      vary: "accept-encoding",
      ...headersFor(headerRules, pathname),
    };
    if (!encoding) {
      res.writeHead(200, headers).end(body);
      return;
    }
    const { mtimeMs } = await stat(file);
    res
      .writeHead(200, { ...headers, "content-encoding": encoding })
      .end(compress(body, encoding, `${file}@${mtimeMs}`));
  });
  await new Promise<void>((ok) => server.listen(port, "127.0.0.1", ok));
  const address = server.address();
  if (!address || typeof address === "string") throw new Error("static server has no port");
  return {
    url: `http://127.0.0.1:${address.port}${prefix}`,
    close: () => new Promise<void>((ok) => server.close(() => ok())),
  };
}
