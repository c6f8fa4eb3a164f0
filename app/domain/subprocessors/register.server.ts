import { db, type Executor } from "#db/client.server";
import {
  countPendingByPartnership,
  findEventsOf,
  findNoticeDaysInForce,
  findPendingProposalsForClient,
  findRegisterEntries,
  getRegisterPartnership,
  insertEntry,
  insertEvent,
  lockEntry,
  updateEntry,
  type RegisterScope,
} from "#db/queries/subprocessors";
import { isUuid } from "~/auth/guards.server";
import { can, type Actor } from "~/auth/policy";
import { recordAuditEvent, type RequestMeta } from "~/domain/audit/record-event.server";
import { DomainError } from "~/domain/errors";
import { afterCommitDeliverMail } from "~/domain/notifications/enqueue-email.server";
import { notifyMembers, type NotifyMembersInput } from "~/domain/notifications/notify-members.server";
import { countryName } from "~/domain/orgs/countries";
import { formatCalendarDate, todayInDisplayZone } from "~/utils/dates";
import {
  changedFields,
  checkDecision,
  daysLeft,
  noticeDaysFrom,
  objectionDeadline,
  parseTransferMechanism,
  registerOrder,
  vendorActions,
  type EntryInput,
  type SubprocessorStatus,
} from "./register";

/** Who hears of a proposal or a removal on the client's side, and of a decision on the vendor's. */
export const CLIENT_RECIPIENT_ROLES = ["admin", "manager"];
export const VENDOR_RECIPIENT_ROLES = ["admin", "responder"];

const scopeOf = (actor: Actor): RegisterScope => ({ side: actor.organizationKind === "client" ? "client" : "vendor", orgId: actor.organizationId });

const clientPath = (clientOrgId: string, partnershipId: string) => `/client/${clientOrgId}/partners/${partnershipId}/subprocessors`;
const vendorPath = (vendorOrgId: string, partnershipId: string) => `/vendor/${vendorOrgId}/clients/${partnershipId}/subprocessors`;

/** Tells the client's admins and managers of a change to the partnership's register. */
const notifyClient = (tx: Executor, partnership: { clientOrgId: string }, input: Omit<NotifyMembersInput, "organizationId" | "roles">) =>
  notifyMembers(tx, { organizationId: partnership.clientOrgId, roles: CLIENT_RECIPIENT_ROLES, ...input });

async function scopedPartnership(executor: Executor, actor: Actor, partnershipId: string | undefined) {
  if (!isUuid(partnershipId)) throw new DomainError("not_found");
  const partnership = await getRegisterPartnership(executor, scopeOf(actor), partnershipId);
  if (!partnership) throw new DomainError("not_found");
  return partnership;
}

/** The partnership behind the page, for the route's resource check; another tenant's: not found. */
export async function getRegisterResource(actor: Actor, partnershipId: string | undefined) {
  const p = await scopedPartnership(db(), actor, partnershipId);
  return { type: "partnership" as const, clientOrgId: p.clientOrgId, vendorOrgId: p.vendorOrgId };
}

/**
 * The register of one partnership as either side sees it: pending proposals first with their
 * deadline, then the rest, each with its history; the notice period that applies now.
 */
