import type { OrganizationKind, Role } from "./roles";

/**
 * The one authorization decision point. Pure, so the UI can use it to hide controls; hiding is
 * never the gate: every loader and action calls {@link assertCan} through the guards.
 */
export interface Actor {
  userId: string;
  organizationId: string;
  organizationKind: OrganizationKind;
  role: Role;
}

export type Action =
  | "organization.view"
  | "members.view"
  | "members.invite"
  | "members.manage"
  | "partnership.view"
  | "partnership.invite"
  | "partnership.edit"
  | "audit_trail.view"
  | "audit_trail.export"
  | "template.view"
  | "template.edit"
  | "template.publish"
  | "questionnaire.view"
  | "questionnaire.send"
  | "questionnaire.review"
  | "questionnaire.accept"
  | "questionnaire.answer"
  | "questionnaire.submit"
  | "questionnaire.delegate"
  | "answer_reuse.manage"
  | "evidence.view"
  | "evidence.upload"
  | "evidence.manage"
  | "agreement.view"
  | "agreement_template.edit"
  | "agreement.send"
  | "agreement.comment"
  | "agreement.sign"
  | "agreement.countersign"
  | "agreement.terminate"
  | "subprocessor.view"
  | "subprocessor.propose"
  | "subprocessor.decide"
  | "training.view"
  | "training_requirement.edit"
  | "training.attest";

type RoleTable = { [K in OrganizationKind]: Partial<Record<Action, readonly Role[]>> };

const allClient = ["admin", "manager", "reviewer", "viewer"] as const;
const allVendor = ["admin", "responder", "contributor", "viewer"] as const;
const allAuditor = ["lead_auditor", "auditor"] as const;

const permissions: RoleTable = {
  client: {
    "organization.view": allClient,
    "members.view": allClient,
    "members.invite": ["admin"],
    "members.manage": ["admin"],
    "partnership.view": allClient,
    "partnership.invite": ["admin", "manager"],
    "partnership.edit": ["admin", "manager"],
    "audit_trail.view": ["admin", "manager"],
    "audit_trail.export": ["admin", "manager"],
    "template.view": allClient,
    "template.edit": ["admin", "manager"],
    "template.publish": ["admin", "manager"],
    "questionnaire.view": allClient,
    "questionnaire.send": ["admin", "manager"],
    // Reviewers judge answers one by one; accepting the whole request fixes the score.
    "questionnaire.review": ["admin", "manager", "reviewer"],
    "questionnaire.accept": ["admin", "manager"],
    // Clients see evidence only where a vendor linked it to one of their partnerships.
    "evidence.view": allClient,
    "agreement.view": allClient,
    "agreement_template.edit": ["admin", "manager"],
    "agreement.send": ["admin", "manager"],
    "agreement.comment": ["admin", "manager", "reviewer"],
    // Countersigning binds the client: the people who may send an agreement may sign it.
    "agreement.countersign": ["admin", "manager"],
    "agreement.terminate": ["admin", "manager"],
    "subprocessor.view": allClient,
    "subprocessor.decide": ["admin", "manager"],
    "training.view": allClient,
    "training_requirement.edit": ["admin", "manager"],
  },
  vendor: {
    "organization.view": allVendor,
    "members.view": allVendor,
    "members.invite": ["admin"],
    "members.manage": ["admin"],
    "partnership.view": allVendor,
    "audit_trail.view": ["admin"],
    "audit_trail.export": ["admin"],
    "questionnaire.view": allVendor,
    "questionnaire.answer": ["admin", "responder", "contributor"],
    // Contributors fill in what is delegated to them; submitting commits the organization.
    "questionnaire.submit": ["admin", "responder"],
    "questionnaire.delegate": ["admin", "responder"],
    "answer_reuse.manage": ["admin"],
    "evidence.view": allVendor,
    "evidence.upload": ["admin", "responder", "contributor"],
    // Archiving and sharing a document with a client are the compliance contact's call.
    "evidence.manage": ["admin", "responder"],
    "agreement.view": allVendor,
    "agreement.comment": ["admin", "responder"],
    // A signature binds the vendor: only its administrators sign.
    "agreement.sign": ["admin"],
    "subprocessor.view": allVendor,
    "subprocessor.propose": ["admin", "responder"],
    "training.view": allVendor,
    "training.attest": ["admin", "responder"],
  },
  audit_firm: {
    "organization.view": allAuditor,
    "members.view": allAuditor,
    "members.invite": ["lead_auditor"],
    "members.manage": ["lead_auditor"],
    "audit_trail.view": ["lead_auditor"],
    "audit_trail.export": ["lead_auditor"],
  },
};

/** What a permission is checked against: the organization or partnership the action touches. */
export type Resource =
  | { type: "organization"; organizationId: string }
  | { type: "partnership"; clientOrgId: string; vendorOrgId: string | null };

export type Decision = "allow" | "forbidden" | "not_found";

/** Not visible to the actor: not_found (404). Visible but not allowed: forbidden (403). */
export function decide(actor: Actor, action: Action, resource: Resource): Decision {
  if (!isVisible(actor, resource)) return "not_found";
  const roles = permissions[actor.organizationKind]?.[action];
  return roles?.includes(actor.role) ? "allow" : "forbidden";
}

export function can(actor: Actor, action: Action, resource?: Resource): boolean {
  return decide(actor, action, resource ?? ownOrganization(actor)) === "allow";
}

export function ownOrganization(actor: Actor): Resource {
  return { type: "organization", organizationId: actor.organizationId };
}

function isVisible(actor: Actor, resource: Resource): boolean {
  switch (resource.type) {
    case "organization":
      return resource.organizationId === actor.organizationId;
    case "partnership":
      return (
        (actor.organizationKind === "client" && resource.clientOrgId === actor.organizationId) ||
        (actor.organizationKind === "vendor" && resource.vendorOrgId === actor.organizationId)
      );
  }
}

/** Every action a role may take, for showing a role's meaning in the UI and in tests. */
export function actionsOf(kind: OrganizationKind, role: Role): Action[] {
  return (Object.entries(permissions[kind]) as [Action, readonly Role[]][])
    .filter(([, roles]) => roles.includes(role))
    .map(([action]) => action);
}

export const allActions = [
  ...new Set(Object.values(permissions).flatMap((table) => Object.keys(table) as Action[])),
];
