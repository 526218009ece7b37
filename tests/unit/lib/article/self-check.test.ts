import { describe, expect, it } from "vitest";
import { readdirSync, readFileSync } from "node:fs";
import { checkNumber, parseReaderNumber, toleranceText } from "../../../../src/lib/article/self-check";
import { ANSWER_NAMES, gammaForKeptShare, numericAnswer } from "../../../../src/lib/article/self-check-answers";

describe("parseReaderNumber", () => {
  it.each([
    ["0.25", "", 0.25],
    [" −0.3 ", "", -0.3],
    ["1e-3", "", 0.001],
    ["1,600", "", 1600],
    [".5", "", 0.5],
    ["95%", "%", 95],
    ["95 %", "%", 95],
    ["2", "", 2],
  ] as const)("%s → %d", (text, unit, value) => {
    expect(parseReaderNumber(text, unit)).toBe(value);
  });
  it.each(["", "abc", "1..2", "1,60", "Infinity", "NaN", "1e999", "95%"])("rejects %j", (text) => {
    expect(parseReaderNumber(text, "")).toBeNull();
  });
});

describe("checkNumber", () => {
  it("accepts within a relative tolerance and says which way a miss is", () => {
    const answer = { value: 100, tolerance: { kind: "relative" as const, amount: 0.1 } };
    expect(checkNumber(109, answer)).toBe("right");
    expect(checkNumber(91, answer)).toBe("right");
    expect(checkNumber(89, answer)).toBe("too-low");
    expect(checkNumber(111, answer)).toBe("too-high");
  });
  it("accepts within an absolute tolerance", () => {
    const answer = { value: -4.6, tolerance: { kind: "absolute" as const, amount: 0.05 } };
    expect(checkNumber(-4.62, answer)).toBe("right");
    expect(checkNumber(-4.7, answer)).toBe("too-low");
  });
});

describe("the answers are the module's values, checked here from their definitions", () => {
  const independent: Record<string, number> = {
    "why.backgroundShare": (100 * (99_900 * -Math.log(0.99))) / (99_900 * -Math.log(0.99) + 100 * Math.LN2),
    "what.reductionAt09": 100,
    "ce.ceAt01": Math.log(10),
    "bce.background02": -0.75 * Math.log(0.8),
    "fl.gammaKeeps1Percent": 2,
    "fl.ptAt1000": 1 - 1 / Math.sqrt(1000),
    "cevfl.ratioFg095": 1 / (0.25 * 0.05 ** 2),
    "final.priorBias": Math.log(0.01 / 0.99),
    "lab.ceEasyPrior": -Math.log(0.99),
    "detector.ceAtZeroBias": Math.LN2,
    "anchors.p3At640": (640 / 8) * (640 / 8) * 9, // an 80 × 80 grid of stride 8, 3 scales × 3 ratios at each location // −ln(1 − σ(0)) = ln 2
    "code.meanFactor": 99_000 / 100, // the image's 100 000 anchors less its 1 000 ignored, over 100 positives
    "code.zeroFrom64": 36.8,
  };
  it("every answer has an independent check", () => {
    expect([...ANSWER_NAMES].sort()).toEqual(Object.keys(independent).sort());
  });
  it.each(Object.entries(independent))("%s", (name, value) => {
    expect(Math.abs(numericAnswer(name).value - value)).toBeLessThanOrEqual(1e-9 * Math.abs(value));
  });
  it("an unknown answer is a RangeError naming the known ones", () => {
    expect(() => numericAnswer("nope")).toThrow(/answer must be one of .*got nope/);
  });
  it("γ for a kept share validates its inputs", () => {
    expect(() => gammaForKeptShare(1, 0.5)).toThrow(RangeError);
    expect(() => gammaForKeptShare(0.5, 0)).toThrow(RangeError);
  });
  it("tolerances read in words", () => {
    expect(toleranceText(numericAnswer("what.reductionAt09"))).toBe("within 10% of the exact value");
    expect(toleranceText(numericAnswer("why.backgroundShare"))).toBe("within ±5 percentage points of the exact value");
  });
});

describe("every chapter ends with 2 to 4 questions that name real answers", () => {
  const dir = new URL("../../../../content/chapters/", import.meta.url);
  const files = readdirSync(dir).filter((f) => f.endsWith(".mdx"));
  it.each(files)("%s", (file) => {
    const text = readFileSync(new URL(file, dir), "utf8");
    const at = text.lastIndexOf("## Check yourself");
    expect(at).toBeGreaterThan(0);
    const section = text.slice(at);
    expect(section.trimEnd().endsWith("</SelfCheck>")).toBe(true);
    const questions = (section.match(/<Estimate |<Choice /g) ?? []).length;
    expect(questions).toBeGreaterThanOrEqual(2);
    expect(questions).toBeLessThanOrEqual(4);
    for (const [, name] of section.matchAll(/answer="([^"]+)"/g)) expect(ANSWER_NAMES).toContain(name);
    for (const [, body] of section.matchAll(/<Choice id="[^"]+">([\s\S]*?)<\/Choice>/g)) {
      expect((body!.match(/<Option [^>]*\bcorrect>/g) ?? []).length).toBe(1);
      expect((body!.match(/<Fragment slot="why">/g) ?? []).length).toBe((body!.match(/<Option /g) ?? []).length);
    }
  });
});
