import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { woffToSfnt } from "../../../src/build/woff-to-sfnt";

const tag = (view: DataView, at: number) =>
  String.fromCharCode(view.getUint8(at), view.getUint8(at + 1), view.getUint8(at + 2), view.getUint8(at + 3));

describe("woffToSfnt", () => {
  const woff = new Uint8Array(readFileSync("node_modules/@fontsource/inter/files/inter-latin-400-normal.woff"));
  const sfnt = woffToSfnt(woff);
  const view = new DataView(sfnt.buffer, sfnt.byteOffset, sfnt.byteLength);

  it("writes an sfnt with the WOFF's tables, each at its original length", () => {
    const src = new DataView(woff.buffer, woff.byteOffset, woff.byteLength);
    expect(view.getUint32(0)).toBe(src.getUint32(4)); // flavor
    const numTables = view.getUint16(4);
    expect(numTables).toBe(src.getUint16(12));
    expect(sfnt.byteLength).toBe(src.getUint32(16)); // the WOFF header's totalSfntSize
    const tags: string[] = [];
    for (let i = 0; i < numTables; i++) {
      const at = 12 + i * 16;
      tags.push(tag(view, at));
      const offset = view.getUint32(at + 8);
      expect(offset % 4).toBe(0);
      expect(offset + view.getUint32(at + 12)).toBeLessThanOrEqual(sfnt.byteLength);
    }
    expect(tags).toEqual(expect.arrayContaining(["cmap", "glyf", "head", "hmtx", "name"]));
  });

  it("inflates the tables: the head table carries its magic number", () => {
    const numTables = view.getUint16(4);
    for (let i = 0; i < numTables; i++) {
      const at = 12 + i * 16;
      if (tag(view, at) !== "head") continue;
      expect(view.getUint32(view.getUint32(at + 8) + 12)).toBe(0x5f0f3cf5);
      return;
    }
    throw new Error("no head table");
  });

  it("refuses what is not WOFF 1.0", () => {
    expect(() =>
      woffToSfnt(new Uint8Array(readFileSync("node_modules/@fontsource/inter/files/inter-latin-400-normal.woff2"))),
    ).toThrow(/not a WOFF 1.0/);
    expect(() => woffToSfnt(new Uint8Array(10))).toThrow(/not a WOFF 1.0/);
  });
});
