import * as auditorIndex from "~/routes/auditor.$orgId._index";
import * as auditorSection from "~/routes/auditor.$orgId.$section";
import * as auditorLayout from "~/routes/auditor.$orgId";
import * as clientIndex from "~/routes/client.$orgId._index";
import * as clientSection from "~/routes/client.$orgId.$section";
import * as clientLayout from "~/routes/client.$orgId";
import * as partnerDetail from "~/routes/client.$orgId.partners.$partnershipId";
import * as partnerList from "~/routes/client.$orgId.partners._index";
import * as partnerNew from "~/routes/client.$orgId.partners.new";
import * as vendorClient from "~/routes/vendor.$orgId.clients.$partnershipId";
import * as vendorIndex from "~/routes/vendor.$orgId._index";
import * as vendorSection from "~/routes/vendor.$orgId.$section";
import * as vendorLayout from "~/routes/vendor.$orgId";
import { rolesByKind } from "~/auth/roles";
import type { RouteSpec } from "../spec";

const allClient = rolesByKind.client;
const allVendor = rolesByKind.vendor;
const allAuditor = rolesByKind.audit_firm;
const clientEditors = ["admin", "manager"] as const;

export const specs: RouteSpec[] = [
  // Side layouts and home pages.
  {
    file: "client.$orgId",
    kind: "tenant",
    side: "client",
    method: "GET",
    handler: clientLayout.loader,
    allowed: allClient,
    request: (_, orgId) => ({ path: `/client/${orgId}`, params: { orgId } }),
  },
  {
    file: "vendor.$orgId",
    kind: "tenant",
    side: "vendor",
    method: "GET",
    handler: vendorLayout.loader,
    allowed: allVendor,
    request: (_, orgId) => ({ path: `/vendor/${orgId}`, params: { orgId } }),
  },
  {
    file: "auditor.$orgId",
    kind: "tenant",
    side: "audit_firm",
    method: "GET",
    handler: auditorLayout.loader,
    allowed: allAuditor,
    request: (_, orgId) => ({ path: `/auditor/${orgId}`, params: { orgId } }),
  },
  {
    file: "client.$orgId._index",
    kind: "tenant",
    side: "client",
    method: "GET",
    handler: clientIndex.loader,
    allowed: allClient,
    request: (_, orgId) => ({ path: `/client/${orgId}`, params: { orgId } }),
  },
  {
    file: "vendor.$orgId._index",
    kind: "tenant",
    side: "vendor",
    method: "GET",
    handler: vendorIndex.loader,
    allowed: allVendor,
    request: (_, orgId) => ({ path: `/vendor/${orgId}`, params: { orgId } }),
  },
  {
    file: "auditor.$orgId._index",
    kind: "tenant",
    side: "audit_firm",
    method: "GET",
    handler: auditorIndex.loader,
    allowed: allAuditor,
    request: (_, orgId) => ({ path: `/auditor/${orgId}`, params: { orgId } }),
  },
  // Sections still to come.
  {
    file: "client.$orgId.$section",
    kind: "tenant",
    side: "client",
    method: "GET",
    handler: clientSection.loader,
    allowed: allClient,
    request: (_, orgId) => ({ path: `/client/${orgId}/findings`, params: { orgId, section: "findings" } }),
  },
  {
    file: "vendor.$orgId.$section",
    kind: "tenant",
    side: "vendor",
    method: "GET",
    handler: vendorSection.loader,
    allowed: allVendor,
    request: (_, orgId) => ({ path: `/vendor/${orgId}/incidents`, params: { orgId, section: "incidents" } }),
  },
  {
    file: "auditor.$orgId.$section",
    kind: "tenant",
    side: "audit_firm",
    method: "GET",
    handler: auditorSection.loader,
    allowed: allAuditor,
    request: (_, orgId) => ({ path: `/auditor/${orgId}/audits`, params: { orgId, section: "audits" } }),
  },
  // The client's partnership register.
  {
    file: "client.$orgId.partners._index",
    kind: "tenant",
    side: "client",
    method: "GET",
    handler: partnerList.loader,
    allowed: allClient,
    request: (_, orgId) => ({ path: `/client/${orgId}/partners?status=active`, params: { orgId } }),
  },
  {
    file: "client.$orgId.partners.new",
    kind: "tenant",
    side: "client",
    method: "GET",
    handler: partnerNew.loader,
    allowed: clientEditors,
    request: (_, orgId) => ({ path: `/client/${orgId}/partners/new`, params: { orgId } }),
  },
  {
    file: "client.$orgId.partners.new",
    kind: "tenant",
    side: "client",
    method: "POST",
    handler: partnerNew.action,
    allowed: clientEditors,
    // Invalid on purpose (no e-mail): allowed roles get the form back, nothing is written.
    request: (_, orgId) => ({ path: `/client/${orgId}/partners/new`, params: { orgId }, form: { vendorDisplayName: "Matrix" } }),
  },
  {
    file: "client.$orgId.partners.$partnershipId",
    kind: "tenant",
    side: "client",
    method: "GET",
    handler: partnerDetail.loader,
    allowed: allClient,
    hasNestedIds: true,
    request: (world, orgId, scope) => {
      const partnershipId = world.partnerships[scope];
      return { path: `/client/${orgId}/partners/${partnershipId}`, params: { orgId, partnershipId } };
    },
  },
  {
    file: "client.$orgId.partners.$partnershipId",
    kind: "tenant",
    side: "client",
    method: "POST",
    handler: partnerDetail.action,
    allowed: clientEditors,
    hasNestedIds: true,
    // Revoking when nothing is pending is refused (422) without writing anything.
    request: (world, orgId, scope) => {
      const partnershipId = world.partnerships[scope];
      return { path: `/client/${orgId}/partners/${partnershipId}`, params: { orgId, partnershipId }, form: { intent: "revoke" } };
    },
  },
  {
    file: "client.$orgId.partners.$partnershipId",
    kind: "tenant",
    side: "client",
    method: "POST",
    handler: partnerDetail.action,
    allowed: clientEditors,
    hasNestedIds: true,
    // A stale version: allowed roles get 409, nothing is written.
    request: (world, orgId, scope) => {
      const partnershipId = world.partnerships[scope];
      return {
        path: `/client/${orgId}/partners/${partnershipId}`,
        params: { orgId, partnershipId },
        form: { intent: "status", version: "999999", status: "suspended" },
      };
    },
  },
  // The vendor's view of a partnership.
  {
    file: "vendor.$orgId.clients.$partnershipId",
    kind: "tenant",
    side: "vendor",
    method: "GET",
    handler: vendorClient.loader,
    allowed: allVendor,
    hasNestedIds: true,
    request: (world, orgId, scope) => {
      const partnershipId = world.partnerships[scope];
      return { path: `/vendor/${orgId}/clients/${partnershipId}`, params: { orgId, partnershipId } };
    },
  },
];
