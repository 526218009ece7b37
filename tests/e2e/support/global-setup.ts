/**
 * Serves the built site (dist/) for the browser tests and checks, before any
 * test runs, that there is a site to serve and a browser to drive.
 */
import { existsSync } from "node:fs";
import type { TestProject } from "vitest/node";
import { startStaticServer } from "./static-server";
import { chromiumPath } from "./browser";

declare module "vitest" {
  export interface ProvidedContext {
    siteUrl: string;
  }
}

export default async function setup(project: TestProject) {
  if (!existsSync("dist/index.html")) {
    throw new Error("No built site in dist/: run `npm run build` first (`npm test` builds before the e2e tests).");
  }
  chromiumPath(); // fails now, with install instructions, rather than in every test file
  const server = await startStaticServer("dist", process.env.BASE_PATH ?? "/");
  project.provide("siteUrl", server.url);
  return async () => server.close();
}
