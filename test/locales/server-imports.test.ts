import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";

/**
 * The browser bundle gets `*.server` modules as empty shells. A route or component that uses a
 * value imported from one at module level (outside loader/action/function bodies) crashes in the
 * browser before hydration, while every server-side test passes.
 */
function moduleLevelServerUses(file: string): string[] {
  const source = ts.createSourceFile(file, readFileSync(file, "utf8"), ts.ScriptTarget.Latest, true, ts.ScriptKind.TSX);
  const serverNames = new Set<string>();
  for (const statement of source.statements) {
    if (!ts.isImportDeclaration(statement) || statement.importClause?.isTypeOnly) continue;
    const from = (statement.moduleSpecifier as ts.StringLiteral).text;
    if (!/\.server$/.test(from)) continue;
    const bindings = statement.importClause?.namedBindings;
    if (bindings && ts.isNamedImports(bindings)) {
      for (const element of bindings.elements) if (!element.isTypeOnly) serverNames.add(element.name.text);
    }
    if (statement.importClause?.name) serverNames.add(statement.importClause.name.text);
  }
  const uses: string[] = [];
  const visit = (node: ts.Node) => {
    if (ts.isFunctionLike(node)) return; // runs on the server only when called from loader/action
    if (ts.isIdentifier(node) && serverNames.has(node.text) && !ts.isImportSpecifier(node.parent)) {
      uses.push(`${path.basename(file)}: ${node.text}`);
    }
    ts.forEachChild(node, visit);
  };
  for (const statement of source.statements) {
    if (ts.isImportDeclaration(statement) || ts.isFunctionDeclaration(statement)) continue;
    if (ts.isExportDeclaration(statement)) continue;
    visit(statement);
  }
  return uses;
}

const root = path.resolve(__dirname, "../../app");
const browserFiles = [
  ...readdirSync(path.join(root, "routes")).map((f) => path.join(root, "routes", f)),
  ...readdirSync(path.join(root, "components")).map((f) => path.join(root, "components", f)),
  path.join(root, "root.tsx"),
].filter((f) => /\.tsx?$/.test(f) && !/\.(server|test)\.tsx?$/.test(f));

describe("browser bundle", () => {
  it("finds a module-level use of a server import (the check itself works)", () => {
    const probe = path.join(__dirname, "__probe.tsx");
    const { writeFileSync, rmSync } = require("node:fs") as typeof import("node:fs");
    writeFileSync(probe, 'import { schema } from "~/x.server";\nconst combined = [schema];\nexport function loader() { return schema; }\n');
    try {
      expect(moduleLevelServerUses(probe)).toEqual(["__probe.tsx: schema"]);
    } finally {
      rmSync(probe);
    }
  });

  it("no route or component uses a *.server import outside a function", () => {
    expect(browserFiles.flatMap(moduleLevelServerUses)).toEqual([]);
  });
});
