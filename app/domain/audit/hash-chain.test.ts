import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { canonicalJson, findChainBreak, GENESIS_HASH, hashEvent, type ChainedFields } from "./hash-chain";

function chain(count: number) {
  const events: (ChainedFields & { id: number; hash: string })[] = [];
  let prev = GENESIS_HASH;
  for (let i = 1; i <= count; i++) {
    const fields: ChainedFields = {
      organizationId: "org",
      actorUserId: null,
      actorLabel: null,
      action: `a.${i}`,
      entityType: "thing",
      entityId: String(i),
      summary: { n: i, nested: { b: 1, a: 2 } },
      ipAddress: null,
      userAgent: null,
      createdAt: new Date(1_700_000_000_000 + i),
      prevHash: prev,
    };
    const hash = hashEvent(fields);
    events.push({ ...fields, id: i, hash });
    prev = hash;
  }
  return events;
}

describe("audit hash chain", () => {
  it("accepts an intact chain", () => {
    const result = findChainBreak(chain(5));
    expect(result.break).toBeUndefined();
    expect(result.checked).toBe(5);
  });

  it("names the first row whose content changed", () => {
    const events = chain(5);
    events[2] = { ...events[2], summary: { n: 999 } };
    expect(findChainBreak(events).break).toEqual({ id: 3, reason: "hash_mismatch" });
  });

  it("notices a deleted row by the broken link after it", () => {
    const events = chain(5);
    events.splice(1, 1);
    expect(findChainBreak(events).break).toEqual({ id: 3, reason: "prev_hash_mismatch" });
  });

  it("hashes the same whatever the order of keys (jsonb reorders them)", () => {
    fc.assert(
      fc.property(fc.dictionary(fc.string(), fc.oneof(fc.integer(), fc.string(), fc.boolean())), (obj) => {
        const reversed = Object.fromEntries(Object.entries(obj).reverse());
        expect(canonicalJson(reversed)).toBe(canonicalJson(obj));
      }),
    );
  });
});
