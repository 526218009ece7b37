import { describe, expect, it } from "vitest";
import { attrText, node, sceneToMarkup } from "../../../src/charts/scene";
import { tickLabels, logTickLabels } from "../../../src/charts/axes";

describe("sceneToMarkup", () => {
  it("prints nested nodes with their keys, skips null attributes and escapes text and attribute values", () => {
    const scene = node("svg", "root", { viewBox: "0 0 10 10", hidden: null }, [
      node("g", "group", { class: 'a"b' }, [node("text", "t", { x: 1.23456 }, "<b>&</b>")]),
    ]);
    expect(sceneToMarkup(scene)).toBe(
      '<svg data-key="root" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><g data-key="group" class="a&quot;b">' +
        '<text data-key="t" x="1.23">&lt;b&gt;&amp;&lt;/b&gt;</text></g></svg>',
    );
  });

  it("prints numbers to a hundredth of a pixel", () => {
    expect(attrText(12)).toBe("12");
    expect(attrText(1 / 3)).toBe("0.33");
    expect(attrText(-0.004)).toBe("0");
  });
});

describe("tick labels", () => {
  it("use as few decimals as each tick needs, with a true minus sign", () => {
    expect(tickLabels([0, 0.2, 1, -1.4, 6])).toEqual(["0", "0.2", "1", "−1.4", "6"]);
  });
  it("write small powers of ten on a log axis as 10⁻ⁿ", () => {
    expect(logTickLabels([1e-4, 1e-3, 0.01, 0.1, 1])).toEqual(["10⁻⁴", "10⁻³", "0.01", "0.1", "1"]);
  });
});
