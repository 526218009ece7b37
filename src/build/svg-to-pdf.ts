/**
 * A standalone chart SVG as a one-page vector PDF, for Beamer's
 * \includegraphics and for Keynote. resvg's usvg first normalises the SVG
 * (every shape becomes a path, text becomes glyph outlines in the site's own
 * face, transforms are resolved), so this only has to replay paths with their
 * fill, stroke, dash and opacity through PDFKit, which writes the PDF
 * (cross-reference table, graphics states) and parses SVG path data itself.
 * The curves stay paths: a slide scaled to any size stays sharp.
 */
import PDFDocument from "pdfkit";
import { parseDocument } from "htmlparser2";
import type { ChildNode, Element } from "domhandler";

export interface PdfOptions {
  /** leave the page's content stream uncompressed, so a test can read its operators */
  compress?: boolean;
  title?: string;
}

interface Paint {
  fill: string | null;
  fillOpacity: number;
  stroke: string | null;
  strokeOpacity: number;
  strokeWidth: number;
  dash: number[] | null;
  lineJoin: "miter" | "round" | "bevel";
  lineCap: "butt" | "round" | "square";
  opacity: number;
}

const INITIAL: Paint = {
  fill: "#000000",
  fillOpacity: 1,
  stroke: null,
  strokeOpacity: 1,
  strokeWidth: 1,
  dash: null,
  lineJoin: "miter",
  lineCap: "butt",
  opacity: 1,
};

function colour(value: string | undefined, inherited: string | null): string | null {
  if (value === undefined) return inherited;
  if (value === "none") return null;
  if (/^#[0-9a-f]{6}$/i.test(value)) return value;
  if (/^#[0-9a-f]{3}$/i.test(value)) return `#${[...value.slice(1)].map((c) => c + c).join("")}`;
  throw new RangeError(`svgToPdf: unsupported colour ${JSON.stringify(value)} (usvg writes #rrggbb)`);
}

function number(value: string | undefined, inherited: number): number {
  if (value === undefined) return inherited;
  const n = Number(value);
  if (!Number.isFinite(n)) throw new RangeError(`svgToPdf: not a number: ${JSON.stringify(value)}`);
  return n;
}

function paintOf(el: Element, parent: Paint): Paint {
  const a = el.attribs;
  const dash = a["stroke-dasharray"];
  return {
    fill: colour(a.fill, parent.fill),
    fillOpacity: number(a["fill-opacity"], parent.fillOpacity),
    stroke: colour(a.stroke, parent.stroke),
    strokeOpacity: number(a["stroke-opacity"], parent.strokeOpacity),
    strokeWidth: number(a["stroke-width"], parent.strokeWidth),
    dash:
      dash === undefined
        ? parent.dash
        : dash === "none"
          ? null
          : dash
              .split(/[\s,]+/)
              .filter(Boolean)
              .map(Number),
    lineJoin: (a["stroke-linejoin"] as Paint["lineJoin"]) ?? parent.lineJoin,
    lineCap: (a["stroke-linecap"] as Paint["lineCap"]) ?? parent.lineCap,
    // Group opacity multiplies down the tree (exact for the non-overlapping marks charts draw).
    opacity: parent.opacity * number(a.opacity, 1),
  };
}

/** usvg writes transforms as matrix(a b c d e f); anything else is resolved before it reaches us. */
function matrixOf(transform: string | undefined): [number, number, number, number, number, number] | null {
  if (!transform) return null;
  const m = /^matrix\(([^)]+)\)$/.exec(transform.trim());
  if (!m) throw new RangeError(`svgToPdf: unsupported transform ${JSON.stringify(transform)}`);
  const values = m[1]!.split(/[\s,]+/).map(Number);
  if (values.length !== 6 || values.some((v) => !Number.isFinite(v)))
    throw new RangeError(`svgToPdf: bad matrix ${transform}`);
  return values as [number, number, number, number, number, number];
}

function isElement(node: ChildNode): node is Element {
  return node.type === "tag";
}

function draw(doc: PDFKit.PDFDocument, nodes: ChildNode[], parent: Paint): void {
  for (const node of nodes) {
    if (!isElement(node)) continue;
    if (node.name === "defs" || node.name === "title" || node.name === "desc") continue;
    const paint = paintOf(node, parent);
    const matrix = matrixOf(node.attribs.transform);
    if (node.name === "g" || node.name === "svg") {
      doc.save();
      if (matrix) doc.transform(...matrix);
      draw(doc, node.children, paint);
      doc.restore();
      continue;
    }
    if (node.name !== "path")
      throw new RangeError(`svgToPdf: unsupported element <${node.name}> (run the SVG through usvg first)`);
    const d = node.attribs.d;
    if (!d) continue;
    doc.save();
    if (matrix) doc.transform(...matrix);
    doc.path(d);
    const fill = paint.fill;
    const stroke = paint.stroke;
    if (stroke) {
      doc.lineWidth(paint.strokeWidth).lineJoin(paint.lineJoin).lineCap(paint.lineCap);
      // PDFKit's dash() takes one dash and one gap; the curves' patterns have four, so write the PDF operator.
      if (paint.dash && paint.dash.length) doc.addContent(`[${paint.dash.join(" ")}] 0 d`);
    }
    if (fill) doc.fillColor(fill, paint.fillOpacity * paint.opacity);
    if (stroke) doc.strokeColor(stroke, paint.strokeOpacity * paint.opacity);
    const rule = node.attribs["fill-rule"] === "evenodd" ? "even-odd" : "non-zero";
    if (fill && stroke) doc.fillAndStroke(fill, stroke, rule);
    else if (fill) doc.fill(fill, rule);
    else if (stroke) doc.stroke();
    doc.restore();
  }
}

/** The PDF bytes of a usvg-normalised SVG (resvg's `toString()`), one page of the SVG's own size in points. */
export function svgToPdf(normalisedSvg: string, { compress = true, title }: PdfOptions = {}): Promise<Uint8Array> {
  const root = parseDocument(normalisedSvg, { xmlMode: true }).children.find(isElement);
  if (!root || root.name !== "svg") throw new RangeError("svgToPdf: no <svg> root");
  const width = number(root.attribs.width, NaN);
  const height = number(root.attribs.height, NaN);
  if (!(width > 0 && height > 0)) throw new RangeError("svgToPdf: the <svg> needs a width and a height");
  const doc = new PDFDocument({
    size: [width, height],
    margin: 0,
    compress,
    autoFirstPage: true,
    info: title ? { Title: title } : {},
  });
  const chunks: Uint8Array[] = [];
  doc.on("data", (chunk: Uint8Array) => chunks.push(chunk));
  const done = new Promise<Uint8Array>((resolve, reject) => {
    doc.on("end", () => resolve(Buffer.concat(chunks)));
    doc.on("error", reject);
  });
  draw(doc, root.children, INITIAL);
  doc.end();
  return done;
}
