/**
 * `npm run check:pgfplots [-- --gamma 3 --alpha 0.5]`: the Beamer path of the
 * README, tried with a stock TeX Live. Writes "Copy as PGFPlots" code (the
 * share panel's own exporter, src/elements/export-pgfplots.ts) for every image
 * preset and for the reader's γ and α, into a Beamer deck made of the README's
 * snippets (beamer-pgfplots: its preamble, and its frame once per view;
 * beamer-pdf: a preset's vector PDF, when a built dist/ is there), compiles it with
 * pdflatex and checks the PDF with pdfinfo and pdftotext. Not part of
 * `npm test`: it needs TeX Live, which CI does not install.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { copyFileSync, existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { parseArgs } from "node:util";
import { runnerImport } from "vite";
import { readmeSnippet } from "../tests/support/readme-snippets.ts";

const { values } = parseArgs({
  options: {
    gamma: { type: "string", default: "2" },
    alpha: { type: "string", default: "0.25" },
    keep: { type: "boolean" },
  },
});

function fail(message: string): never {
  console.error(`check:pgfplots FAILED: ${message}`);
  process.exit(1);
}

function need(tool: string, apt: string): void {
  if (spawnSync(tool, ["--version"], { stdio: "ignore" }).error)
    fail(`${tool} is not installed. Install it with: apt-get install ${apt}`);
}
need("pdflatex", "texlive-latex-base texlive-pictures texlive-latex-recommended");
need("pdfinfo", "poppler-utils");
need("pdftotext", "poppler-utils");

const root = resolve(import.meta.dirname, "..");
const load = async <T>(path: string) =>
  (await runnerImport<T>(resolve(root, path), { configFile: false, logLevel: "error", root })).module;
const { pgfplotsForView } = await load<typeof import("../src/elements/export-pgfplots.ts")>(
  "src/elements/export-pgfplots.ts",
);
const registry = await load<typeof import("../src/lib/embed/embed-registry.ts")>("src/lib/embed/embed-registry.ts");

/** The reader's view, through the figure's own URL parser (nonsense falls back, as on the site). */
const reader = new URLSearchParams({ gamma: values.gamma!, alpha: values.alpha! });
const views = [
  ...registry.IMAGE_PRESETS.map((p) => ({
    label: p.label,
    query: new URLSearchParams(
      p.alpha === null ? { gamma: String(p.gamma) } : { gamma: String(p.gamma), alpha: String(p.alpha) },
    ),
  })),
  { label: `yours (gamma=${values.gamma}, alpha=${values.alpha})`, query: reader },
];

// The README's Beamer snippet: its preamble, and its frame once per view (each with its own copied code).
const beamer = readmeSnippet("beamer-pgfplots");
const frameStart = beamer.indexOf("\\begin{frame}");
const frameEnd = beamer.indexOf("\\end{frame}") + "\\end{frame}".length;
if (frameStart < 0 || !beamer.includes("\\input{focal-loss.tex}"))
  fail("the README's beamer-pgfplots snippet has no frame that inputs focal-loss.tex");
const dir = mkdtempSync(join(tmpdir(), "focal-loss-pgfplots-"));
const frames: string[] = [];
for (const [i, view] of views.entries()) {
  const file = `focal-loss-${i}.tex`;
  writeFileSync(join(dir, file), pgfplotsForView(view.query));
  const title = `Focal loss, ${view.label.replace(/[γα]/g, (c) => (c === "γ" ? "$\\gamma$" : "$\\alpha$"))}`;
  frames.push(beamer.slice(frameStart, frameEnd).replace("{Focal loss}", `{${title}}`).replace("focal-loss.tex", file));
}
// The README's vector-PDF snippet, with the preset file it names, from the built site.
const includePdf = readmeSnippet("beamer-pdf");
const pdfName = /\{([^}]+\.pdf)\}/.exec(includePdf)?.[1] ?? fail("the README's beamer-pdf snippet names no PDF");
const builtPdf = join(root, "dist/images", pdfName);
if (existsSync(builtPdf)) {
  copyFileSync(builtPdf, join(dir, pdfName));
  frames.push(`\\begin{frame}{A preset as a vector PDF}\n  ${includePdf}\n\\end{frame}`);
} else console.info(`(no dist/images/${pdfName}: run npm run build to check the \\includegraphics snippet too)`);

writeFileSync(join(dir, "deck.tex"), `${beamer.slice(0, frameStart)}${frames.join("\n")}${beamer.slice(frameEnd)}\n`);
console.info(
  `wrote ${views.length} PGFPlots figures (${views.map((v) => v.label).join("; ")}) into a Beamer deck in ${dir}`,
);

const latex = spawnSync("pdflatex", ["-interaction=nonstopmode", "-halt-on-error", "deck.tex"], {
  cwd: dir,
  encoding: "utf8",
});
if (latex.status !== 0) {
  const log = latex.stdout.split("\n");
  const first = log.findIndex((l) => l.startsWith("!"));
  fail(
    `pdflatex exited ${latex.status}:\n${log.slice(Math.max(0, first), first + 12).join("\n")}\n(files kept in ${dir})`,
  );
}
const warnings = latex.stdout.split("\n").filter((l) => /Warning/.test(l) && !/compat|Font shape/.test(l));
const info = execFileSync("pdfinfo", ["deck.pdf"], { cwd: dir, encoding: "utf8" });
const pages = Number(/^Pages:\s+(\d+)/m.exec(info)?.[1]);
const text = execFileSync("pdftotext", ["-layout", "deck.pdf", "-"], { cwd: dir, encoding: "utf8" });
console.info(`pdflatex: deck.pdf, ${pages} pages, ${info.match(/^PDF version:.*$/m)?.[0] ?? ""}`);
if (pages !== frames.length) fail(`expected ${frames.length} pages, got ${pages}`);
const labelCount = text.split("probability of ground truth class").length - 1;
if (labelCount !== views.length) fail(`the x-axis label shows on ${labelCount} pages, expected ${views.length}`);
const yours = text.split("yours:").length - 1;
if (yours !== views.length) fail(`the reader's legend entry shows ${yours} times, expected ${views.length}`);
console.info(
  `pdftotext: the paper's axis label and the "yours:" legend entry on each of the ${views.length} PGFPlots pages`,
);
if (warnings.length) console.info(`LaTeX warnings:\n  ${warnings.join("\n  ")}`);
if (values.keep) console.info(`kept ${dir}`);
else rmSync(dir, { recursive: true, force: true });
console.info("check:pgfplots passed");
