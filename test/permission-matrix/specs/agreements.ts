import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { db } from "#db/client.server";
import { insertTemplate, insertTemplateVersion } from "#db/queries/agreements";
import { rolesByKind, type Role } from "~/auth/roles";
import { defaultAgreementContent } from "~/domain/agreements/default-template";
import * as clientDetail from "~/routes/client.$orgId.agreements.$agreementId";
import * as clientPdf from "~/routes/client.$orgId.agreements.$agreementId_.pdf";
import * as clientList from "~/routes/client.$orgId.agreements._index";
import * as clientSend from "~/routes/client.$orgId.agreements.send";
import * as clientTemplate from "~/routes/client.$orgId.agreements.templates.$templateId";
import * as clientTemplates from "~/routes/client.$orgId.agreements.templates._index";
import * as vendorDetail from "~/routes/vendor.$orgId.agreements.$agreementId";
import * as vendorPdf from "~/routes/vendor.$orgId.agreements.$agreementId_.pdf";
import * as vendorList from "~/routes/vendor.$orgId.agreements._index";
import * as verify from "~/routes/verify";
import { createAgreement } from "../../factories/agreements";
import { withRealId } from "../placeholders";
import type { RouteSpec } from "../spec";
import type { MatrixWorld } from "../world";

const allClient = rolesByKind.client;
const allVendor = rolesByKind.vendor;
const clientEditors = ["admin", "manager"] as const;

/**
 * The agreement and template screens have ids below the organization that the matrix world does
 * not hold. Paths carry placeholders; the handler swaps in an agreement in force (with a stored
 * PDF) or an own template of the world's own or foreign tenant, made once on first use.
 */
const OWN = "00000000-0000-4000-8000-00000000a001";
const FOREIGN = "00000000-0000-4000-8000-00000000a002";
let currentWorld: MatrixWorld | undefined;
const made = new WeakMap<MatrixWorld, Map<string, Promise<string>>>();

function once(world: MatrixWorld, key: string, make: () => Promise<string>) {
  let byKey = made.get(world);
  if (!byKey) made.set(world, (byKey = new Map()));
  let id = byKey.get(key);
  if (!id) byKey.set(key, (id = make()));
  return id;
}

const agreementOf = (world: MatrixWorld, scope: "own" | "foreign") =>
  once(world, `agreement:${scope}`, async () => (await createAgreement(db(), world.partnerships[scope], { inForce: true })).id);

const templateOf = (world: MatrixWorld, scope: "own" | "foreign") =>
  once(world, `template:${scope}`, async () => {
    const template = await insertTemplate(db(), { ownerOrgId: world.orgs.client[scope] });
    await insertTemplateVersion(db(), { templateId: template.id, version: 1, status: "draft", content: structuredClone(defaultAgreementContent) as unknown as Record<string, unknown> });
    return template.id;
  });

type Handler = (args: LoaderFunctionArgs | ActionFunctionArgs) => Promise<unknown>;
const withIds =
  (param: "agreementId" | "templateId", handler: Handler): Handler =>
  async (args) => {
    const placeholder = args.params[param];
    if ((placeholder !== OWN && placeholder !== FOREIGN) || !currentWorld) return handler(args);
    const scope = placeholder === OWN ? "own" : "foreign";
    const id = await (param === "agreementId" ? agreementOf(currentWorld, scope) : templateOf(currentWorld, scope));
    return handler(await withRealId(args, param, placeholder, id));
  };

const onAgreement =
  (side: "client" | "vendor", suffix = "", form?: Record<string, string>) =>
  (world: MatrixWorld, orgId: string, scope: "own" | "foreign") => {
    currentWorld = world;
    const agreementId = scope === "own" ? OWN : FOREIGN;
    return { path: `/${side}/${orgId}/agreements/${agreementId}${suffix}`, params: { orgId, agreementId }, form };
  };

/** A POST to an agreement's page (the matrix's agreement is in force). */
const onAgreementPage = (side: "client" | "vendor", allowed: readonly Role[], form: Record<string, string>): RouteSpec => ({
  file: `${side}.$orgId.agreements.$agreementId`,
  kind: "tenant",
  side,
  method: "POST",
  handler: withIds("agreementId", side === "client" ? clientDetail.action : vendorDetail.action),
  allowed,
  hasNestedIds: true,
  request: onAgreement(side, "", form),
});

/** A signature with a hash that matches no text. */
const signing = (intent: "sign" | "countersign") => ({ intent, fullName: "Matrix Signer", jobTitle: "Director", consent: "on", documentHash: "0".repeat(64) });

const onTemplate =
  (form?: Record<string, string>) =>
  (world: MatrixWorld, orgId: string, scope: "own" | "foreign") => {
    currentWorld = world;
    const templateId = scope === "own" ? OWN : FOREIGN;
    return { path: `/client/${orgId}/agreements/templates/${templateId}`, params: { orgId, templateId }, form };
  };

