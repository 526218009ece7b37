import { describe, expect, it } from "vitest";
import { parseCsv } from "../../support/csv";

describe("the tests' CSV reader", () => {
  it("reads RFC 4180: quoted fields with commas, doubled quotes and line breaks, CRLF between records", () => {
    const text = 'a,"b, c","say ""hi"""\r\n"two\nlines",,3\r\n';
    expect(parseCsv(text)).toEqual([
      ["a", "b, c", 'say "hi"'],
      ["two\nlines", "", "3"],
    ]);
  });

  it("keeps a last record without a line break, and reads nothing from an empty text", () => {
    expect(parseCsv("x,y")).toEqual([["x", "y"]]);
    expect(parseCsv("")).toEqual([]);
  });
});
