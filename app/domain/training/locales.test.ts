import { describe, expect, it } from "vitest";
import en from "../../../public/locales/en/training.json";
import nl from "../../../public/locales/nl/training.json";
import { TRAINING_ROLES, TRAINING_TOPICS } from "./rules";

function keys(value: unknown, prefix = ""): string[] {
  if (value === null || typeof value !== "object" || Array.isArray(value)) return [prefix];
  return Object.entries(value as Record<string, unknown>).flatMap(([k, v]) => keys(v, prefix ? `${prefix}.${k}` : k));
}
const at = (tree: unknown, key: string) => key.split(".").reduce<unknown>((o, p) => (o as Record<string, unknown>)?.[p], tree);
const placeholders = (text: string) => [...text.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();

describe("training strings", () => {
  it("has the same keys in English and Dutch", () => {
    expect(keys(nl).sort()).toEqual(keys(en).sort());
  });

  it("uses the same placeholders in both languages (notifications pick their language's title)", () => {
    for (const key of keys(nl)) {
      const normalise = (list: string[]) => list.map((p) => (p === "titleEn" ? "title" : p));
      expect(normalise(placeholders(String(at(nl, key)))), key).toEqual(normalise(placeholders(String(at(en, key)))));
    }
  });

  it("names every topic and role of the catalogue", () => {
    for (const topic of TRAINING_TOPICS) expect(at(en, `topics.${topic}`), topic).toBeTypeOf("string");
    for (const role of TRAINING_ROLES) expect(at(nl, `roles.${role}`), role).toBeTypeOf("string");
  });

  it("addresses the reader with u, never je or jij", () => {
    for (const key of keys(nl)) expect(String(at(nl, key)), key).not.toMatch(/\b(je|jij|jou|jouw)\b/i);
  });
});
