import { describe, expect, it } from "vitest";
import { CARD_SIZE, socialCardPng, socialCardSvg, wrapWords } from "../../../src/build/social-card";
import { FIGURE1_GAMMAS } from "../../../src/lib/math/loss";

/** Width and height from a PNG's IHDR chunk. */
const pngSize = (png: Buffer) => ({ width: png.readUInt32BE(16), height: png.readUInt32BE(20) });

describe("wrapWords", () => {
  it.each([
    ["Why focal loss is needed", 12, ["Why focal", "loss is", "needed"]],
    ["Cross-entropy", 5, ["Cross-entropy"]],
    ["  a  b  ", 10, ["a b"]],
  ])("wraps %j at %i characters", (text, max, lines) => {
    expect(wrapWords(text, max)).toEqual(lines);
  });
});

describe("socialCardSvg", () => {
  it("sets the title and kicker as text, escaped, and draws one curve per Figure 1 γ", () => {
    const svg = socialCardSvg({ title: "Loss <&> gradients", kicker: "Chapter 4 of 7" });
    expect(svg).toContain("Loss &lt;&amp;&gt; gradients");
    expect(svg).toContain(">Chapter 4 of 7<");
    expect(svg.match(/<path d="M[^"]*" fill="none" stroke="[^"]+" stroke-width="5"/g)).toHaveLength(FIGURE1_GAMMAS.length);
  });
});

describe("socialCardPng", () => {
  it("is a 1200×630 PNG well under the 200 KB image budget", () => {
    const png = socialCardPng({ title: "What focal loss is", kicker: "Chapter 2 of 7" });
    expect(png.subarray(1, 4).toString("latin1")).toBe("PNG");
    expect(pngSize(png)).toEqual(CARD_SIZE);
    expect(png.byteLength).toBeLessThan(200 * 1024);
  });
});
