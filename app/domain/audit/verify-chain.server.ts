import { asc, gt } from "drizzle-orm";
import type { Executor } from "#db/client.server";
import { auditEvents } from "#db/schema/index";
import { findChainBreak, GENESIS_HASH, type ChainBreak } from "./hash-chain";

/** Verifies the whole audit chain in pages, so a long trail never sits in memory at once. */
export async function verifyAuditChain(
  executor: Executor,
  pageSize = 2000,
): Promise<{ ok: boolean; checked: number; break?: ChainBreak }> {
  let lastId = 0;
  let lastHash = GENESIS_HASH;
  let checked = 0;
  for (;;) {
    const page = await executor
      .select()
      .from(auditEvents)
      .where(gt(auditEvents.id, lastId))
      .orderBy(asc(auditEvents.id))
      .limit(pageSize);
    if (page.length === 0) return { ok: true, checked };
    const result = findChainBreak(page, lastHash);
    checked += result.checked;
    if (result.break) return { ok: false, checked, break: result.break };
    lastHash = result.lastHash;
    lastId = page[page.length - 1].id;
  }
}
