import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { eq } from "drizzle-orm";
import { db } from "#db/client.server";
import { questionnaireRequests } from "#db/schema/index";
import { rolesByKind } from "~/auth/roles";
import * as clientXlsx from "~/routes/client.$orgId.questionnaires.$requestId[.]xlsx";
import * as vendorImport from "~/routes/vendor.$orgId.questionnaires.$requestId_.import";
import * as vendorXlsx from "~/routes/vendor.$orgId.questionnaires.$requestId[.]xlsx";
import { createPublishedVersion, createRequest } from "../../factories/questionnaire-requests";
import { withRealId } from "../placeholders";
import type { RouteSpec } from "../spec";
import type { MatrixWorld } from "../world";

const answerers = ["admin", "responder", "contributor"] as const;

/**
 * Offline answering (XLSX export and import). As in requests.ts, the path carries a placeholder
 * that the handler swaps for a request of the world's own partnership. That request is already
 * submitted, so the client's download (which waits for the submission) is allowed. Foreign
 * requests and the refusal before submission are proven in requests-xlsx.integration.test.ts.
 */
const PLACEHOLDER = "00000000-0000-4000-8000-0000000000aa";
let currentWorld: MatrixWorld | undefined;
const requests = new WeakMap<MatrixWorld, Promise<string>>();

function ownRequestId(world: MatrixWorld) {
  let id = requests.get(world);
  if (!id) {
    id = (async () => {
      const { version } = await createPublishedVersion(db(), world.orgs.client.own);
      const request = await createRequest(db(), world.partnerships.own, version.id);
      await db().update(questionnaireRequests).set({ status: "submitted", submittedAt: new Date() }).where(eq(questionnaireRequests.id, request.id));
      return request.id;
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

const onRequest = (side: "client" | "vendor", suffix: string) => (world: MatrixWorld, orgId: string) => {
  currentWorld = world;
  return { path: `/${side}/${orgId}/questionnaires/${PLACEHOLDER}${suffix}`, params: { orgId, requestId: PLACEHOLDER } };
};

export const specs: RouteSpec[] = [
  {
    file: "vendor.$orgId.questionnaires.$requestId[.]xlsx",
    kind: "tenant",
    side: "vendor",
    method: "GET",
    handler: withRequest(vendorXlsx.loader),
    allowed: rolesByKind.vendor,
    request: onRequest("vendor", ".xlsx"),
  },
  {
    file: "client.$orgId.questionnaires.$requestId[.]xlsx",
    kind: "tenant",
    side: "client",
    method: "GET",
    handler: withRequest(clientXlsx.loader),
    allowed: rolesByKind.client,
    request: onRequest("client", ".xlsx"),
  },
  {
    file: "vendor.$orgId.questionnaires.$requestId_.import",
    kind: "tenant",
    side: "vendor",
    method: "GET",
    handler: withRequest(vendorImport.loader),
    allowed: answerers,
    request: onRequest("vendor", "/import"),
  },
  {
    file: "vendor.$orgId.questionnaires.$requestId_.import",
    kind: "tenant",
    side: "vendor",
    method: "POST",
    handler: withRequest(vendorImport.action),
    allowed: answerers,
    // No file: refused (422) without writing anything.
    request: onRequest("vendor", "/import"),
  },
];
