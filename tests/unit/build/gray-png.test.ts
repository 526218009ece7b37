import { inflateSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { grayPng } from "../../../src/build/gray-png";

describe("grayPng", () => {
  it("writes a valid 8-bit grayscale PNG whose pixels decode back", () => {
    const pixels = [0, 0.5, 1, 0.25, 2, -1];
    const png = grayPng(pixels, 3, 2);
    expect([...png.subarray(0, 8)]).toEqual([137, 80, 78, 71, 13, 10, 26, 10]);
    expect(png.subarray(12, 16).toString("ascii")).toBe("IHDR");
    expect(png.readUInt32BE(16)).toBe(3);
    expect(png.readUInt32BE(20)).toBe(2);
    expect([png[24], png[25]]).toEqual([8, 0]);
    const idatAt = png.indexOf("IDAT");
    const length = png.readUInt32BE(idatAt - 4);
    const raw = inflateSync(png.subarray(idatAt + 4, idatAt + 4 + length));
    // a filter byte (0) before each row; values clamped to [0, 255]
    expect([...raw]).toEqual([0, 0, 128, 255, 0, 64, 255, 0]);
    expect(png.subarray(-8, -4).toString("ascii")).toBe("IEND");
  });
  it("refuses a pixel count that does not match the size", () => {
    expect(() => grayPng([0, 1], 3, 1)).toThrow(RangeError);
  });
});
