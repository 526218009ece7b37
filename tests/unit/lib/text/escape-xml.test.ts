import { describe, expect, it } from "vitest";
import { escapeXml } from "../../../../src/lib/text/escape-xml";

describe("escapeXml", () => {
  it.each([
    ["a&b", "a&amp;b"],
    [`"`, "&quot;"],
    ["<>", "&lt;&gt;"],
    ["&lt;", "&amp;lt;"],
    ["plain 0.25, γ = 2", "plain 0.25, γ = 2"],
  ])("%s → %s", (input, expected) => expect(escapeXml(input)).toBe(expected));
});
