import { describe, expect, it } from "vitest";
import enAccount from "../../public/locales/en/account.json";
import enAudit from "../../public/locales/en/audit.json";
import nlAccount from "../../public/locales/nl/account.json";
import nlAudit from "../../public/locales/nl/audit.json";

function keys(value: unknown, prefix = ""): string[] {
  if (value === null || typeof value !== "object" || Array.isArray(value)) return [prefix];
  return Object.entries(value as Record<string, unknown>).flatMap(([k, v]) => keys(v, prefix ? `${prefix}.${k}` : k));
}

function values(value: unknown): string[] {
  if (typeof value === "string") return [value];
  if (value && typeof value === "object") return Object.values(value).flatMap(values);
  return [];
}

const placeholders = (text: string) => [...text.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();

describe.each([
  ["account", enAccount, nlAccount],
  ["audit", enAudit, nlAudit],
])("%s.json", (_name, en, nl) => {
  it("has the same keys in English and Dutch", () => {
    expect(keys(nl).sort()).toEqual(keys(en).sort());
  });

  it("uses the same placeholders in both languages", () => {
    const enFlat = Object.fromEntries(keys(en).map((k) => [k, k.split(".").reduce<unknown>((o, p) => (o as Record<string, unknown>)?.[p], en)]));
    for (const key of keys(nl)) {
      const nlText = key.split(".").reduce<unknown>((o, p) => (o as Record<string, unknown>)?.[p], nl);
      expect(placeholders(String(nlText)), key).toEqual(placeholders(String(enFlat[key])));
    }
  });

  it("addresses the reader with u, never je or jij", () => {
    for (const text of values(nl)) expect(text, text).not.toMatch(/\b(je|jij|jou|jouw)\b/i);
  });
});

it("labels every action the portal records so far", () => {
  const actions = [
    "auth.signed_in", "auth.sign_in_failed", "auth.sign_in_throttled", "auth.signed_out", "organization.created",
    "membership.created", "membership.role_changed", "membership.removed", "invitation.created", "invitation.accepted",
    "invitation.revoked", "partnership.created", "partnership.updated", "partnership.activated", "user.profile_updated",
    "user.password_changed", "session.revoked", "audit_trail.exported",
  ];
  for (const labels of [enAudit.actionLabels, nlAudit.actionLabels]) {
    expect(Object.keys(labels)).toEqual(expect.arrayContaining(actions));
  }
});
