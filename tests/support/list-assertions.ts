/**
 * Prints every test and every assertion of the given test files as a Markdown
 * list, for tests/INVENTORY.md: the describe blocks, tests and steps with their
 * line and title, and under each the first line of every `expect(...)`,
 * `expect.soft(...)`, `expect.poll(...)`, `expect.soft.poll(...)` (or `soft(...)`, the audit's alias).
 * Assertions in a file's helpers (outside any test) are listed under the
 * helper's name, with the tests that call it left to the reader.
 *
 *   node tests/support/list-assertions.ts tests/e2e/*.spec.ts > /tmp/list.md
 */
import { readFileSync } from "node:fs";
import ts from "typescript";

const TEST_CALLS = new Set(["test", "test.describe", "test.step", "test.describe.serial", "it", "describe"]);
const ASSERTIONS = new Set(["expect", "expect.soft", "expect.poll", "expect.soft.poll", "soft"]);

const calleeName = (call: ts.CallExpression, source: ts.SourceFile) =>
  call.expression.getText(source).replace(/\s+/g, "");
const oneLine = (text: string, max = 180) => {
  const flat = text.replace(/\s+/g, " ").trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
};

function listFile(file: string): string[] {
  const source = ts.createSourceFile(file, readFileSync(file, "utf8"), ts.ScriptTarget.Latest, true);
  const out: string[] = [];
  const line = (node: ts.Node) => source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1;
  const seenStatements = new Set<ts.Node>();

  const visit = (node: ts.Node, depth: number, inTest: boolean, inHelper = false) => {
    if (ts.isCallExpression(node)) {
      const name = calleeName(node, source);
      if (TEST_CALLS.has(name) && node.arguments.length >= 2) {
        const kind = name.includes("describe") ? "describe" : name.endsWith("step") ? "step" : "test";
        out.push(
          `${"  ".repeat(depth)}- **${kind}** (L${line(node)}) ${oneLine(node.arguments[0]!.getText(source), 160)}`,
        );
        for (const arg of node.arguments.slice(1)) visit(arg, depth + 1, inTest || kind !== "describe", inHelper);
        return;
      }
      if (ASSERTIONS.has(name)) {
        // The whole assertion (the chain the expect call starts), once per statement.
        let top: ts.Node = node;
        while (
          top.parent &&
          (ts.isPropertyAccessExpression(top.parent) ||
            ts.isCallExpression(top.parent) ||
            ts.isAwaitExpression(top.parent) ||
            ts.isNonNullExpression(top.parent))
        )
          top = top.parent;
        if (!seenStatements.has(top)) {
          seenStatements.add(top);
          out.push(`${"  ".repeat(depth)}- L${line(node)} \`${oneLine(top.getText(source)).replace(/`/g, "'")}\``);
        }
        return;
      }
    }
    // A helper outside any test: name it, so its assertions have a home.
    if (!inTest && !inHelper && (ts.isFunctionDeclaration(node) || ts.isVariableDeclaration(node)) && node.name) {
      const before = out.length;
      const header = `${"  ".repeat(depth)}- **helper** (L${line(node)}) \`${node.name.getText(source)}\``;
      ts.forEachChild(node, (child) => visit(child, depth + 1, false, true));
      if (out.length > before) out.splice(before, 0, header);
      return;
    }
    ts.forEachChild(node, (child) => visit(child, depth, inTest, inHelper));
  };
  visit(source, 0, false);
  return out;
}

for (const file of process.argv.slice(2)) {
  const lines = listFile(file);
  const tests = lines.filter((l) => l.includes("- **test**")).length;
  const assertions = lines.filter((l) => /^\s*- L\d+/.test(l)).length;
  console.log(`### ${file}\n\n${tests} tests (a loop's test counted once), ${assertions} assertion lines.\n`);
  console.log(lines.join("\n"));
  console.log("");
}
