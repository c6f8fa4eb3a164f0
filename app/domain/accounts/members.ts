import { z } from "zod";
import type { Action } from "~/auth/policy";
import { rolesByKind, type OrganizationKind, type Role } from "~/auth/roles";
import { supportedLocales } from "~/i18n/config";

/**
 * Pure rules and the form schema of the members (people) pages, shared by the server and the
 * browser. The use cases that touch storage are in members.server.ts.
 */

/** How long an e-mailed invitation (colleague or partner) stays valid. */
export const INVITATION_VALID_DAYS = 14;

/** The role that administers an organization of each kind; every organization keeps one. */
export function adminRoleOf(kind: OrganizationKind): Role {
  return kind === "audit_firm" ? "lead_auditor" : "admin";
}

/**
 * Whether changing a member's role (or removing them: `newRole` null) would leave the
 * organization without an administrator.
 */
export function wouldLeaveNoAdmin(input: {
  kind: OrganizationKind;
  currentRole: string;
  newRole: string | null;
  adminCount: number;
}): boolean {
  const admin = adminRoleOf(input.kind);
  if (input.currentRole !== admin) return false;
  if (input.newRole === admin) return false;
  return input.adminCount <= 1;
}

const roleOf = (kind: OrganizationKind) =>
  z.enum(rolesByKind[kind] as unknown as [Role, ...Role[]], {
    errorMap: () => ({ message: "validation.invalidChoice" }),
  });

const id = z.string({ required_error: "validation.required" }).uuid("validation.invalidChoice");

/** The several buttons of the members page, one schema per intent. */
export function membersFormSchema(kind: OrganizationKind) {
  return z.discriminatedUnion("intent", [
    z.object({
      intent: z.literal("invite"),
      email: z
        .string({ required_error: "validation.required" })
        .trim()
        .max(254, "validation.tooLong")
        .email("validation.email"),
      role: roleOf(kind),
      locale: z.enum(supportedLocales, { errorMap: () => ({ message: "validation.invalidChoice" }) }),
    }),
    z.object({ intent: z.literal("changeRole"), userId: id, role: roleOf(kind) }),
    z.object({ intent: z.literal("remove"), userId: id }),
    z.object({ intent: z.literal("revoke"), invitationId: id }),
    z.object({ intent: z.literal("resend"), invitationId: id }),
  ]);
}

export type MembersIntent = z.infer<ReturnType<typeof membersFormSchema>>["intent"];

/** The permission each intent needs; anything unknown needs the strongest one. */
export function permissionForIntent(intent: unknown): Action {
  return intent === "invite" ? "members.invite" : "members.manage";
}
