import { describe, expect, it } from "vitest";
import { actionsOf, allActions, decide, type Actor } from "./policy";
import { rolesByKind, type OrganizationKind } from "./roles";

const actor = (organizationKind: OrganizationKind, role: string, organizationId = "org-a"): Actor =>
  ({ userId: "u", organizationId, organizationKind, role }) as Actor;

describe("decide", () => {
  it.each([
    ["client", "admin", "partnership.invite", "allow"],
    ["client", "manager", "partnership.invite", "allow"],
    ["client", "reviewer", "partnership.invite", "forbidden"],
    ["client", "viewer", "audit_trail.view", "forbidden"],
    ["client", "manager", "audit_trail.export", "allow"],
    ["client", "manager", "members.invite", "forbidden"],
    ["vendor", "admin", "members.invite", "allow"],
    ["vendor", "responder", "members.invite", "forbidden"],
    ["vendor", "admin", "partnership.invite", "forbidden"],
    ["audit_firm", "lead_auditor", "members.invite", "allow"],
    ["audit_firm", "auditor", "audit_trail.view", "forbidden"],
  ] as const)("%s %s may %s: %s", (kind, role, action, expected) => {
    expect(decide(actor(kind, role), action, { type: "organization", organizationId: "org-a" })).toBe(expected);
  });

  it("hides another organization entirely, whatever the role", () => {
    for (const kind of Object.keys(rolesByKind) as OrganizationKind[]) {
      for (const role of rolesByKind[kind]) {
        for (const action of allActions) {
          expect(decide(actor(kind, role), action, { type: "organization", organizationId: "org-b" })).toBe("not_found");
        }
      }
    }
  });

  it("shows a partnership only to its own client and its own vendor", () => {
    const partnership = { type: "partnership", clientOrgId: "c1", vendorOrgId: "v1" } as const;
    expect(decide(actor("client", "viewer", "c1"), "partnership.view", partnership)).toBe("allow");
    expect(decide(actor("vendor", "viewer", "v1"), "partnership.view", partnership)).toBe("allow");
    expect(decide(actor("client", "admin", "c2"), "partnership.view", partnership)).toBe("not_found");
    expect(decide(actor("vendor", "admin", "v2"), "partnership.view", partnership)).toBe("not_found");
    // An audit firm sees partnerships only through engagements, which do not exist yet.
    expect(decide(actor("audit_firm", "lead_auditor", "c1"), "partnership.view", partnership)).toBe("not_found");
    // A vendor may look but not edit the client's register entry.
    expect(decide(actor("vendor", "admin", "v1"), "partnership.edit", partnership)).toBe("forbidden");
  });

  it("denies a role that does not belong to the side (fail closed)", () => {
    expect(decide(actor("vendor", "manager"), "organization.view", { type: "organization", organizationId: "org-a" })).toBe("forbidden");
  });

  it("lists what a role may do", () => {
    expect(actionsOf("client", "viewer")).toEqual([
      "organization.view",
      "members.view",
      "partnership.view",
      "template.view",
      "questionnaire.view",
      "evidence.view",
      "agreement.view",
      "subprocessor.view",
      "training.view",
    ]);
  });
});
