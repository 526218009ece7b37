/**
 * 32-bit floats as base64 text and back, bit for bit: the trained run the lab
 * keeps in the browser's storage (trained-logits-store.ts) and the runs the
 * build keeps on disk (snapshot-codec.ts). Reading checks what it is given
 * like any input, since storage can hold anything.
 */

export function floatsToBase64(values: Float32Array): string {
  const bytes = new Uint8Array(values.buffer, values.byteOffset, values.byteLength);
  let binary = "";
  // In slices: String.fromCharCode over a whole map's bytes would overflow the call stack.
  for (let i = 0; i < bytes.length; i += 0x2000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x2000));
  return btoa(binary);
}

/** The floats `text` holds, or null for text that is not base64 of whole floats (of `length` of them, when given). */
export function base64ToFloats(text: string, length?: number): Float32Array | null {
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(text)) return null;
  let binary: string;
  try {
    binary = atob(text);
  } catch {
    return null;
  }
  if (binary.length % 4 !== 0 || (length !== undefined && binary.length !== length * 4)) return null;
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return new Float32Array(bytes.buffer);
}
