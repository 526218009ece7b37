/**
 * `npm run check:slidev`: the README's Slidev snippets, tried in a real Slidev
 * deck. Installs @slidev/cli into a directory of its own under the system temp
 * directory (never into this project: it is hundreds of packages that
 * `npm ci` would fetch on every CI run; the install is reused on the next
 * run), writes a two-slide deck from the README's Slidev snippets (the iframe
 * embed and the web component through the classic script, so the deck's host
 * needs no CORS header),
 * builds it with `slidev build`, serves the built deck on one port and the
 * built site (dist/) on another, opens the deck in Chromium and checks that
 * both figures drew the reader's curve and that the deck keeps its keys.
 * Needs a built site (`npm run build`). Not part of `npm test`.
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { runnerImport } from "vite";
import { launchChromium } from "../tests/support/chromium.ts";
import { startStaticServer } from "../tests/e2e/support/static-server.ts";
import { readmeSnippet } from "../tests/support/readme-snippets.ts";

/** The Slidev release this check was written against. */
const SLIDEV = "@slidev/cli@53.0.0";

const root = resolve(import.meta.dirname, "..");
const work = join(tmpdir(), `focal-loss-slidev-check-${SLIDEV.split("@").at(-1)}`);
// The project's Node (24) for npm and Slidev, whatever node is first on PATH.
const env = {
  ...process.env,
  PATH: `${dirname(process.execPath)}:${join(root, "node_modules/.bin")}:${process.env.PATH}`,
};

function fail(message: string): never {
  console.error(`check:slidev FAILED: ${message}`);
  process.exit(1);
}

function run(command: string, args: string[], what: string): void {
  const started = Date.now();
  const result = spawnSync(command, args, { cwd: work, env, encoding: "utf8" });
  if (result.status !== 0) {
    const out = `${result.stdout ?? ""}\n${result.stderr ?? ""}`.trim().split("\n").slice(-25).join("\n");
    fail(`${what} failed (exit ${result.status}${result.error ? `, ${result.error.message}` : ""}):\n${out}`);
  }
  console.info(`${what}: done in ${((Date.now() - started) / 1000).toFixed(0)} s`);
}

if (!existsSync(join(root, "dist/index.html"))) fail("no built site in dist/: run `npm run build` first");

mkdirSync(work, { recursive: true });
if (!existsSync(join(work, "node_modules/.bin/slidev"))) {
  console.info(`installing ${SLIDEV} into ${work} (a few minutes the first time) …`);
  writeFileSync(join(work, "package.json"), JSON.stringify({ name: "slidev-check", private: true, type: "module" }));
  run("npm", ["install", "--no-audit", "--no-fund", "--loglevel=error", SLIDEV], `npm install ${SLIDEV}`);
} else console.info(`reusing ${SLIDEV} in ${work}`);

const site = await startStaticServer(join(root, "dist"));

// The README's Slidev snippets, pointing at the site under test; the headmatter keeps the check on
// this machine (no theme to fetch, no web fonts, no favicon from a CDN) and gives slides hash URLs.
writeFileSync(
  join(work, "slides.md"),
  `---\ntheme: none\ntitle: Focal loss in Slidev\nrouterMode: hash\nfonts:\n  provider: none\nfavicon: "data:,"\n---\n\n${readmeSnippet("slidev-slide", site.url)}\n`,
);
writeFileSync(join(work, "index.html"), `${readmeSnippet("slidev-head", site.url)}\n`);
writeFileSync(join(work, "vite.config.ts"), `${readmeSnippet("slidev-vite")}\n`);
run(join(work, "node_modules/.bin/slidev"), ["build", "slides.md", "--out", "built"], "slidev build");

const deck = await startStaticServer(join(work, "built"));
console.info(`site at ${site.url}, built deck at ${deck.url} (another origin)`);
const { expectedReaderPath } = (
  await runnerImport<typeof import("../tests/e2e/support/standalone.ts")>(
    join(root, "tests/e2e/support/standalone.ts"),
    { configFile: false, logLevel: "error", root },
  )
).module;

const browser = await launchChromium();
const problems: string[] = [];
try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 }, reducedMotion: "reduce" });
  page.on("console", (m) => {
    if (m.type() === "error") problems.push(m.text());
  });
  page.on("pageerror", (e) => problems.push(e.message));
  page.on("requestfailed", (r) => problems.push(`request failed: ${r.url()}`));
  const slide = () => page.evaluate(() => location.hash);

  await page.goto(`${deck.url}#/1`);
  const frame = page.frameLocator("iframe");
  await frame.locator("html[data-ready='true']").waitFor({ state: "attached", timeout: 30_000 });
  const iframeLabel = await frame.locator(".legend-row.is-reader .legend-label").first().textContent();
  if (iframeLabel !== "yours: γ = 3") fail(`slide 1: the iframe embed's legend reads ${JSON.stringify(iframeLabel)}`);
  console.info(`slide 1, iframe embed: drawn, legend "${iframeLabel}"`);

  await page.locator("body").click({ position: { x: 5, y: 5 } });
  await page.keyboard.press("ArrowRight");
  await page.waitForFunction(() => location.hash.startsWith("#/2"), null, { timeout: 15_000 });
  const element = page.locator("focal-loss-curves");
  await page.locator("focal-loss-curves[data-ready]").waitFor({ state: "attached", timeout: 15_000 });
  const drawn = await element.evaluate((el) => {
    const svg = el.shadowRoot!.querySelector("svg.chart")!;
    return {
      width: Number(svg.getAttribute("width")),
      height: Number(svg.getAttribute("height")),
      path: svg.querySelector("path.curve.is-reader")?.getAttribute("d") ?? "",
      label: svg.querySelector(".legend-row.is-reader .legend-label")?.textContent ?? "",
    };
  });
  if (drawn.path !== expectedReaderPath("gamma=1&alpha=0.25", drawn.width, drawn.height))
    fail("slide 2: the web component's curve is not the site's chart function's");
  console.info(
    `slide 2, web component: drawn ${drawn.width}×${drawn.height}, legend "${drawn.label}", the chart code's path`,
  );

  // The presenter keeps the keyboard: a focused slider keeps its arrows, Escape gives them back.
  const slider = element.locator('input[data-control="gamma"]');
  await slider.focus();
  await page.keyboard.press("ArrowRight");
  const value = await slider.inputValue();
  if (value !== "1.1" || !(await slide()).startsWith("#/2"))
    fail(`a focused γ slider: value ${value}, slide ${await slide()} (expected 1.1 on slide 2)`);
  await page.keyboard.press("Escape");
  await page.keyboard.press("ArrowLeft");
  await page.waitForFunction(() => location.hash.startsWith("#/1"), null, { timeout: 15_000 });
  console.info(
    "keys: ArrowRight on the focused γ slider moved γ to 1.1 and kept slide 2; Escape, then ArrowLeft went back to slide 1",
  );
  if (problems.length) fail(`console errors:\n  ${problems.join("\n  ")}`);
} finally {
  await browser.close();
  await deck.close();
  await site.close();
}
console.info("check:slidev passed");