export async function getRegisterView(actor: Actor, partnershipId: string | undefined, today: string = todayInDisplayZone()) {
  const partnership = await scopedPartnership(db(), actor, partnershipId);
  const scope = scopeOf(actor);
  const [rows, noticeDays] = await Promise.all([
    findRegisterEntries(db(), scope, partnership.id),
    findNoticeDaysInForce(db(), partnership.id),
  ]);
  const events = await findEventsOf(db(), rows.map((r) => r.id));
  const entries = registerOrder(rows).map((row) => {
    const status = row.status as SubprocessorStatus;
    const decision = checkDecision(status, row.objectionDeadline, today);
    return {
      id: row.id,
      name: row.name,
      service: row.service,
      country: row.country,
      dataAccessed: row.dataAccessed,
      transfer: parseTransferMechanism(row.transferMechanism),
      status,
      objectionDeadline: row.objectionDeadline,
      daysLeft: status === "proposed" && row.objectionDeadline ? daysLeft(row.objectionDeadline, today) : null,
      proposedAt: row.proposedAt.toISOString(),
      proposedByName: row.proposedByName,
      decidedAt: row.decidedAt?.toISOString() ?? null,
      decidedByName: row.decidedByName,
      decisionComment: row.decisionComment,
      lockVersion: row.lockVersion,
      canDecide: actor.organizationKind === "client" && can(actor, "subprocessor.decide") && decision === "ok",
      vendorActions: actor.organizationKind === "vendor" && can(actor, "subprocessor.propose") ? vendorActions(status) : [],
      history: events
        .filter((e) => e.subprocessorId === row.id)
        .map((e) => ({ id: e.id, event: e.event, comment: e.comment, actorName: e.actorName, createdAt: e.createdAt.toISOString() })),
    };
  });
  return {
    partnership: {
      id: partnership.id,
      clientOrgId: partnership.clientOrgId,
      vendorOrgId: partnership.vendorOrgId,
      clientName: partnership.clientName,
      vendorDisplayName: partnership.vendorDisplayName,
      status: partnership.status,
    },
    noticeDays: noticeDaysFrom(noticeDays),
    isNoticeFromAgreement: noticeDays !== null,
    pendingCount: entries.filter((e) => e.status === "proposed").length,
    entries,
  };
}

/** Pending proposals per partnership, for the partnership pages' link ("3 pending"). */
export async function countPendingSubprocessors(actor: Actor, partnershipId: string): Promise<number> {
  if (!can(actor, "subprocessor.view")) return 0;
  const counts = await countPendingByPartnership(db(), scopeOf(actor), [partnershipId]);
  return counts.get(partnershipId) ?? 0;
}

/** The client's proposals awaiting a decision across all partners, for the partner register. */
export async function findClientPendingOverview(actor: Actor, today: string = todayInDisplayZone()) {
  if (actor.organizationKind !== "client" || !can(actor, "subprocessor.view")) return [];
  const rows = await findPendingProposalsForClient(db(), actor.organizationId);
  return rows.map((r) => ({ ...r, daysLeft: r.objectionDeadline ? daysLeft(r.objectionDeadline, today) : null }));
}

interface WriteInput {
  actor: Actor;
  meta: RequestMeta;
  partnershipId: string | undefined;
  appUrl: string;
}

/**
 * The vendor proposes a sub-processor: the entry with its objection deadline (today plus the
 * notice period of the agreement in force), a history event, an audit event, and the client's
 * admins and managers hear of it in-app and by e-mail in their language.
 */
export async function proposeSubprocessor(input: WriteInput & { values: EntryInput; today?: string }): Promise<{ id: string }> {
  const { actor } = input;
  if (actor.organizationKind !== "vendor" || !can(actor, "subprocessor.propose")) throw new DomainError("forbidden");
  const today = input.today ?? todayInDisplayZone();
  const result = await db().transaction(async (tx) => {
    const partnership = await scopedPartnership(tx, actor, input.partnershipId);
    if (partnership.status !== "active") throw new DomainError("invalid_state", "subprocessors:errors.partnershipInactive");
    const noticeDays = noticeDaysFrom(await findNoticeDaysInForce(tx, partnership.id));
    const deadline = objectionDeadline(today, noticeDays);
    const { id } = await insertEntry(tx, {
      partnershipId: partnership.id,
      ...input.values,
      status: "proposed",
      objectionDeadline: deadline,
      proposedByUserId: actor.userId,
    });
    await insertEvent(tx, { subprocessorId: id, event: "proposed", actorUserId: actor.userId });
    await recordEntryEvent(tx, input, "subprocessor.proposed", id, {
      partnershipId: partnership.id, clientName: partnership.clientName, ...input.values, objectionDeadline: deadline, noticeDays,
    });
    const path = clientPath(partnership.clientOrgId, partnership.id);
    await notifyClient(tx, partnership, {
      messageKey: "subprocessors:notifications.proposed",
      params: { vendorName: partnership.vendorDisplayName, name: input.values.name, deadline },
      link: path,
      email: (locale) => ({
        template: "subprocessor_proposed",
        params: {
          vendorName: partnership.vendorDisplayName,
          name: input.values.name,
          service: input.values.service,
          country: countryName(input.values.country, locale),
          deadline: formatCalendarDate(deadline, locale),
          link: `${input.appUrl}${path}`,
        },
      }),
    });
    return { id };
  });
  afterCommitDeliverMail();
  return result;
}

