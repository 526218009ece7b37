import { readFileSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { RUN_LENGTH, sharedRuns, words } from "../../support/copied-text";

const repo = fileURLToPath(new URL("../../../", import.meta.url));
const seedDir = fileURLToPath(new URL("../../../../shared/seed/", import.meta.url));
const contentDir = join(repo, "content");

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

const seeds = readdirSync(seedDir)
  .filter((f) => f.endsWith(".txt"))
  .map((f) => ({ name: f, text: readFileSync(join(seedDir, f), "utf8") }));
const contentFiles = filesUnder(contentDir).filter((f) => /\.(mdx?|txt|json|ya?ml)$/.test(f));

describe("the chapters are written in our own words", () => {
  it("has a seed article and chapter files to compare", () => {
    expect(seeds.length).toBeGreaterThan(0);
    expect(words(seeds[0]!.text).length).toBeGreaterThan(500);
    expect(contentFiles.length).toBeGreaterThan(0);
  });

  it.each(contentFiles.map((f) => [f.slice(repo.length)] as const))(
    `%s shares no ${RUN_LENGTH}-word run with the seed article`,
    (file) => {
      const text = readFileSync(join(repo, file), "utf8");
      for (const seed of seeds) expect(sharedRuns(seed.text, text), `${file} vs ${seed.name}`).toEqual([]);
    },
  );
});

describe("the copied-text check itself", () => {
  const article = seeds[0]!.text;
  it("catches a sentence of the article pasted into MDX, despite markup and reflowing", () => {
    const pasted =
      "Some intro.\n\n**Object detection** is one of the most widely studied topics\nin the _computer vision_ community.";
    expect(sharedRuns(article, pasted).length).toBeGreaterThan(0);
  });
  it("does not flag a run of eleven shared words", () => {
    // the article's first twelve words, minus the last one
    const eleven = words(article)
      .slice(words(article).indexOf("object"), words(article).indexOf("object") + 11)
      .join(" ");
    expect(sharedRuns(article, `${eleven} and then something different`)).toEqual([]);
  });
});
