import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { db } from "#db/client.server";
import * as clientReview from "~/routes/client.$orgId.questionnaires.$requestId";
import * as clientList from "~/routes/client.$orgId.questionnaires._index";
import * as clientSend from "~/routes/client.$orgId.questionnaires.send";
import * as vendorClient from "~/routes/vendor.$orgId.clients.$partnershipId";
import * as vendorRequest from "~/routes/vendor.$orgId.questionnaires.$requestId";
import * as vendorList from "~/routes/vendor.$orgId.questionnaires._index";
import { rolesByKind } from "~/auth/roles";
import { createPublishedVersion, createRequest } from "../../factories/questionnaire-requests";
import { withRealId } from "../placeholders";
import type { RouteSpec } from "../spec";
import type { MatrixWorld } from "../world";

const allClient = rolesByKind.client;
const allVendor = rolesByKind.vendor;
const clientEditors = ["admin", "manager"] as const;

/**
 * The request screens have an id below the organization that the matrix world does not hold.
 * The path carries a placeholder; the handler swaps in a request of the world's own partnership,
 * made once on first use. Foreign-request 404s are proven in requests-loop.integration.test.ts.
 */
const PLACEHOLDER = "00000000-0000-4000-8000-000000000000";
let currentWorld: MatrixWorld | undefined;
const requests = new WeakMap<MatrixWorld, Promise<string>>();

function ownRequestId(world: MatrixWorld) {
  let id = requests.get(world);
  if (!id) {
    id = (async () => {
      const { version } = await createPublishedVersion(db(), world.orgs.client.own);
      return (await createRequest(db(), world.partnerships.own, version.id)).id;
    })();
    requests.set(world, id);
  }
  return id;
}

type Handler = (args: LoaderFunctionArgs | ActionFunctionArgs) => Promise<unknown>;
const withRequest =
  (handler: Handler): Handler =>
  async (args) => {
    if (args.params.requestId !== PLACEHOLDER || !currentWorld) return handler(args);
    return handler(await withRealId(args, "requestId", PLACEHOLDER, await ownRequestId(currentWorld)));
  };

const onRequest = (side: "client" | "vendor") => (world: MatrixWorld, orgId: string) => {
  currentWorld = world;
  return { path: `/${side}/${orgId}/questionnaires/${PLACEHOLDER}`, params: { orgId, requestId: PLACEHOLDER } };
};

export const specs: RouteSpec[] = [
  {
    file: "client.$orgId.questionnaires._index",
    kind: "tenant",
    side: "client",
    method: "GET",
    handler: clientList.loader,
    allowed: allClient,
    request: (_, orgId) => ({ path: `/client/${orgId}/questionnaires`, params: { orgId } }),
  },
  {
    file: "client.$orgId.questionnaires.send",
    kind: "tenant",
    side: "client",
    method: "GET",
    handler: clientSend.loader,
    allowed: clientEditors,
    request: (_, orgId) => ({ path: `/client/${orgId}/questionnaires/send`, params: { orgId } }),
  },
  {
    file: "client.$orgId.questionnaires.send",
    kind: "tenant",
    side: "client",
    method: "POST",
    handler: clientSend.action,
    allowed: clientEditors,
    // Invalid on purpose (no version, no partner): allowed roles get the form back, nothing is sent.
    request: (_, orgId) => ({ path: `/client/${orgId}/questionnaires/send`, params: { orgId }, form: { dueDate: "2099-01-01" } }),
  },
  {
    file: "client.$orgId.questionnaires.$requestId",
    kind: "tenant",
    side: "client",
    method: "GET",
    handler: withRequest(clientReview.loader),
    allowed: allClient,
    request: onRequest("client"),
  },
  {
    file: "client.$orgId.questionnaires.$requestId",
    kind: "tenant",
    side: "client",
    method: "POST",
    handler: withRequest(clientReview.action),
    allowed: ["admin", "manager", "reviewer"],
    // Reviewing a request that is not submitted is refused (422) without writing anything.
    request: (world, orgId) => ({ ...onRequest("client")(world, orgId), form: { intent: "review", questionKey: "gen.dpa", verdict: "accepted" } }),
  },
  {
    file: "client.$orgId.questionnaires.$requestId",
    kind: "tenant",
    side: "client",
    method: "POST",
    handler: withRequest(clientReview.action),
    allowed: clientEditors,
    request: (world, orgId) => ({ ...onRequest("client")(world, orgId), form: { intent: "accept", version: "1" } }),
  },
  {
    file: "vendor.$orgId.questionnaires._index",
    kind: "tenant",
    side: "vendor",
    method: "GET",
    handler: vendorList.loader,
    allowed: allVendor,
    request: (_, orgId) => ({ path: `/vendor/${orgId}/questionnaires`, params: { orgId } }),
  },
  {
    file: "vendor.$orgId.questionnaires.$requestId",
    kind: "tenant",
    side: "vendor",
    method: "GET",
    handler: withRequest(vendorRequest.loader),
    allowed: allVendor,
    request: onRequest("vendor"),
  },
  {
    file: "vendor.$orgId.questionnaires.$requestId",
    kind: "tenant",
    side: "vendor",
    method: "POST",
    handler: withRequest(vendorRequest.action),
    allowed: ["admin", "responder", "contributor"],
    // An unknown question is refused (422) without writing anything.
    request: (world, orgId) => ({ ...onRequest("vendor")(world, orgId), form: { intent: "save", questionKey: "matrix.unknown", version: "0", value: "1" } }),
  },
  {
    file: "vendor.$orgId.questionnaires.$requestId",
    kind: "tenant",
    side: "vendor",
    method: "POST",
    handler: withRequest(vendorRequest.action),
    allowed: ["admin", "responder"],
    // Nothing answered yet: the submit is refused (422) with the missing questions.
    request: (world, orgId) => ({ ...onRequest("vendor")(world, orgId), form: { intent: "submit" } }),
  },
  {
    file: "vendor.$orgId.clients.$partnershipId",
    kind: "tenant",
    side: "vendor",
    method: "POST",
    handler: vendorClient.action,
    allowed: ["admin"],
    hasNestedIds: true,
    // Switching reuse on where it is on already changes nothing.
    request: (world, orgId, scope) => {
      const partnershipId = world.partnerships[scope];
      return { path: `/vendor/${orgId}/clients/${partnershipId}`, params: { orgId, partnershipId }, form: { intent: "reuse", enabled: "true" } };
    },
  },
];