interface EntryWriteInput extends WriteInput {
  subprocessorId: string;
  lockVersion: number;
}

/** The audit event of a change to one register entry, by the acting user. */
function recordEntryEvent(tx: Executor, input: WriteInput, action: string, entityId: string, summary: Record<string, unknown>) {
  const actor = { actorUserId: input.actor.userId, ...input.meta };
  return recordAuditEvent(tx, actor, { organizationId: input.actor.organizationId, action, entityType: "subprocessor", entityId, summary });
}

/** Locks the caller's entry and checks that it is still in the state and version the caller saw. */
async function lockCurrent(tx: Executor, actor: Actor, input: EntryWriteInput, expected: SubprocessorStatus) {
  const partnership = await scopedPartnership(tx, actor, input.partnershipId);
  const entry = await lockEntry(tx, scopeOf(actor), partnership.id, input.subprocessorId);
  if (!entry) throw new DomainError("not_found");
  if (entry.status !== expected) throw new DomainError("conflict", "subprocessors:errors.alreadyChanged");
  if (entry.lockVersion !== input.lockVersion) throw new DomainError("conflict", "subprocessors:errors.stale");
  return { partnership, entry };
}

async function applyChange(tx: Executor, entry: { id: string; lockVersion: number; status: SubprocessorStatus }, values: Parameters<typeof updateEntry>[3]) {
  const updated = await updateEntry(tx, entry.id, { lockVersion: entry.lockVersion, status: entry.status }, values);
  // The row is locked, so this only guards against a caller that forgot to lock it.
  if (!updated) throw new DomainError("conflict", "subprocessors:errors.stale");
}

/**
 * The vendor corrects a pending proposal. The deadline stays: the client was informed on the
 * proposal's day. Each edit is kept in the history with the fields it changed, and the client's
 * deciders are told in-app; a decision they took on the old text fails on the version check.
 */
export async function editProposal(input: EntryWriteInput & { values: EntryInput }): Promise<{ changed: string[] }> {
  const { actor } = input;
  if (actor.organizationKind !== "vendor" || !can(actor, "subprocessor.propose")) throw new DomainError("forbidden");
  return db().transaction(async (tx) => {
    const { partnership, entry } = await lockCurrent(tx, actor, input, "proposed");
    const changed = changedFields(entry, input.values);
    if (changed.length === 0) return { changed };
    await applyChange(tx, { ...entry, status: "proposed" }, input.values);
    await insertEvent(tx, { subprocessorId: entry.id, event: "edited", actorUserId: actor.userId, comment: changed.join(", ") });
    await recordEntryEvent(tx, input, "subprocessor.edited", entry.id, {
      partnershipId: partnership.id,
      changed: Object.fromEntries(changed.map((k) => [k, { from: entry[k], to: input.values[k] }])),
    });
    // The client may be weighing this very proposal: tell its deciders it changed.
    await notifyClient(tx, partnership, {
      messageKey: "subprocessors:notifications.edited",
      params: { vendorName: partnership.vendorDisplayName, name: input.values.name },
      link: clientPath(partnership.clientOrgId, partnership.id),
    });
    return { changed };
  });
}

/**
 * The vendor withdraws a pending proposal, or removes an approved sub-processor. Removal is told
 * to the client's admins and managers (in-app and by e-mail); a withdrawal only in-app.
 */
