import { randomUUID } from "node:crypto";
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { db } from "#db/client.server";
import { rolesByKind } from "~/auth/roles";
import * as builder from "~/routes/client.$orgId.templates.$templateId";
import * as exportJson from "~/routes/client.$orgId.templates.$templateId[.]json";
import * as exportXlsx from "~/routes/client.$orgId.templates.$templateId[.]xlsx";
import * as preview from "~/routes/client.$orgId.templates.$templateId_.preview";
import * as list from "~/routes/client.$orgId.templates._index";
import { createTemplate } from "../../factories/templates";
import type { RouteSpec } from "../spec";
import type { MatrixWorld } from "../world";

const allClient = rolesByKind.client;
const clientEditors = ["admin", "manager"] as const;

// request() is synchronous, so the templates get ids up front and are made on first use: one
// with a draft in the own client, one in the foreign client.
const templateIds = { own: randomUUID(), foreign: randomUUID() };
let world: MatrixWorld | undefined;
let made: Promise<void> | undefined;
function ensureTemplates() {
  if (!world) throw new Error("request() runs before the handler");
  const { own, foreign } = world.orgs.client;
  made ??= (async () => {
    await createTemplate(db(), own, { id: templateIds.own });
    await createTemplate(db(), foreign, { id: templateIds.foreign });
  })();
  return made;
}
type Handler = (args: LoaderFunctionArgs | ActionFunctionArgs) => Promise<unknown>;
const withTemplates =
  (handler: Handler): Handler =>
  async (args) => {
    await ensureTemplates();
    return handler(args);
  };

function templateTarget(suffix: string, form?: Record<string, string>) {
  return (w: MatrixWorld, orgId: string, scope: "own" | "foreign") => {
    world = w;
    const templateId = templateIds[scope];
    return { path: `/client/${orgId}/templates/${templateId}${suffix}`, params: { orgId, templateId }, form };
  };
}

export const specs: RouteSpec[] = [
  {
    file: "client.$orgId.templates._index",
    kind: "tenant",
    side: "client",
    method: "GET",
    handler: list.loader,
    allowed: allClient,
    request: (_, orgId) => ({ path: `/client/${orgId}/templates`, params: { orgId } }),
  },
  {
    file: "client.$orgId.templates._index",
    kind: "tenant",
    side: "client",
    method: "POST",
    handler: list.action,
    allowed: clientEditors,
    // No title: allowed roles get the problems back (422), nothing is written.
    request: (_, orgId) => ({ path: `/client/${orgId}/templates`, params: { orgId }, form: { intent: "create", title_nl: "", title_en: "" } }),
  },
  {
    file: "client.$orgId.templates.$templateId",
    kind: "tenant",
    side: "client",
    method: "GET",
    handler: withTemplates(builder.loader as Handler),
    allowed: allClient,
    hasNestedIds: true,
    request: templateTarget(""),
  },
  {
    file: "client.$orgId.templates.$templateId",
    kind: "tenant",
    side: "client",
    method: "POST",
    handler: withTemplates(builder.action as Handler),
    allowed: clientEditors,
    hasNestedIds: true,
    // A stale lockVersion: allowed roles get 409, nothing is written.
    request: templateTarget("", { intent: "moveSection", sectionKey: "general", direction: "down", lockVersion: "999999" }),
  },
  {
    file: "client.$orgId.templates.$templateId",
    kind: "tenant",
    side: "client",
    method: "POST",
    handler: withTemplates(builder.action as Handler),
    allowed: clientEditors,
    hasNestedIds: true,
    request: templateTarget("", { intent: "publish", lockVersion: "999999" }),
  },
  {
    file: "client.$orgId.templates.$templateId_.preview",
    kind: "tenant",
    side: "client",
    method: "GET",
    handler: withTemplates(preview.loader as Handler),
    allowed: allClient,
    hasNestedIds: true,
    request: templateTarget("/preview"),
  },
  {
    file: "client.$orgId.templates.$templateId[.]json",
    kind: "tenant",
    side: "client",
    method: "GET",
    handler: withTemplates(exportJson.loader as Handler),
    allowed: allClient,
    hasNestedIds: true,
    request: templateTarget(".json"),
  },
  {
    file: "client.$orgId.templates.$templateId[.]xlsx",
    kind: "tenant",
    side: "client",
    method: "GET",
    handler: withTemplates(exportXlsx.loader as Handler),
    allowed: allClient,
    hasNestedIds: true,
    request: templateTarget(".xlsx"),
  },
];
