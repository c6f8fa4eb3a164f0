import { describe, expect, it } from "vitest";
import type { Actor } from "~/auth/policy";
import { rolesByKind, type OrganizationKind, type Role } from "~/auth/roles";
import { isSectionOf, navigationFor, sectionsBySide, sideShell } from "./navigation";

const actor = (organizationKind: OrganizationKind, role: Role, organizationId = "org-1"): Actor => ({
  userId: "user-1",
  organizationId,
  organizationKind,
  role,
});

const keys = (kind: OrganizationKind, role: Role) => navigationFor(actor(kind, role)).map((i) => i.key);

describe("navigationFor", () => {
  it.each([
    ["client", "admin", ["home", "partners", "questionnaires", "templates", "agreements", "training", "findings", "audits", "incidents", "members", "auditTrail"]],
    ["client", "manager", ["home", "partners", "questionnaires", "templates", "agreements", "training", "findings", "audits", "incidents", "members", "auditTrail"]],
    ["client", "reviewer", ["home", "partners", "questionnaires", "templates", "agreements", "training", "findings", "audits", "incidents", "members"]],
    ["client", "viewer", ["home", "partners", "questionnaires", "templates", "agreements", "training", "findings", "audits", "incidents", "members"]],
    ["vendor", "admin", ["todo", "clients", "questionnaires", "agreements", "evidence", "training", "incidents", "members", "auditTrail"]],
    ["vendor", "responder", ["todo", "clients", "questionnaires", "agreements", "evidence", "training", "incidents", "members"]],
    ["vendor", "viewer", ["todo", "clients", "questionnaires", "agreements", "evidence", "training", "incidents", "members"]],
    ["audit_firm", "lead_auditor", ["engagements", "audits", "members", "auditTrail"]],
    ["audit_firm", "auditor", ["engagements", "audits", "members"]],
  ] as const)("%s %s sees %j", (kind, role, expected) => {
    expect(keys(kind, role)).toEqual(expected);
  });

  it("links every item below the actor's own organization, on the actor's side", () => {
    const segments = { client: "client", vendor: "vendor", audit_firm: "auditor" } as const;
    for (const kind of Object.keys(rolesByKind) as OrganizationKind[]) {
      for (const role of rolesByKind[kind]) {
        for (const item of navigationFor(actor(kind, role as Role, "org-42"))) {
          expect(item.href.startsWith(`/${segments[kind]}/org-42`)).toBe(true);
          expect(item.labelKey).toBe(`nav.${item.key}`);
        }
      }
    }
  });

  it("points People and Audit trail at the colleagues' child routes", () => {
    const items = navigationFor(actor("client", "admin", "c1"));
    expect(items.find((i) => i.key === "members")?.href).toBe("/client/c1/members");
    expect(items.find((i) => i.key === "auditTrail")?.href).toBe("/client/c1/audit-trail");
    expect(items.find((i) => i.key === "partners")?.href).toBe("/client/c1/partners");
  });

  it("points Questionnaires at the real pages of both sides and Templates at the client's builder", () => {
    expect(navigationFor(actor("client", "viewer", "c1")).find((i) => i.key === "questionnaires")?.href).toBe("/client/c1/questionnaires");
    expect(navigationFor(actor("client", "viewer", "c1")).find((i) => i.key === "templates")?.href).toBe("/client/c1/templates");
    expect(navigationFor(actor("vendor", "contributor", "v1")).find((i) => i.key === "questionnaires")?.href).toBe("/vendor/v1/questionnaires");
    expect(navigationFor(actor("vendor", "admin", "v1")).some((i) => i.key === "templates")).toBe(false);
  });

  it("marks only the home item as exact, and the vendor's client list as an anchor on the home page", () => {
    const items = navigationFor(actor("vendor", "admin", "v1"));
    expect(items.filter((i) => i.end).map((i) => i.key)).toEqual(["todo"]);
    expect(items.find((i) => i.key === "clients")).toMatchObject({ href: "/vendor/v1#clients", isAnchor: true });
  });

  it("gives the shell the organization and the role", () => {
    const shell = sideShell(actor("audit_firm", "auditor", "a1"), "Audit & Co");
    expect(shell.organization).toEqual({ id: "a1", name: "Audit & Co", kind: "audit_firm" });
    expect(shell.role).toBe("auditor");
  });
});

describe("isSectionOf", () => {
  it("knows each side's sections and nothing else", () => {
    expect(isSectionOf("client", "findings")).toBe(true);
    // Questionnaires are real pages now, no longer "coming soon".
    expect(isSectionOf("client", "questionnaires")).toBe(false);
    expect(isSectionOf("vendor", "questionnaires")).toBe(false);
    expect(isSectionOf("vendor", "findings")).toBe(false);
    expect(isSectionOf("vendor", "incidents")).toBe(true);
    // Evidence, agreements and training are real pages now.
    expect(isSectionOf("vendor", "evidence")).toBe(false);
    expect(isSectionOf("client", "agreements")).toBe(false);
    expect(isSectionOf("audit_firm", "engagements")).toBe(true);
    expect(isSectionOf("client", "partners")).toBe(false);
    expect(isSectionOf("client", "members")).toBe(false);
    expect(isSectionOf("client", "toString")).toBe(false);
    expect(isSectionOf("client", undefined)).toBe(false);
  });

  it("has a navigation entry for every section of every side", () => {
    for (const kind of Object.keys(sectionsBySide) as OrganizationKind[]) {
      const navKeys = keys(kind, rolesByKind[kind][0] as Role);
      for (const section of sectionsBySide[kind]) expect(navKeys).toContain(section);
    }
  });
});
