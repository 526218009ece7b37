/**
 * WOFF 1.0 → plain TrueType/OpenType (sfnt), for resvg at build time.
 *
 * Why: resvg's font database reads only sfnt files, and @fontsource ships only
 * WOFF and WOFF2. WOFF 1.0 is sfnt with each table zlib-compressed, so undoing
 * it needs nothing but zlib (WOFF2's Brotli + glyph transforms would need a
 * decoder package). Spec: https://www.w3.org/TR/WOFF/
 */
import { inflateSync } from "node:zlib";

const WOFF_SIGNATURE = 0x774f4646; // "wOFF"

interface TableEntry {
  tag: number;
  offset: number;
  compLength: number;
  origLength: number;
  checksum: number;
}

/** The sfnt bytes of a WOFF 1.0 font; throws on anything that is not one. */
export function woffToSfnt(woff: Uint8Array): Uint8Array {
  const src = new DataView(woff.buffer, woff.byteOffset, woff.byteLength);
  if (woff.byteLength < 44 || src.getUint32(0) !== WOFF_SIGNATURE) throw new Error("not a WOFF 1.0 font");
  const flavor = src.getUint32(4);
  const numTables = src.getUint16(12);
  const tables: TableEntry[] = [];
  for (let i = 0; i < numTables; i++) {
    const at = 44 + i * 20;
    tables.push({
      tag: src.getUint32(at),
      offset: src.getUint32(at + 4),
      compLength: src.getUint32(at + 8),
      origLength: src.getUint32(at + 12),
      checksum: src.getUint32(at + 16),
    });
  }
  const data = tables.map((t) => {
    const raw = woff.subarray(t.offset, t.offset + t.compLength);
    // A table is stored uncompressed when compressing would not make it smaller.
    const bytes = t.compLength < t.origLength ? new Uint8Array(inflateSync(raw)) : raw;
    if (bytes.byteLength !== t.origLength) throw new Error("WOFF table length mismatch");
    return bytes;
  });

  const pad4 = (n: number) => (n + 3) & ~3;
  const headerSize = 12 + 16 * numTables;
  const total = data.reduce((sum, d) => sum + pad4(d.byteLength), headerSize);
  const out = new Uint8Array(total);
  const dst = new DataView(out.buffer);
  // Binary-search fields of the sfnt offset table.
  let entrySelector = 0;
  while (2 ** (entrySelector + 1) <= numTables) entrySelector++;
  const searchRange = 2 ** entrySelector * 16;
  dst.setUint32(0, flavor);
  dst.setUint16(4, numTables);
  dst.setUint16(6, searchRange);
  dst.setUint16(8, entrySelector);
  dst.setUint16(10, numTables * 16 - searchRange);
  let offset = headerSize;
  tables.forEach((t, i) => {
    const at = 12 + i * 16;
    dst.setUint32(at, t.tag);
    dst.setUint32(at + 4, t.checksum);
    dst.setUint32(at + 8, offset);
    dst.setUint32(at + 12, t.origLength);
    out.set(data[i]!, offset);
    offset += pad4(data[i]!.byteLength);
  });
  return out;
}
