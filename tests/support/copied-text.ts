/**
 * Word 12-grams, the measure of copied text the project uses: lowercase
 * [a-z0-9]+ tokens, every run of twelve consecutive tokens. Punctuation,
 * markup and line breaks do not break a run, so reflowing or re-punctuating a
 * copied sentence does not hide it.
 */
export const RUN_LENGTH = 12;

export function words(text: string): string[] {
  return text.toLowerCase().match(/[a-z0-9]+/g) ?? [];
}

export function wordRuns(text: string, n = RUN_LENGTH): Set<string> {
  const w = words(text);
  const runs = new Set<string>();
  for (let i = 0; i + n <= w.length; i++) runs.add(w.slice(i, i + n).join(" "));
  return runs;
}

/** The runs of `source` that also occur in `candidate`. */
export function sharedRuns(source: string, candidate: string, n = RUN_LENGTH): string[] {
  const theirs = wordRuns(source, n);
  return [...wordRuns(candidate, n)].filter((run) => theirs.has(run));
}