export async function closeEntry(input: EntryWriteInput & { kind: "withdraw" | "remove"; comment: string | null }) {
  const { actor } = input;
  if (actor.organizationKind !== "vendor" || !can(actor, "subprocessor.propose")) throw new DomainError("forbidden");
  const from: SubprocessorStatus = input.kind === "withdraw" ? "proposed" : "approved";
  const to: SubprocessorStatus = input.kind === "withdraw" ? "withdrawn" : "removed";
  await db().transaction(async (tx) => {
    const { partnership, entry } = await lockCurrent(tx, actor, input, from);
    await applyChange(tx, { ...entry, status: from }, { status: to });
    await insertEvent(tx, { subprocessorId: entry.id, event: to, actorUserId: actor.userId, comment: input.comment });
    await recordEntryEvent(tx, input, input.kind === "withdraw" ? "subprocessor.withdrawn" : "subprocessor.removed", entry.id, {
      partnershipId: partnership.id, name: entry.name, comment: input.comment,
    });
    const path = clientPath(partnership.clientOrgId, partnership.id);
    await notifyClient(tx, partnership, {
      messageKey: `subprocessors:notifications.${to}`,
      params: { vendorName: partnership.vendorDisplayName, name: entry.name },
      link: path,
      email:
        input.kind === "remove"
          ? () => ({
              template: "subprocessor_removed",
              params: { vendorName: partnership.vendorDisplayName, name: entry.name, link: `${input.appUrl}${path}` },
            })
          : undefined,
    });
  });
  afterCommitDeliverMail();
}

/**
 * The client approves or objects to a pending proposal, on or before its deadline. A proposal
 * already decided (by a colleague, or by lapse) is a conflict; a late decision is refused with
 * the deadline in the message. The vendor's admins and responders hear of it; an objection also
 * by e-mail, since the vendor may not engage the sub-processor.
 */
export async function decideSubprocessor(
  input: EntryWriteInput & { decision: "approve" | "object"; comment: string | null; today?: string },
) {
  const { actor } = input;
  if (actor.organizationKind !== "client" || !can(actor, "subprocessor.decide")) throw new DomainError("forbidden");
  if (input.decision === "object" && !input.comment) throw new DomainError("invalid_input", "subprocessors:errors.reasonRequired");
  const today = input.today ?? todayInDisplayZone();
  await db().transaction(async (tx) => {
    const partnership = await scopedPartnership(tx, actor, input.partnershipId);
    const entry = await lockEntry(tx, scopeOf(actor), partnership.id, input.subprocessorId);
    if (!entry) throw new DomainError("not_found");
    const check = checkDecision(entry.status, entry.objectionDeadline, today);
    if (check === "not_pending") throw new DomainError("conflict", "subprocessors:errors.alreadyDecided");
    if (check === "deadline_passed") {
      throw new DomainError("invalid_state", "subprocessors:errors.deadlinePassed", { deadline: entry.objectionDeadline ?? "" });
    }
    if (entry.lockVersion !== input.lockVersion) throw new DomainError("conflict", "subprocessors:errors.stale");
    const to = input.decision === "approve" ? "approved" : "objected";
    await applyChange(tx, entry, { status: to, decidedByUserId: actor.userId, decidedAt: new Date(), decisionComment: input.comment });
    await insertEvent(tx, { subprocessorId: entry.id, event: to, actorUserId: actor.userId, comment: input.comment });
    await recordEntryEvent(tx, input, input.decision === "approve" ? "subprocessor.approved" : "subprocessor.objected", entry.id, {
      partnershipId: partnership.id, vendorDisplayName: partnership.vendorDisplayName, name: entry.name, comment: input.comment,
    });
    if (!partnership.vendorOrgId) return;
    const path = vendorPath(partnership.vendorOrgId, partnership.id);
    await notifyMembers(tx, {
      organizationId: partnership.vendorOrgId,
      roles: VENDOR_RECIPIENT_ROLES,
      messageKey: `subprocessors:notifications.${to}`,
      params: { clientName: partnership.clientName, name: entry.name },
      link: path,
      email:
        to === "objected"
          ? () => ({
              template: "subprocessor_objected",
              params: { clientName: partnership.clientName, name: entry.name, reason: input.comment ?? "", link: `${input.appUrl}${path}` },
            })
          : undefined,
    });
  });
  afterCommitDeliverMail();
}
