/**
 * A finished detector run as text and back, bit for bit: the build keeps the
 * runs it trains on disk (src/build/finished-run-cache.ts), so a second build
 * of the same code (the sub-path build of the checks, a rebuild while writing)
 * reads them instead of training them again. JSON alone would not do: the loss
 * maps and logits are Float32Arrays, and a loss history may hold a non-finite
 * value, which JSON writes as null.
 */
import type { DetectorSnapshot } from "./detector-session";
import { base64ToFloats, floatsToBase64 } from "../text/float-base64";

/** Bumped when the snapshot's shape changes, so an older file is never read as a newer one. */
export const SNAPSHOT_CODEC_VERSION = 1;

type Tagged = { $f32: string } | { $num: "NaN" | "Infinity" | "-Infinity" };

export function encodeSnapshot(snapshot: DetectorSnapshot): string {
  return JSON.stringify({ version: SNAPSHOT_CODEC_VERSION, snapshot }, (_key, value: unknown): unknown => {
    if (value instanceof Float32Array) return { $f32: floatsToBase64(value) } satisfies Tagged;
    if (typeof value === "number" && !Number.isFinite(value)) return { $num: String(value) } as Tagged;
    return value;
  });
}

/** The snapshot a text holds, or null for any text this codec did not write (another version, a torn file). */
export function decodeSnapshot(text: string): DetectorSnapshot | null {
  try {
    const parsed = JSON.parse(text, (_key, value: unknown): unknown => {
      if (value && typeof value === "object" && !Array.isArray(value)) {
        const tagged = value as Partial<Record<"$f32" | "$num", unknown>>;
        if (typeof tagged.$f32 === "string") {
          const floats = base64ToFloats(tagged.$f32);
          if (!floats) throw new Error("not base64 of floats"); // caught below: the whole text is refused
          return floats;
        }
        if (typeof tagged.$num === "string") return Number(tagged.$num);
      }
      return value;
    }) as { version?: unknown; snapshot?: DetectorSnapshot };
    return parsed.version === SNAPSHOT_CODEC_VERSION && parsed.snapshot ? parsed.snapshot : null;
  } catch {
    return null;
  }
}
