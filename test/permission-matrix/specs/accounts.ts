import * as auditorMembers from "~/routes/auditor.$orgId.members";
import * as clientMembers from "~/routes/client.$orgId.members";
import * as vendorMembers from "~/routes/vendor.$orgId.members";
import * as invitation from "~/routes/invitations.$token";
import * as signInLink from "~/routes/sign-in_.link";
import * as signInLinkToken from "~/routes/sign-in_.link_.$token";
import { rolesByKind, sideSegment, type OrganizationKind } from "~/auth/roles";
import type { RouteSpec } from "../spec";

// Well-formed (43 base64url characters) but issued to no one.
const FORGED = "A".repeat(43);

const memberRoutes = [
  { side: "client", module: clientMembers, file: "client.$orgId.members", admin: "admin" },
  { side: "vendor", module: vendorMembers, file: "vendor.$orgId.members", admin: "admin" },
  { side: "audit_firm", module: auditorMembers, file: "auditor.$orgId.members", admin: "lead_auditor" },
] as const;

const members = (side: OrganizationKind, orgId: string) => `/${sideSegment[side]}/${orgId}/members`;

export const specs: RouteSpec[] = [
  ...memberRoutes.flatMap(({ side, module, file, admin }): RouteSpec[] => [
    {
      file,
      kind: "tenant",
      side,
      method: "GET",
      handler: module.loader,
      allowed: rolesByKind[side],
      request: (_world, orgId) => ({ path: members(side, orgId), params: { orgId } }),
    },
    {
      file,
      kind: "tenant",
      side,
      method: "POST",
      handler: module.action,
      allowed: [admin],
      // An invalid address: the allowed roles get the form back (200) and nothing is written.
      request: (_world, orgId) => ({
        path: members(side, orgId),
        params: { orgId },
        form: { intent: "invite", email: "not-an-address", role: admin, locale: "nl" },
      }),
    },
  ]),
  { file: "sign-in_.link", kind: "public", method: "GET", handler: signInLink.loader, request: () => ({ path: "/sign-in/link" }), expect: { signedIn: 302, anonymous: 200 } },
  {
    file: "sign-in_.link",
    kind: "public",
    method: "POST",
    handler: signInLink.action,
    request: () => ({ path: "/sign-in/link", form: { email: "nobody-matrix@example.test" } }),
    expect: { signedIn: 200, anonymous: 200 },
  },
  {
    file: "sign-in_.link_.$token",
    kind: "public",
    method: "GET",
    handler: signInLinkToken.loader,
    request: () => ({ path: `/sign-in/link/${FORGED}`, params: { token: FORGED } }),
    expect: { signedIn: 404, anonymous: 404 },
  },
  {
    file: "sign-in_.link_.$token",
    kind: "public",
    method: "POST",
    handler: signInLinkToken.action,
    request: () => ({ path: `/sign-in/link/${FORGED}`, params: { token: FORGED } }),
    expect: { signedIn: 422, anonymous: 422 },
  },
  {
    file: "invitations.$token",
    kind: "public",
    method: "GET",
    handler: invitation.loader,
    request: () => ({ path: `/invitations/${FORGED}`, params: { token: FORGED } }),
    expect: { signedIn: 404, anonymous: 404 },
  },
  {
    file: "invitations.$token",
    kind: "public",
    method: "POST",
    handler: invitation.action,
    request: () => ({ path: `/invitations/${FORGED}`, params: { token: FORGED }, form: { intent: "accept" } }),
    expect: { signedIn: 404, anonymous: 404 },
  },
];
