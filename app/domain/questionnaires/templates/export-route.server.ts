import type { LoaderFunctionArgs } from "@remix-run/node";
import { isUuid, requireActor } from "~/auth/guards.server";
import { domainErrorResponse, notFound } from "~/utils/http.server";
import { exportTemplateJson } from "./json-transfer";
import { getTemplateVersionContent } from "./templates.server";
import { exportTemplateXlsx } from "./xlsx-transfer.server";

const contentTypes = {
  json: "application/json; charset=utf-8",
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
} as const;

/** The loader of both export resource routes: one version (default: draft, else latest published). */
export async function exportTemplateLoader(format: "json" | "xlsx", { request, params }: LoaderFunctionArgs) {
  const { actor } = await requireActor(request, params.orgId, "client", "template.view");
  if (!isUuid(params.templateId)) notFound();
  const raw = new URL(request.url).searchParams.get("version");
  const version = raw && /^\d{1,6}$/.test(raw) ? Number(raw) : undefined;
  const found = await getTemplateVersionContent(actor, params.templateId, version).catch((error) => {
    domainErrorResponse(error);
    throw error;
  });
  const content = found.version.content;
  const body: BodyInit = format === "json" ? exportTemplateJson(content) : new Uint8Array(await exportTemplateXlsx(content));
  const name = `${found.template.librarySlug ?? "template"}-v${found.version.version}.${format}`;
  return new Response(body, {
    headers: {
      "content-type": contentTypes[format],
      "content-disposition": `attachment; filename="${name}"`,
      "cache-control": "private, no-store",
      "x-content-type-options": "nosniff",
    },
  });
}
