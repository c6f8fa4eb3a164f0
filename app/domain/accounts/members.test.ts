import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { organizationKinds, rolesByKind, type OrganizationKind } from "~/auth/roles";
import { adminRoleOf, membersFormSchema, permissionForIntent, wouldLeaveNoAdmin } from "./members";

describe("adminRoleOf", () => {
  it.each([
    ["client", "admin"],
    ["vendor", "admin"],
    ["audit_firm", "lead_auditor"],
  ] as const)("%s is administered by %s", (kind, role) => {
    expect(adminRoleOf(kind)).toBe(role);
    expect(rolesByKind[kind] as readonly string[]).toContain(role);
  });
});

describe("wouldLeaveNoAdmin", () => {
  it.each([
    { kind: "client", currentRole: "admin", newRole: "viewer", adminCount: 1, expected: true },
    { kind: "client", currentRole: "admin", newRole: null, adminCount: 1, expected: true },
    { kind: "client", currentRole: "admin", newRole: "viewer", adminCount: 2, expected: false },
    { kind: "client", currentRole: "admin", newRole: "admin", adminCount: 1, expected: false },
    { kind: "client", currentRole: "viewer", newRole: null, adminCount: 0, expected: false },
    { kind: "audit_firm", currentRole: "lead_auditor", newRole: "auditor", adminCount: 1, expected: true },
    { kind: "audit_firm", currentRole: "auditor", newRole: null, adminCount: 1, expected: false },
  ] as const)("$kind $currentRole -> $newRole with $adminCount admins: $expected", ({ expected, ...input }) => {
    expect(wouldLeaveNoAdmin(input)).toBe(expected);
  });

  it("never allows the admin count to reach zero (property)", () => {
    const kind = fc.constantFrom<OrganizationKind>(...organizationKinds);
    fc.assert(
      fc.property(kind, fc.integer({ min: 1, max: 5 }), fc.nat(), (k, adminCount, pick) => {
        const roles = [...rolesByKind[k], null];
        const newRole = roles[pick % roles.length];
        const currentRole = adminRoleOf(k);
        const remaining = adminCount - (newRole === currentRole ? 0 : 1);
        return wouldLeaveNoAdmin({ kind: k, currentRole, newRole, adminCount }) === remaining < 1;
      }),
    );
  });
});

describe("membersFormSchema", () => {
  it("accepts only roles of the side", () => {
    for (const kind of organizationKinds) {
      for (const role of Object.values(rolesByKind).flat()) {
        const parsed = membersFormSchema(kind).safeParse({ intent: "invite", email: "a@b.test", role, locale: "nl" });
        expect(parsed.success, `${kind} ${role}`).toBe((rolesByKind[kind] as readonly string[]).includes(role));
      }
    }
  });

  it("rejects unknown intents", () => {
    expect(membersFormSchema("client").safeParse({ intent: "promoteEveryone" }).success).toBe(false);
  });
});

describe("permissionForIntent", () => {
  it("needs members.invite to invite and members.manage for everything else, unknown included", () => {
    expect(permissionForIntent("invite")).toBe("members.invite");
    for (const intent of ["changeRole", "remove", "revoke", "resend", "unknown", null]) {
      expect(permissionForIntent(intent)).toBe("members.manage");
    }
  });
});
