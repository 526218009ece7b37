import { describe, expect, it } from "vitest";
import { isSliderKey, PAGE_STEPS, sliderKeyValue } from "../../../../src/lib/input/slider-keys";

const gamma = { min: 0, max: 5, step: 0.1 };
const logit = { min: -6, max: 6, step: 0.1 };
const pt = { min: 0.01, max: 0.99, step: 0.01 };

describe("sliderKeyValue", () => {
  it.each([
    ["ArrowRight", 2.1],
    ["ArrowUp", 2.1],
    ["ArrowLeft", 1.9],
    ["ArrowDown", 1.9],
    ["PageUp", 3],
    ["PageDown", 1],
    ["Home", 0],
    ["End", 5],
  ])("%s from γ = 2 gives %d", (key, expected) => {
    expect(sliderKeyValue(key, 2, gamma)).toBe(expected);
  });

  it("PageDown moves down and PageUp up, by ten steps (d-slider's PageDown went up)", () => {
    expect(PAGE_STEPS).toBe(10);
    expect(sliderKeyValue("PageDown", 0.5, pt)).toBe(0.4);
    expect(sliderKeyValue("PageUp", 0.5, pt)).toBe(0.6);
    expect(sliderKeyValue("PageDown", 2, logit)).toBe(1);
  });

  it("Shift makes an arrow a page step, and leaves the page keys at one page", () => {
    expect(sliderKeyValue("ArrowRight", 2, gamma, { shift: true })).toBe(3);
    expect(sliderKeyValue("ArrowDown", 2, gamma, { shift: true })).toBe(1);
    expect(sliderKeyValue("PageUp", 2, gamma, { shift: true })).toBe(3);
    expect(sliderKeyValue("Home", 2, gamma, { shift: true })).toBe(0);
  });

  it("clamps at both ends", () => {
    expect(sliderKeyValue("ArrowRight", 5, gamma)).toBe(5);
    expect(sliderKeyValue("PageUp", 4.5, gamma)).toBe(5);
    expect(sliderKeyValue("ArrowLeft", 0, gamma)).toBe(0);
    expect(sliderKeyValue("PageDown", 0.05, pt)).toBe(0.01);
    expect(sliderKeyValue("ArrowDown", -5.95, logit)).toBe(-6);
    expect(sliderKeyValue("ArrowUp", 6, logit)).toBe(6);
  });

  it("lands on the step grid in decimal, from min, even from a value a pointer left between steps", () => {
    expect(sliderKeyValue("ArrowRight", 0.2, gamma)).toBe(0.3);
    expect(sliderKeyValue("ArrowRight", 0.437, { min: 0, max: 1, step: 0.01 })).toBe(0.45);
    expect(sliderKeyValue("ArrowLeft", 0.437, { min: 0, max: 1, step: 0.01 })).toBe(0.43);
    expect(sliderKeyValue("ArrowRight", 2.37, logit)).toBe(2.5);
    // The grid starts at min: with min 0.01 and step 0.02 the values are odd hundredths.
    expect(sliderKeyValue("ArrowUp", 0.51, { min: 0.01, max: 0.99, step: 0.02 })).toBe(0.53);
    expect(sliderKeyValue("ArrowUp", 0.512, { min: 0.01, max: 0.99, step: 0.02 })).toBe(0.53);
  });

  it("starts from min when the value is not a number", () => {
    expect(sliderKeyValue("ArrowRight", Number.NaN, gamma)).toBe(0.1);
  });

  it("ignores keys that are not slider keys", () => {
    for (const key of ["Enter", " ", "Escape", "Tab", "a", "Delete"])
      expect(sliderKeyValue(key, 2, gamma)).toBeUndefined();
  });
});

describe("isSliderKey", () => {
  it("is true exactly for the keys sliderKeyValue moves by", () => {
    for (const key of ["ArrowRight", "ArrowUp", "ArrowLeft", "ArrowDown", "PageUp", "PageDown", "Home", "End"]) {
      expect(isSliderKey(key), key).toBe(true);
      expect(sliderKeyValue(key, 2, gamma), key).toBeDefined();
    }
    for (const key of ["Escape", " ", "Enter", "a", "toString", "hasOwnProperty"]) {
      expect(isSliderKey(key), key).toBe(false);
      expect(sliderKeyValue(key, 2, gamma), key).toBeUndefined();
    }
  });
});
