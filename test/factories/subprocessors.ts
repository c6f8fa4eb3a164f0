import { randomUUID } from "node:crypto";
import type { Executor } from "#db/client.server";
import { subprocessorEvents, subprocessors } from "#db/schema/index";

/**
 * A register entry written directly (no notifications, no audit event), with its first history
 * event; for tests and demo data. Defaults: a pending EEA proposal due in 30 days from today.
 */
export async function createSubprocessor(
  executor: Executor,
  partnershipId: string,
  overrides: Partial<typeof subprocessors.$inferInsert> = {},
) {
  const [row] = await executor
    .insert(subprocessors)
    .values({
      partnershipId,
      name: `Sub ${randomUUID().slice(0, 8)}`,
      service: "Telephony platform",
      country: "NL",
      dataAccessed: "Names, phone numbers, call recordings",
      transferMechanism: null,
      status: "proposed",
      objectionDeadline: new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10),
      ...overrides,
    })
    .returning();
  await executor.insert(subprocessorEvents).values({
    subprocessorId: row.id,
    event: "proposed",
    actorUserId: row.proposedByUserId,
    createdAt: row.proposedAt,
  });
  if (row.status === "approved") {
    await executor.insert(subprocessorEvents).values({
      subprocessorId: row.id,
      event: row.decidedByUserId ? "approved" : "approved_by_lapse",
      actorUserId: row.decidedByUserId,
      createdAt: row.decidedAt ?? new Date(),
    });
  }
  return row;
}
