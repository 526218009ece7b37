/**
 * The live figures' path writer against the library it stands in for: the
 * same text as d3-shape's line() with a gap for every null pixel and two
 * decimals, on random polylines with gaps, lone points and edge values.
 */
import { line } from "d3-shape";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { polylinePath } from "../../../src/charts/line-marks";

type Pixel = [number, number] | null;
const d3Path = line<Pixel>()
  .defined((p) => p !== null)
  .x((p) => p![0])
  .y((p) => p![1])
  .digits(2);

const coordinate = fc.oneof(
  fc.double({ min: -2000, max: 2000, noNaN: true }),
  fc.constantFrom(0, -0, 0.005, -0.005, 0.015, 1e-9, 123.455, 880),
);
const pixel: fc.Arbitrary<Pixel> = fc.oneof(
  { weight: 4, arbitrary: fc.tuple(coordinate, coordinate) },
  { weight: 1, arbitrary: fc.constant(null) },
);

describe("polylinePath", () => {
  it("writes what d3-shape's line() writes, for any polyline with gaps", () => {
    fc.assert(
      fc.property(fc.array(pixel, { maxLength: 60 }), (pixels) => {
        expect(polylinePath(pixels)).toBe(d3Path(pixels));
      }),
      { numRuns: Number(process.env.FUZZ_RUNS ?? 200) },
    );
  });

  it("closes a lone point, and gives null for nothing to draw", () => {
    expect(polylinePath([[1, 2]])).toBe("M1,2Z");
    expect(polylinePath([null, [1.234, 5.678], null, [3, 4], [5, 6]])).toBe("M1.23,5.68ZM3,4L5,6");
    expect(polylinePath([])).toBeNull();
    expect(polylinePath([null, null])).toBeNull();
  });
});
