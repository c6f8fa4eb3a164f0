import { can, type Actor } from "~/auth/policy";
import { findVendorAgreementList } from "~/domain/agreements/views.server";
import { getVendorTrainingOverview } from "~/domain/training/training-views.server";
import { todayInDisplayZone } from "~/utils/dates";
import { sideBase } from "./navigation";

/** Something other than a questionnaire that waits for the vendor, on its home page. */
export interface VendorTodoItem {
  kind: "agreement_to_sign" | "agreement_ending" | "training";
  clientName: string;
  title: string;
  /** For training: the catalogue topic, whose translated name stands in for an empty title. */
  topic?: string;
  /** For training: the attestation's status (missing, lapsed, below_minimum, due_soon). */
  status?: string;
  href: string;
}

const TRAINING_NEEDS_ACTION = new Set(["lapsed", "missing", "below_minimum", "due_soon"]);

/**
 * One to-do list across clients: agreements waiting for the vendor's signature or about to end,
 * and training requirements that need a (new) attestation. Only what the actor's role can act on.
 */
export async function findVendorOtherTodos(actor: Actor, today = todayInDisplayZone()): Promise<VendorTodoItem[]> {
  const base = sideBase("vendor", actor.organizationId);
  const items: VendorTodoItem[] = [];
  if (can(actor, "agreement.sign") || can(actor, "agreement.comment")) {
    for (const agreement of await findVendorAgreementList(actor, today)) {
      const kind = agreement.status === "sent" ? "agreement_to_sign" : agreement.health === "expiring" ? "agreement_ending" : null;
      if (kind) items.push({ kind, clientName: agreement.partnerName, title: agreement.title, href: `${base}/agreements/${agreement.id}` });
    }
  }
  if (can(actor, "training.attest")) {
    const { clients } = await getVendorTrainingOverview(actor, today);
    for (const client of clients) {
      for (const item of client.items) {
        if (!item.status || !TRAINING_NEEDS_ACTION.has(item.status)) continue;
        items.push({
          kind: "training",
          clientName: client.clientName,
          title: item.requirement.title,
          topic: item.requirement.topic,
          status: item.status,
          href: `${base}/training/${client.partnershipId}/${item.requirement.id}`,
        });
      }
    }
  }
  return items;
}
