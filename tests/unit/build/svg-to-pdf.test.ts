import { Resvg } from "@resvg/resvg-js";
import { describe, expect, it } from "vitest";
import { svgToPdf } from "../../../src/build/svg-to-pdf";

const latin1 = (bytes: Uint8Array) => Buffer.from(bytes).toString("latin1");

const chart = `<svg xmlns="http://www.w3.org/2000/svg" width="320" height="180" viewBox="0 0 320 180">
  <rect x="0" y="0" width="320" height="180" fill="#ffffff"/>
  <rect x="200" y="20" width="100" height="140" fill="#0072b2" fill-opacity="0.09"/>
  <g transform="translate(10,0)">
    <path d="M 20 20 L 120 100 L 220 150" fill="none" stroke="#b8860b" stroke-width="2" stroke-dasharray="12 3 2 3"/>
  </g>
</svg>`;

async function pdfOf(svg: string) {
  const normalised = new Resvg(svg, { font: { loadSystemFonts: false } }).toString();
  return latin1(await svgToPdf(normalised, { compress: false, title: "test chart" }));
}

describe("svgToPdf", () => {
  it("writes a one-page PDF of the SVG's size whose cross-reference table points at its objects", async () => {
    const pdf = await pdfOf(chart);
    expect(pdf.startsWith("%PDF-1.")).toBe(true);
    expect(pdf.trimEnd().endsWith("%%EOF")).toBe(true);
    expect(pdf).toMatch(/\/MediaBox \[0 0 320 180\]/);
    expect(pdf.match(/\/Type \/Page\b/g)?.length).toBe(1);
    const startxref = Number(/startxref\s+(\d+)/.exec(pdf)![1]);
    expect(pdf.slice(startxref, startxref + 4)).toBe("xref");
    const table = /xref\s+0 (\d+)\s+([\s\S]*?)trailer/.exec(pdf.slice(startxref))!;
    const entries = table[2]!.trim().split(/\r?\n/).slice(1);
    expect(entries.length).toBe(Number(table[1]) - 1);
    entries.forEach((entry, i) => {
      const offset = Number(entry.slice(0, 10));
      expect(pdf.slice(offset, offset + `${i + 1} 0 obj`.length)).toBe(`${i + 1} 0 obj`);
    });
  });

  it("keeps the curve a stroked path with its dash pattern, at its coordinates, under the group's translate", async () => {
    const pdf = await pdfOf(chart);
    // The page flips y once (PDF's origin is bottom-left), the group's translate is a matrix, and
    // PDFKit writes the SVG path data as m / l operators at the SVG's own coordinates.
    expect(pdf).toMatch(/1 0 0 -1 0 180 cm/);
    expect(pdf).toMatch(/1 0 0 1 10 0 cm\s+q\s+20 20 m\s+120 100 l\s+220 150 l\s+2 w/);
    expect(pdf).toContain("[12 3 2 3] 0 d");
    expect(pdf).toMatch(/\d+ 0 0 -?\d*\.?\d+ SCN|SCN\s+\/Gs\d+ gs\s+S\b/);
  });

  it("gives the translucent band its opacity through a graphics state", async () => {
    const pdf = await pdfOf(chart);
    expect(pdf).toMatch(/\/ca 0\.09/);
  });

  it("refuses SVG that was not normalised by usvg", async () => {
    await expect(async () =>
      svgToPdf(`<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><rect width="5" height="5"/></svg>`),
    ).rejects.toThrow(/unsupported element <rect>/);
  });
});
