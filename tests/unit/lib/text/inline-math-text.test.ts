import { describe, expect, it } from "vitest";
import { inlineMathText } from "../../../../src/lib/text/inline-math-text";

describe("inlineMathText", () => {
  it.each([
    ["rewritten in terms of $p_t$, the probability", "rewritten in terms of pₜ, the probability"],
    ["The modulating factor $(1 - p_t)^\\gamma$, the formula", "The modulating factor (1 − pₜ)ᵞ, the formula"],
    ["weights $\\alpha_t$ and $x_t$", "weights αₜ and xₜ"],
    ["no math at all", "no math at all"],
  ])("%s", (tex, text) => {
    expect(inlineMathText(tex)).toBe(text);
  });

  it("leaves no TeX behind in any chapter summary", async () => {
    const { readFileSync, readdirSync } = await import("node:fs");
    const dir = "content/chapters";
    for (const file of readdirSync(dir).filter((f) => f.endsWith(".mdx"))) {
      const summary = /^summary: (.*)$/m.exec(readFileSync(`${dir}/${file}`, "utf8"))?.[1] ?? "";
      expect(inlineMathText(summary), file).not.toMatch(/[\\$_^]/);
    }
  });
});
