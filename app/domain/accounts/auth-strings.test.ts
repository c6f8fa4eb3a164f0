import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import en from "../../../public/locales/en/auth.json";
import nl from "../../../public/locales/nl/auth.json";

/** The accounts screens and use cases speak only through keys that exist in both languages. */
const sources = [
  "app/domain/accounts/magic-link.server.ts",
  "app/domain/accounts/accept-invitation.server.ts",
  "app/domain/accounts/members.server.ts",
  "app/routes/sign-in_.link.tsx",
  "app/routes/sign-in_.link_.$token.tsx",
  "app/routes/invitations.$token.tsx",
  "app/components/members-page.tsx",
];

const root = path.resolve(__dirname, "../../..");

function leaves(value: unknown, prefix = ""): string[] {
  if (typeof value !== "object" || value === null) return [prefix];
  return Object.entries(value).flatMap(([key, child]) => leaves(child, prefix ? `${prefix}.${key}` : key));
}

describe("auth strings", () => {
  it("has the same keys in Dutch and English", () => {
    expect(leaves(nl).sort()).toEqual(leaves(en).sort());
  });

  it("has every auth: key the accounts code uses", () => {
    const keys = new Set(leaves(en));
    const used = sources.flatMap((file) =>
      [...readFileSync(path.join(root, file), "utf8").matchAll(/["`]auth:([A-Za-z0-9_.]+)(\$\{)?/g)]
        // Keys built from a value (states.${state}) are checked by their known prefix.
        .map((m) => (m[2] ? null : m[1]))
        .filter((k): k is string => !!k && !k.endsWith(".")),
    );
    expect(used.length).toBeGreaterThan(30);
    expect(used.filter((k) => !keys.has(k))).toEqual([]);
    for (const state of ["invalid", "expired", "revoked", "accepted"]) {
      expect(keys.has(`invitation.states.${state}.title`) && keys.has(`invitation.states.${state}.body`)).toBe(true);
    }
  });
});
