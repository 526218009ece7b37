/**
 * `npm run check:pgfplots [-- --gamma 3 --alpha 0.5]`: the Beamer path of the
 * README, tried with a stock TeX Live. Writes "Copy as PGFPlots" code (the
 * share panel's own exporter, src/elements/export-pgfplots.ts) for every image
 * preset and for the reader's γ and α, into a Beamer deck with the README's
 * snippets (`\usepackage{pgfplots}` and the code in a frame; a preset's vector
 * PDF through `\includegraphics` when a built dist/ is there), compiles it with
 * pdflatex and checks the PDF with pdfinfo and pdftotext. Not part of
 * `npm test`: it needs TeX Live, which CI does not install.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { copyFileSync, existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { parseArgs } from "node:util";
import { runnerImport } from "vite";

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
const figure = registry.EMBEDDABLE.find((f) => f.id === "focal-curves")!;

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

const dir = mkdtempSync(join(tmpdir(), "focal-loss-pgfplots-"));
const frames: string[] = [];
for (const [i, view] of views.entries()) {
  const file = `figure-${i}.tex`;
  writeFileSync(join(dir, file), pgfplotsForView(view.query));
  frames.push(
    `\\begin{frame}{Focal loss, ${view.label.replace(/[γα]/g, (c) => (c === "γ" ? "$\\gamma$" : "$\\alpha$"))}}\n  \\input{${file}}\n\\end{frame}`,
  );
}
// The README's vector-PDF snippet, with a preset file from the built site.
const preset = registry.IMAGE_PRESETS.find((p) => p.id === "alpha-0.25-gamma-2")!;
const pdfName = registry.presetFileName(figure, preset, "light", "pdf");
const builtPdf = join(root, "dist/images", pdfName);
if (existsSync(builtPdf)) {
  copyFileSync(builtPdf, join(dir, pdfName));
  frames.push(
    `\\begin{frame}{A preset as a vector PDF}\n  \\includegraphics[width=\\linewidth]{${pdfName}}\n\\end{frame}`,
  );
} else console.info(`(no dist/images/${pdfName}: run npm run build to check the \\includegraphics snippet too)`);

writeFileSync(
  join(dir, "deck.tex"),
  `\\documentclass{beamer}\n\\usepackage{pgfplots}\n\\pgfplotsset{compat=1.18}\n\\begin{document}\n${frames.join("\n")}\n\\end{document}\n`,
);
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
