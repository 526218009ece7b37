/**
 * Copying text and downloading a file, for every element that offers them
 * (the share panel, the scenario table's copy and CSV buttons).
 */

/**
 * Copies text with the Clipboard API. It rejects when there is no clipboard
 * or the browser refuses (no permission in an iframe, an insecure page): the
 * caller then hands the text over with offerManualCopy.
 */
export async function copyText(text: string): Promise<void> {
  const clipboard = navigator.clipboard as Clipboard | undefined;
  if (!clipboard?.writeText) throw new Error("the clipboard is not available");
  await clipboard.writeText(text);
}

/** The fallback: the text shown selected in the caller's textarea, ready for Ctrl+C. */
export function offerManualCopy(area: HTMLTextAreaElement, text: string): void {
  area.value = text;
  area.hidden = false;
  area.focus();
  area.select();
}

/** Saves content as a file through a temporary link to an object URL. */
export function downloadBlob(filename: string, type: string, content: BlobPart): void {
  const url = URL.createObjectURL(new Blob([content], { type }));
  const a = document.createElement("a");
  a.href = url;
  a.download = filename;
  a.hidden = true;
  document.body.append(a);
  a.click();
  a.remove();
  // Revoked later, not at once: the download may still be reading the URL.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
