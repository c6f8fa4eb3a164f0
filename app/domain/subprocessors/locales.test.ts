import { describe, expect, it } from "vitest";
import en from "../../../public/locales/en/subprocessors.json";
import nl from "../../../public/locales/nl/subprocessors.json";
import { subprocessorEventKinds, subprocessorStatuses, transferMechanisms } from "./register";

function flatten(value: unknown, prefix = ""): Record<string, string> {
  if (typeof value === "string") return { [prefix]: value };
  return Object.entries(value as Record<string, unknown>).reduce<Record<string, string>>(
    (all, [k, v]) => ({ ...all, ...flatten(v, prefix ? `${prefix}.${k}` : k) }),
    {},
  );
}
const placeholders = (text: string) => [...text.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();

describe("subprocessors.json", () => {
  const flatEn = flatten(en);
  const flatNl = flatten(nl);

  it("has the same keys and placeholders in English and Dutch", () => {
    expect(Object.keys(flatNl).sort()).toEqual(Object.keys(flatEn).sort());
    for (const key of Object.keys(flatEn)) expect(placeholders(flatNl[key]), key).toEqual(placeholders(flatEn[key]));
  });

  it("addresses the reader with u, never je or jij", () => {
    for (const text of Object.values(flatNl)) expect(text).not.toMatch(/\b(je|jij|jou|jouw)\b/i);
  });

  it("labels every status, history event and transfer mechanism", () => {
    for (const flat of [flatEn, flatNl]) {
      for (const s of subprocessorStatuses) expect(flat[`status.${s}`], s).toBeTruthy();
      for (const e of subprocessorEventKinds) expect(flat[`history.events.${e}`], e).toBeTruthy();
      for (const m of transferMechanisms) expect(flat[`transfer.mechanisms.${m}`], m).toBeTruthy();
    }
  });
});
