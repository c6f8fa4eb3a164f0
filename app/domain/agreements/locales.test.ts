import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import enAgreements from "../../../public/locales/en/agreements.json";
import nlAgreements from "../../../public/locales/nl/agreements.json";

type Tree = { [key: string]: string | Tree };

function leaves(tree: Tree, prefix = ""): string[] {
  return Object.entries(tree).flatMap(([key, value]) => (typeof value === "string" ? [`${prefix}${key}`] : leaves(value, `${prefix}${key}.`)));
}
const text = (tree: Tree, key: string) => key.split(".").reduce<Tree | string>((node, part) => (node as Tree)[part], tree) as string;
const placeholders = (value: string) => [...value.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();

const root = path.resolve(__dirname, "../../..");
const files = [
  ...readdirSync(path.join(root, "app/routes"))
    .filter((f) => /^(client|vendor)\.\$orgId\.agreements|^verify/.test(f))
    .map((f) => path.join(root, "app/routes", f)),
  ...readdirSync(path.join(root, "app/components/agreements")).map((f) => path.join(root, "app/components/agreements", f)),
  ...readdirSync(path.join(root, "app/domain/agreements"))
    .filter((f) => !f.includes(".test."))
    .map((f) => path.join(root, "app/domain/agreements", f)),
];

describe("agreements strings", () => {
  it("has the same keys and placeholders in Dutch and English, and addresses the Dutch reader with u", () => {
    expect(leaves(nlAgreements as Tree).sort()).toEqual(leaves(enAgreements as Tree).sort());
    for (const key of leaves(enAgreements as Tree)) {
      const nl = text(nlAgreements as Tree, key);
      expect(placeholders(nl), key).toEqual(placeholders(text(enAgreements as Tree, key)));
      expect(nl, key).not.toMatch(/\b(je|jij|jou|jouw)\b/i);
    }
  });

  it("has a label for every status and a text for every publish issue and verify answer", () => {
    for (const status of ["draft", "sent", "changes_requested", "signed_by_vendor", "in_force", "superseded", "expired", "terminated"]) expect(text(enAgreements as Tree, `status.${status}`)).toBeTruthy();
    for (const code of ["unknown_merge_field", "duplicate_clause_key", "invalid_content"]) expect(text(nlAgreements as Tree, `editor.issues.${code}`)).toBeTruthy();
    for (const result of ["valid", "ended", "not_found"]) expect(text(nlAgreements as Tree, `verify.results.${result}`)).toBeTruthy();
    for (const notice of ["signed", "already_signed", "commented", "terminated", "attached", "detached"]) expect(text(enAgreements as Tree, `detail.notices.${notice}`)).toBeTruthy();
  });

  it("defines every literal agreements: key the pages, components and use cases name", () => {
    const keys = new Set(leaves(enAgreements as Tree));
    const used = files.flatMap((file) => {
      const source = readFileSync(file, "utf8");
      return [...source.matchAll(/agreements:([a-zA-Z_]+(?:\.[a-zA-Z_]+)+)/g)]
        // A key built at run time (`agreements:status.${status}`) is checked by its own test.
        .filter((m) => !source.startsWith(".${", m.index + m[0].length))
        .map((m) => `${path.basename(file)}: ${m[1]}`);
    });
    expect(used.length).toBeGreaterThan(50);
    expect(used.filter((u) => !keys.has(u.split(": ")[1]))).toEqual([]);
  });
});
