import { randomUUID } from "node:crypto";
import type { LoaderFunctionArgs } from "@remix-run/node";
import type { OrganizationKind, Role } from "~/auth/roles";
import * as auditorTrailCsv from "~/routes/auditor.$orgId.audit-trail[.]csv";
import * as auditorTrail from "~/routes/auditor.$orgId.audit-trail";
import * as clientTrailCsv from "~/routes/client.$orgId.audit-trail[.]csv";
import * as clientTrail from "~/routes/client.$orgId.audit-trail";
import * as mailboxMessage from "~/routes/dev.mailbox.$id";
import * as mailbox from "~/routes/dev.mailbox";
import * as notifications from "~/routes/notifications";
import * as profile from "~/routes/profile";
import * as vendorTrailCsv from "~/routes/vendor.$orgId.audit-trail[.]csv";
import * as vendorTrail from "~/routes/vendor.$orgId.audit-trail";
import type { RouteSpec } from "../spec";

/** Who may read and export an organization's audit trail (see audit_trail.* in app/auth/policy.ts). */
const trailRoles: Record<OrganizationKind, readonly Role[]> = {
  client: ["admin", "manager"],
  vendor: ["admin"],
  audit_firm: ["lead_auditor"],
};

const segment: Record<OrganizationKind, string> = { client: "client", vendor: "vendor", audit_firm: "auditor" };

function trailSpecs(
  side: OrganizationKind,
  page: { loader: (args: LoaderFunctionArgs) => Promise<unknown> },
  csv: { loader: (args: LoaderFunctionArgs) => Promise<unknown> },
): RouteSpec[] {
  return [
    {
      file: `${segment[side]}.$orgId.audit-trail`,
      kind: "tenant",
      side,
      method: "GET",
      handler: page.loader,
      allowed: trailRoles[side],
      request: (_world, orgId) => ({ path: `/${segment[side]}/${orgId}/audit-trail`, params: { orgId } }),
    },
    {
      file: `${segment[side]}.$orgId.audit-trail[.]csv`,
      kind: "tenant",
      side,
      method: "GET",
      handler: csv.loader,
      allowed: trailRoles[side],
      request: (_world, orgId) => ({ path: `/${segment[side]}/${orgId}/audit-trail.csv`, params: { orgId } }),
    },
  ];
}

export const specs: RouteSpec[] = [
  { file: "profile", kind: "user", method: "GET", handler: profile.loader, request: () => ({ path: "/profile" }), expect: { signedIn: 200, anonymous: 302 } },
  {
    file: "profile",
    kind: "user",
    method: "POST",
    handler: profile.action,
    request: () => ({ path: "/profile", form: { intent: "profile", name: "Lone Member", locale: "nl" } }),
    expect: { signedIn: 200, anonymous: 302 },
  },
  {
    file: "notifications",
    kind: "user",
    method: "GET",
    handler: notifications.loader,
    request: () => ({ path: "/notifications" }),
    expect: { signedIn: 200, anonymous: 302 },
  },
  {
    file: "notifications",
    kind: "user",
    method: "POST",
    handler: notifications.action,
    request: () => ({ path: "/notifications", form: { intent: "markAllRead" } }),
    expect: { signedIn: 200, anonymous: 302 },
  },
  // Open without an account while no SMTP server is configured (as in tests); 404 otherwise.
  { file: "dev.mailbox", kind: "public", method: "GET", handler: mailbox.loader, request: () => ({ path: "/dev/mailbox" }), expect: { signedIn: 200, anonymous: 200 } },
  {
    file: "dev.mailbox.$id",
    kind: "public",
    method: "GET",
    handler: mailboxMessage.loader,
    request: () => {
      const id = randomUUID();
      return { path: `/dev/mailbox/${id}`, params: { id } };
    },
    expect: { signedIn: 404, anonymous: 404 },
  },
  ...trailSpecs("client", clientTrail, clientTrailCsv),
  ...trailSpecs("vendor", vendorTrail, vendorTrailCsv),
  ...trailSpecs("audit_firm", auditorTrail, auditorTrailCsv),
];
