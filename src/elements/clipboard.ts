/** Writes text to the clipboard; rejects when the browser refuses (no permission, insecure context). */
export async function copyText(text: string): Promise<void> {
  await navigator.clipboard.writeText(text);
}
