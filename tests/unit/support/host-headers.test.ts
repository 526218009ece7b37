import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { headersFor, parseHeadersFile } from "../../e2e/support/host-headers";

describe("the _headers file, as the test server's Netlify-style host reads it", () => {
  it("sends the CORS header with both standalone scripts and nothing else", () => {
    const rules = parseHeadersFile(readFileSync("public/_headers", "utf8"));
    for (const path of ["/embed/focal-loss.js", "/embed/focal-loss.classic.js"])
      expect(headersFor(rules, path)).toEqual({ "access-control-allow-origin": "*" });
    for (const path of ["/", "/index.html", "/embed/focal-curves/", "/embed/focal-loss.jsx"])
      expect(headersFor(rules, path)).toEqual({});
  });

  it("matches * anywhere in a path, treats other characters literally and merges every matching rule", () => {
    const rules = parseHeadersFile("# a comment\n/a/*\n  X-One: 1\n/a/b.js\n  X-Two: 2\n\n/c.d\n  X-Three: 3\n");
    expect(headersFor(rules, "/a/b.js")).toEqual({ "x-one": "1", "x-two": "2" });
    expect(headersFor(rules, "/a/")).toEqual({ "x-one": "1" });
    expect(headersFor(rules, "/cxd")).toEqual({});
    expect(headersFor(rules, "/c.d")).toEqual({ "x-three": "3" });
  });
});
