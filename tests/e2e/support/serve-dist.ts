/**
 * The built site as the browser suites see it, started once per run by
 * playwright.config.ts (webServer): dist/ under BASE_PATH on SITE_PORT,
 * compressed like a static host serves it.
 */
import { existsSync } from "node:fs";
import { startStaticServer } from "./static-server.ts";

if (!existsSync("dist/index.html")) {
  console.error("No built site in dist/: run `npm run build` first (`npm test` builds before the browser tests).");
  process.exit(1);
}
const server = await startStaticServer("dist", process.env.BASE_PATH ?? "/", Number(process.env.SITE_PORT ?? 0));
console.info(`serving dist/ at ${server.url}`);
