import { db } from "#db/client.server";
import * as clientDetail from "~/routes/client.$orgId.evidence.$evidenceId";
import * as clientFile from "~/routes/client.$orgId.evidence.$evidenceId_.file";
import * as vendorDetail from "~/routes/vendor.$orgId.evidence.$evidenceId";
import * as vendorFile from "~/routes/vendor.$orgId.evidence.$evidenceId_.file";
import * as vendorLibrary from "~/routes/vendor.$orgId.evidence._index";
import * as vendorUpload from "~/routes/vendor.$orgId.evidence.upload";
import { rolesByKind } from "~/auth/roles";
import { createStoredEvidence } from "../../factories/evidence";
import { withRealId } from "../placeholders";
import type { RouteSpec } from "../spec";
import type { MatrixWorld } from "../world";

const allClient = rolesByKind.client;
const allVendor = rolesByKind.vendor;
const uploaders = ["admin", "responder", "contributor"] as const;
const managers = ["admin", "responder"] as const;

/**
 * Evidence ids are below the organization; the world has none. Paths carry a placeholder for
 * the own vendor's document (shared with the own client) or the foreign vendor's (shared with
 * the foreign client); the handler swaps in the real id, made once per world.
 */
const OWN = "00000000-0000-4000-8000-0000000000e1";
const FOREIGN = "00000000-0000-4000-8000-0000000000e2";
let currentWorld: MatrixWorld | undefined;
const made = new WeakMap<MatrixWorld, Promise<{ own: string; foreign: string }>>();

function evidenceOf(world: MatrixWorld) {
  let ids = made.get(world);
  if (!ids) {
    ids = (async () => ({
      own: (await createStoredEvidence(db(), world.orgs.vendor.own, { sharedWith: world.partnerships.own })).evidenceId,
      foreign: (await createStoredEvidence(db(), world.orgs.vendor.foreign, { sharedWith: world.partnerships.foreign })).evidenceId,
    }))();
    made.set(world, ids);
  }
  return ids;
}

type Handler = RouteSpec["handler"];
const withEvidence =
  (handler: Handler): Handler =>
  async (args) => {
    const placeholder = args.params.evidenceId;
    if ((placeholder !== OWN && placeholder !== FOREIGN) || !currentWorld) return handler(args);
    const ids = await evidenceOf(currentWorld);
    return handler(await withRealId(args, "evidenceId", placeholder, placeholder === OWN ? ids.own : ids.foreign));
  };

const onEvidence =
  (side: "client" | "vendor", suffix = "") =>
  (world: MatrixWorld, orgId: string, scope: "own" | "foreign") => {
    currentWorld = world;
    const id = scope === "own" ? OWN : FOREIGN;
    return { path: `/${side}/${orgId}/evidence/${id}${suffix}`, params: { orgId, evidenceId: id } };
  };

export const specs: RouteSpec[] = [
  {
    file: "vendor.$orgId.evidence._index",
    kind: "tenant",
    side: "vendor",
    method: "GET",
    handler: vendorLibrary.loader,
    allowed: allVendor,
    request: (_, orgId) => ({ path: `/vendor/${orgId}/evidence`, params: { orgId } }),
  },
  {
    file: "vendor.$orgId.evidence._index",
    kind: "tenant",
    side: "vendor",
    method: "POST",
    handler: vendorLibrary.action,
    allowed: uploaders,
    // Not a multipart upload: allowed roles get "choose a file" back, nothing is stored.
    request: (_, orgId) => ({ path: `/vendor/${orgId}/evidence`, params: { orgId }, form: { title: "x" } }),
  },
  {
    file: "vendor.$orgId.evidence.upload",
    kind: "tenant",
    side: "vendor",
    method: "POST",
    handler: vendorUpload.action,
    allowed: uploaders,
    request: (_, orgId) => ({ path: `/vendor/${orgId}/evidence/upload`, params: { orgId }, form: { title: "x" } }),
  },
  {
    file: "vendor.$orgId.evidence.$evidenceId",
    kind: "tenant",
    side: "vendor",
    method: "GET",
    handler: withEvidence(vendorDetail.loader),
    allowed: allVendor,
    request: onEvidence("vendor"),
    hasNestedIds: true,
  },
  {
    file: "vendor.$orgId.evidence.$evidenceId",
    kind: "tenant",
    side: "vendor",
    method: "POST",
    handler: withEvidence(vendorDetail.action),
    allowed: managers,
    // Renaming to the same title and kind changes nothing.
    request: (world, orgId, scope) => ({ ...onEvidence("vendor")(world, orgId, scope), form: { intent: "edit", title: "Test certificate", kind: "certificate" } }),
    hasNestedIds: true,
  },
  {
    file: "vendor.$orgId.evidence.$evidenceId_.file",
    kind: "tenant",
    side: "vendor",
    method: "GET",
    handler: withEvidence(vendorFile.loader),
    allowed: allVendor,
    request: onEvidence("vendor", "/file"),
    hasNestedIds: true,
  },
  {
    file: "client.$orgId.evidence.$evidenceId",
    kind: "tenant",
    side: "client",
    method: "GET",
    handler: withEvidence(clientDetail.loader),
    allowed: allClient,
    request: onEvidence("client"),
    hasNestedIds: true,
  },
  {
    file: "client.$orgId.evidence.$evidenceId_.file",
    kind: "tenant",
    side: "client",
    method: "GET",
    handler: withEvidence(clientFile.loader),
    allowed: allClient,
    request: onEvidence("client", "/file"),
    hasNestedIds: true,
  },
];