export const specs: RouteSpec[] = [
  {
    file: "client.$orgId.agreements._index",
    kind: "tenant",
    side: "client",
    method: "GET",
    handler: clientList.loader,
    allowed: allClient,
    request: (_, orgId) => ({ path: `/client/${orgId}/agreements`, params: { orgId } }),
  },
  {
    file: "client.$orgId.agreements.send",
    kind: "tenant",
    side: "client",
    method: "GET",
    handler: clientSend.loader,
    allowed: clientEditors,
    request: (_, orgId) => ({ path: `/client/${orgId}/agreements/send`, params: { orgId } }),
  },
  {
    file: "client.$orgId.agreements.send",
    kind: "tenant",
    side: "client",
    method: "POST",
    handler: clientSend.action,
    allowed: clientEditors,
    // Invalid on purpose (no partner, no version): allowed roles get the form back, nothing is sent.
    request: (_, orgId) => ({ path: `/client/${orgId}/agreements/send`, params: { orgId }, form: { language: "nl" } }),
  },
  {
    file: "client.$orgId.agreements.templates._index",
    kind: "tenant",
    side: "client",
    method: "GET",
    handler: clientTemplates.loader,
    allowed: allClient,
    request: (_, orgId) => ({ path: `/client/${orgId}/agreements/templates`, params: { orgId } }),
  },
  {
    file: "client.$orgId.agreements.templates._index",
    kind: "tenant",
    side: "client",
    method: "POST",
    handler: clientTemplates.action,
    allowed: clientEditors,
    // Not a template id: refused with a form error, nothing copied.
    request: (_, orgId) => ({ path: `/client/${orgId}/agreements/templates`, params: { orgId }, form: { intent: "copy", templateId: "nope" } }),
  },
  {
    file: "client.$orgId.agreements.templates.$templateId",
    kind: "tenant",
    side: "client",
    method: "GET",
    handler: withIds("templateId", clientTemplate.loader),
    allowed: allClient,
    hasNestedIds: true,
    request: onTemplate(),
  },
  {
    file: "client.$orgId.agreements.templates.$templateId",
    kind: "tenant",
    side: "client",
    method: "POST",
    handler: withIds("templateId", clientTemplate.action),
    allowed: clientEditors,
    hasNestedIds: true,
    // A stale lock version: publishing is refused (409) without writing anything.
    request: onTemplate({ intent: "publish", lockVersion: "999" }),
  },
  {
    file: "client.$orgId.agreements.$agreementId",
    kind: "tenant",
    side: "client",
    method: "GET",
    handler: withIds("agreementId", clientDetail.loader),
    allowed: allClient,
    hasNestedIds: true,
    request: onAgreement("client"),
  },
  // The agreement is in force, so closed for comments: refused (422) without writing anything.
  onAgreementPage("client", ["admin", "manager", "reviewer"], { intent: "comment", body: "Matrix comment" }),
  // Countersigning an agreement already in force: idempotent, nothing written.
  onAgreementPage("client", clientEditors, signing("countersign")),
  // A stale lock version: refused (409), the agreement stays in force.
  onAgreementPage("client", clientEditors, { intent: "terminate", reason: "Matrix check", lockVersion: "999" }),
  {
    file: "client.$orgId.agreements.$agreementId_.pdf",
    kind: "tenant",
    side: "client",
    method: "GET",
    handler: withIds("agreementId", clientPdf.loader),
    allowed: allClient,
    hasNestedIds: true,
    request: onAgreement("client", "/pdf"),
  },
  {
    file: "vendor.$orgId.agreements._index",
    kind: "tenant",
    side: "vendor",
    method: "GET",
    handler: vendorList.loader,
    allowed: allVendor,
    request: (_, orgId) => ({ path: `/vendor/${orgId}/agreements`, params: { orgId } }),
  },
  {
    file: "vendor.$orgId.agreements.$agreementId",
    kind: "tenant",
    side: "vendor",
    method: "GET",
    handler: withIds("agreementId", vendorDetail.loader),
    allowed: allVendor,
    hasNestedIds: true,
    request: onAgreement("vendor"),
  },
  // Signing an agreement already in force: idempotent, nothing written.
  onAgreementPage("vendor", ["admin"], signing("sign")),
  // Closed for comments (in force): refused (422) without writing anything.
  onAgreementPage("vendor", ["admin", "responder"], { intent: "comment", body: "Matrix comment" }),
  // A document that does not exist: refused (422) without linking anything.
  onAgreementPage("vendor", ["admin", "responder"], { intent: "attach", evidenceId: "00000000-0000-4000-8000-00000000e001" }),
  {
    file: "vendor.$orgId.agreements.$agreementId_.pdf",
    kind: "tenant",
    side: "vendor",
    method: "GET",
    handler: withIds("agreementId", vendorPdf.loader),
    allowed: allVendor,
    hasNestedIds: true,
    request: onAgreement("vendor", "/pdf"),
  },
  { file: "verify", kind: "public", method: "GET", handler: verify.loader, request: () => ({ path: `/verify?hash=${"f".repeat(64)}` }), expect: { signedIn: 200, anonymous: 200 } },
  { file: "verify", kind: "public", method: "POST", handler: verify.action, request: () => ({ path: "/verify", form: { hash: "not-a-hash" } }), expect: { signedIn: 200, anonymous: 200 } },
];
