import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { db } from "#db/client.server";
import { rolesByKind } from "~/auth/roles";
import * as clientHistory from "~/routes/client.$orgId.training.$requirementId_.$partnershipId";
import * as clientRequirement from "~/routes/client.$orgId.training.$requirementId";
import * as clientList from "~/routes/client.$orgId.training._index";
import * as clientNew from "~/routes/client.$orgId.training.new";
import * as vendorAttest from "~/routes/vendor.$orgId.training.$partnershipId.$requirementId";
import * as vendorList from "~/routes/vendor.$orgId.training._index";
import * as vendorTemplate from "~/routes/vendor.$orgId.training.roster-template[.]csv";
import { createTrainingRequirement } from "../../factories/training";
import { withRealId } from "../placeholders";
import type { RouteSpec } from "../spec";
import type { MatrixWorld } from "../world";

const allClient = rolesByKind.client;
const allVendor = rolesByKind.vendor;
const clientEditors = ["admin", "manager"] as const;
const attesters = ["admin", "responder"] as const;

/**
 * The training screens carry a requirement id the matrix world does not hold. Paths carry a
 * placeholder per scope; the handler swaps in a requirement of the own or the foreign client
 * (applying to all of its partnerships), made once per world on first use.
 */
const OWN = "00000000-0000-4000-8000-00000000a001";
const FOREIGN = "00000000-0000-4000-8000-00000000a002";
let currentWorld: MatrixWorld | undefined;
const requirements = new WeakMap<MatrixWorld, Promise<{ own: string; foreign: string }>>();

function requirementIds(world: MatrixWorld) {
  let ids = requirements.get(world);
  if (!ids) {
    ids = (async () => ({
      own: (await createTrainingRequirement(db(), world.orgs.client.own)).id,
      foreign: (await createTrainingRequirement(db(), world.orgs.client.foreign)).id,
    }))();
    requirements.set(world, ids);
  }
  return ids;
}

type Handler = (args: LoaderFunctionArgs | ActionFunctionArgs) => Promise<unknown>;
const withRequirement =
  (handler: Handler): Handler =>
  async (args) => {
    const placeholder = args.params.requirementId;
    if ((placeholder !== OWN && placeholder !== FOREIGN) || !currentWorld) return handler(args);
    const ids = await requirementIds(currentWorld);
    return handler(await withRealId(args, "requirementId", placeholder, placeholder === OWN ? ids.own : ids.foreign));
  };

type Scope = "own" | "foreign";
const clientRequirementPath = (world: MatrixWorld, orgId: string, scope: Scope) => {
  currentWorld = world;
  const requirementId = scope === "own" ? OWN : FOREIGN;
  return { path: `/client/${orgId}/training/${requirementId}`, params: { orgId, requirementId } };
};
const clientHistoryPath = (world: MatrixWorld, orgId: string, scope: Scope) => {
  currentWorld = world;
  const requirementId = scope === "own" ? OWN : FOREIGN;
  const partnershipId = world.partnerships[scope];
  return { path: `/client/${orgId}/training/${requirementId}/${partnershipId}`, params: { orgId, requirementId, partnershipId } };
};
const vendorAttestPath = (world: MatrixWorld, orgId: string, scope: Scope) => {
  currentWorld = world;
  const requirementId = scope === "own" ? OWN : FOREIGN;
  const partnershipId = world.partnerships[scope];
  return { path: `/vendor/${orgId}/training/${partnershipId}/${requirementId}`, params: { orgId, partnershipId, requirementId } };
};

export const specs: RouteSpec[] = [
  {
    file: "client.$orgId.training._index",
    kind: "tenant",
    side: "client",
    method: "GET",
    handler: clientList.loader,
    allowed: allClient,
    request: (_, orgId) => ({ path: `/client/${orgId}/training`, params: { orgId } }),
  },
  {
    file: "client.$orgId.training.new",
    kind: "tenant",
    side: "client",
    method: "GET",
    handler: clientNew.loader,
    allowed: clientEditors,
    request: (_, orgId) => ({ path: `/client/${orgId}/training/new`, params: { orgId } }),
  },
  {
    file: "client.$orgId.training.new",
    kind: "tenant",
    side: "client",
    method: "POST",
    handler: clientNew.action,
    allowed: clientEditors,
    // Invalid on purpose (no roles): allowed roles get the form back, nothing is created.
    request: (_, orgId) => ({ path: `/client/${orgId}/training/new`, params: { orgId }, form: { topic: "avg_basics", frequencyMonths: "12", minimumCoveragePercent: "95", scope: "all" } }),
  },
  {
    file: "client.$orgId.training.$requirementId",
    kind: "tenant",
    side: "client",
    method: "GET",
    handler: withRequirement(clientRequirement.loader),
    allowed: allClient,
    hasNestedIds: true,
    request: clientRequirementPath,
  },
  {
    file: "client.$orgId.training.$requirementId",
    kind: "tenant",
    side: "client",
    method: "POST",
    handler: withRequirement(clientRequirement.action),
    allowed: clientEditors,
    hasNestedIds: true,
    // A stale version: a conflict (409), nothing archived.
    request: (world, orgId, scope) => ({ ...clientRequirementPath(world, orgId, scope), form: { intent: "archive", lockVersion: "999" } }),
  },
  {
    file: "client.$orgId.training.$requirementId_.$partnershipId",
    kind: "tenant",
    side: "client",
    method: "GET",
    handler: withRequirement(clientHistory.loader),
    allowed: allClient,
    hasNestedIds: true,
    request: clientHistoryPath,
  },
  {
    file: "vendor.$orgId.training._index",
    kind: "tenant",
    side: "vendor",
    method: "GET",
    handler: vendorList.loader,
    allowed: allVendor,
    request: (_, orgId) => ({ path: `/vendor/${orgId}/training`, params: { orgId } }),
  },
  {
    file: "vendor.$orgId.training.roster-template[.]csv",
    kind: "tenant",
    side: "vendor",
    method: "GET",
    handler: vendorTemplate.loader,
    allowed: allVendor,
    request: (_, orgId) => ({ path: `/vendor/${orgId}/training/roster-template.csv`, params: { orgId } }),
  },
  {
    file: "vendor.$orgId.training.$partnershipId.$requirementId",
    kind: "tenant",
    side: "vendor",
    method: "GET",
    handler: withRequirement(vendorAttest.loader),
    allowed: allVendor,
    hasNestedIds: true,
    request: vendorAttestPath,
  },
  {
    file: "vendor.$orgId.training.$partnershipId.$requirementId",
    kind: "tenant",
    side: "vendor",
    method: "POST",
    handler: withRequirement(vendorAttest.action),
    allowed: attesters,
    hasNestedIds: true,
    // Invalid on purpose (no period): allowed roles get the form back (422), nothing is attested.
    request: (world, orgId, scope) => ({ ...vendorAttestPath(world, orgId, scope), form: { mode: "counts" } }),
  },
];
