/**
 * A teacher's deck on another site: a temporary folder served on its own port
 * (so another origin than the site's), and the built site once more as a host
 * that reads _headers (Netlify, Cloudflare Pages) serves it. Set up once per
 * spec file, as workerBrowser() is.
 */
import { copyFile, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";
import type { Browser } from "@playwright/test";
import { expect, test } from "./test";
import { siteUrl, watchedPage } from "./browser";
import { startStaticServer, type StaticServer } from "./static-server";

export interface DeckElsewhereOptions {
  /** the deck pages' <title> */
  title: string;
  viewport: { width: number; height: number };
  /** files the deck's pages load from its own origin (copied in by name) */
  files?: string[];
}

export interface DeckElsewhere {
  /** the site served with the headers of its _headers file */
  readonly headersHost: StaticServer;
  /** Writes a deck page on the deck's origin and opens it in a watched page. */
  open(name: string, head: string, body: string): ReturnType<typeof watchedPage>;
}

export function deckElsewhere(browser: { current: Browser }, options: DeckElsewhereOptions): DeckElsewhere {
  let dir = "";
  let deckHost: StaticServer;
  let headersHost: StaticServer;
  test.beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), "focal-loss-deck-"));
    for (const file of options.files ?? []) await copyFile(file, join(dir, basename(file)));
    deckHost = await startStaticServer(dir);
    headersHost = await startStaticServer("dist", "/", 0, { hostHeaders: true });
  });
  test.afterAll(async () => {
    await deckHost?.close();
    await headersHost?.close();
    await rm(dir, { recursive: true, force: true });
  });
  return {
    get headersHost() {
      return headersHost;
    },
    async open(name, head, body) {
      await writeFile(
        join(dir, name),
        `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${options.title}</title><link rel="icon" href="data:,">${head}</head><body>${body}</body></html>`,
      );
      const watched = await watchedPage(browser.current, { viewport: options.viewport });
      const url = new URL(name, deckHost.url).href;
      expect(new URL(url).origin).not.toBe(new URL(siteUrl()).origin);
      await watched.page.goto(url);
      return watched;
    },
  };
}
