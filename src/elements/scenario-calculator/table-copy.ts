/**
 * The scenario table copied as Markdown, CSV or LaTeX, or downloaded as a CSV
 * file, from the same table model the page shows; the outcome is announced in
 * the table's status line.
 */
import type { ScenarioCalculatorState } from "../../lib/state/calculator-state";
import { toCsv, toLatexTabular, toMarkdown } from "../../lib/text/table-export";
import { scenarioExportTable } from "../../lib/views/scenario-table";
import { copyText, downloadBlob, offerManualCopy } from "../clipboard";

export type Format = "markdown" | "csv" | "latex";
const FORMAT_NAMES: Record<Format, string> = { markdown: "Markdown", csv: "CSV", latex: "LaTeX" };

function serialise(state: ScenarioCalculatorState, format: Format): string {
  const table = scenarioExportTable(state);
  return format === "markdown" ? toMarkdown(table) : format === "csv" ? toCsv(table) : toLatexTabular(table);
}

function status(root: HTMLElement, message: string): void {
  const line = root.querySelector("[data-copy-status]");
  if (line) line.textContent = message;
}

export async function copyTable(root: HTMLElement, state: ScenarioCalculatorState, format: Format): Promise<void> {
  const text = serialise(state, format);
  const fallback = root.querySelector<HTMLElement>("[data-copy-fallback]")!;
  const stale = root.hasAttribute("data-stale") ? " (the last valid values)" : "";
  try {
    await copyText(text);
    fallback.hidden = true;
    status(root, `Copied the table as ${FORMAT_NAMES[format]}${stale}.`);
  } catch {
    // Clipboard refused (permissions, an insecure page, an embedding frame): hand the text over selected instead.
    fallback.hidden = false;
    offerManualCopy(root.querySelector<HTMLTextAreaElement>("[data-copy-text]")!, text);
    status(root, `Could not copy automatically: the ${FORMAT_NAMES[format]} is selected below for you to copy.`);
  }
}

export function downloadTable(root: HTMLElement, state: ScenarioCalculatorState): void {
  // A byte-order mark so spreadsheet programs read the file as UTF-8 (γ, ∞, −).
  downloadBlob("focal-loss-scenarios.csv", "text/csv;charset=utf-8", "\ufeff" + serialise(state, "csv"));
  status(root, "Downloaded focal-loss-scenarios.csv.");
}
