import * as clientRegister from "~/routes/client.$orgId.partners.$partnershipId_.subprocessors";
import * as vendorRegister from "~/routes/vendor.$orgId.clients.$partnershipId_.subprocessors";
import { rolesByKind } from "~/auth/roles";
import type { RouteSpec } from "../spec";

/**
 * The register hangs below a partnership, which the matrix world has: own and foreign ids are
 * the world's partnerships. Posts are invalid on purpose (allowed roles get the form back with
 * field errors, nothing is written); real writes are in subprocessors-*.integration.test.ts.
 */
export const specs: RouteSpec[] = [
  {
    file: "client.$orgId.partners.$partnershipId_.subprocessors",
    kind: "tenant",
    side: "client",
    method: "GET",
    handler: clientRegister.loader,
    allowed: rolesByKind.client,
    hasNestedIds: true,
    request: (world, orgId, scope) => {
      const partnershipId = world.partnerships[scope];
      return { path: `/client/${orgId}/partners/${partnershipId}/subprocessors`, params: { orgId, partnershipId } };
    },
  },
  {
    file: "client.$orgId.partners.$partnershipId_.subprocessors",
    kind: "tenant",
    side: "client",
    method: "POST",
    handler: clientRegister.action,
    allowed: ["admin", "manager"],
    hasNestedIds: true,
    request: (world, orgId, scope) => {
      const partnershipId = world.partnerships[scope];
      return { path: `/client/${orgId}/partners/${partnershipId}/subprocessors`, params: { orgId, partnershipId }, form: { intent: "object" } };
    },
  },
  {
    file: "vendor.$orgId.clients.$partnershipId_.subprocessors",
    kind: "tenant",
    side: "vendor",
    method: "GET",
    handler: vendorRegister.loader,
    allowed: rolesByKind.vendor,
    hasNestedIds: true,
    request: (world, orgId, scope) => {
      const partnershipId = world.partnerships[scope];
      return { path: `/vendor/${orgId}/clients/${partnershipId}/subprocessors`, params: { orgId, partnershipId } };
    },
  },
  {
    file: "vendor.$orgId.clients.$partnershipId_.subprocessors",
    kind: "tenant",
    side: "vendor",
    method: "POST",
    handler: vendorRegister.action,
    allowed: ["admin", "responder"],
    hasNestedIds: true,
    request: (world, orgId, scope) => {
      const partnershipId = world.partnerships[scope];
      return { path: `/vendor/${orgId}/clients/${partnershipId}/subprocessors`, params: { orgId, partnershipId }, form: { intent: "propose", country: "US" } };
    },
  },
];
