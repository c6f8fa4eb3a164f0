import { can, type Action, type Actor } from "~/auth/policy";
import { sideSegment, type OrganizationKind } from "~/auth/roles";

/**
 * The side navigation of each side of the portal, filtered by what the actor's role may do.
 * Pure, so it is unit-tested per role; hiding an item is never the gate (each route guards).
 */
export const sectionsBySide = {
  client: ["findings", "audits", "incidents"],
  vendor: ["incidents"],
  audit_firm: ["engagements", "audits"],
} as const satisfies Record<OrganizationKind, readonly string[]>;

export type Section = (typeof sectionsBySide)[OrganizationKind][number];

/** Whether a URL segment is one of the side's sections that are still to come. */
export function isSectionOf(kind: OrganizationKind, section: unknown): section is Section {
  return typeof section === "string" && (sectionsBySide[kind] as readonly string[]).includes(section);
}

export type NavKey =
  | "home"
  | "todo"
  | "partners"
  | "clients"
  | "engagements"
  | "questionnaires"
  | "templates"
  | "agreements"
  | "evidence"
  | "training"
  | Section
  | "members"
  | "auditTrail";

export interface NavItem {
  key: NavKey;
  /** i18n key: in the common namespace, or namespaced where the feature owns its label. */
  labelKey: `nav.${NavKey}` | `${string}:nav.${NavKey}`;
  href: string;
  /** Only active on exactly this address (the side's home). */
  end: boolean;
  /** A place on another page (no active state of its own). */
  isAnchor: boolean;
}

interface Entry {
  key: NavKey;
  /** Path below /<side>/<orgId>; "" is the home page; "#x" an anchor on it. */
  path: string;
  action: Action;
  /** A label outside common's nav keys. */
  labelKey?: NavItem["labelKey"];
}

const section = (key: Section): Entry => ({ key, path: key, action: "organization.view" });
const questionnaires: Entry = { key: "questionnaires", path: "questionnaires", action: "questionnaire.view" };
const people: Entry = { key: "members", path: "members", action: "members.view" };
const agreements: Entry = { key: "agreements", path: "agreements", action: "agreement.view" };
const training: Entry = { key: "training", path: "training", action: "training.view" };
const auditTrail: Entry = { key: "auditTrail", path: "audit-trail", action: "audit_trail.view" };

const entries: Record<OrganizationKind, Entry[]> = {
  client: [
    { key: "home", path: "", action: "organization.view" },
    { key: "partners", path: "partners", action: "partnership.view" },
    questionnaires,
    { key: "templates", path: "templates", action: "template.view", labelKey: "nav.templates" },
    agreements,
    training,
    ...sectionsBySide.client.map(section),
    people,
    auditTrail,
  ],
  vendor: [
    { key: "todo", path: "", action: "organization.view" },
    // The client list lives on the home page, under the to-do list.
    { key: "clients", path: "#clients", action: "partnership.view" },
    questionnaires,
    agreements,
    { key: "evidence", path: "evidence", action: "evidence.view" },
    training,
    ...sectionsBySide.vendor.map(section),
    people,
    auditTrail,
  ],
  audit_firm: [
    // An audit firm's home page is its list of engagements.
    { key: "engagements", path: "", action: "organization.view" },
    section("audits"),
    people,
    auditTrail,
  ],
};

/** The base address of the actor's organization, e.g. /client/<id>. */
export function sideBase(kind: OrganizationKind, organizationId: string) {
  return `/${sideSegment[kind]}/${organizationId}`;
}

/** The items the actor's role may see, in display order, with absolute addresses. */
export function navigationFor(actor: Actor): NavItem[] {
  const base = sideBase(actor.organizationKind, actor.organizationId);
  return entries[actor.organizationKind]
    .filter((entry) => can(actor, entry.action))
    .map((entry) => ({
      key: entry.key,
      labelKey: entry.labelKey ?? (`nav.${entry.key}` as const),
      href: entry.path === "" ? base : entry.path.startsWith("#") ? `${base}${entry.path}` : `${base}/${entry.path}`,
      end: entry.path === "",
      isAnchor: entry.path.startsWith("#"),
    }));
}

/** What every page of a side shows around its content: the organization, the role, the menu. */
export function sideShell(actor: Actor, organizationName: string) {
  return {
    organization: { id: actor.organizationId, name: organizationName, kind: actor.organizationKind },
    role: actor.role,
    nav: navigationFor(actor),
  };
}

export type SideShellData = ReturnType<typeof sideShell>;
