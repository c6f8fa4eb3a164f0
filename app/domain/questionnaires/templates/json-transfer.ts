import type { z } from "zod";
import { parseTemplateContent, type TemplateContent } from "../model";

/**
 * JSON export and import of one template version's content: an envelope naming the format and
 * its version around the content exactly as stored, so a round trip loses nothing.
 */
export const TEMPLATE_JSON_FORMAT = "contact-compliance-portal/questionnaire-template";
export const TEMPLATE_JSON_FORMAT_VERSION = 1;

export interface TransferIssue {
  /** Where: a dotted path in the content ("sections.0.questions.2.key"), or "" for the file. */
  path: string;
  messageKey: string;
  params?: Record<string, string | number>;
}

export const transferMessages = {
  notJson: "questionnaires:transfer.errors.notJson",
  wrongFormat: "questionnaires:transfer.errors.wrongFormat",
  unsupportedVersion: "questionnaires:transfer.errors.unsupportedVersion",
} as const;

export function exportTemplateJson(content: TemplateContent): string {
  return `${JSON.stringify({ format: TEMPLATE_JSON_FORMAT, formatVersion: TEMPLATE_JSON_FORMAT_VERSION, content }, null, 2)}\n`;
}

/** The schema's issues as transfer issues (paths joined with dots, params kept). */
export function issuesOf(error: z.ZodError, prefix: (string | number)[] = []): TransferIssue[] {
  return error.issues.map((issue) => {
    const params: Record<string, string | number> = {};
    const raw = issue as unknown as Record<string, unknown>;
    for (const name of ["minimum", "maximum"] as const) {
      if (typeof raw[name] === "number" || typeof raw[name] === "bigint") params[name === "minimum" ? "min" : "max"] = Number(raw[name]);
    }
    if ("params" in issue && issue.params) Object.assign(params, issue.params);
    return { path: [...prefix, ...issue.path].join("."), messageKey: issue.message, params };
  });
}

/** Parses and validates an exported file; nothing partial: the content, or every problem. */
export function importTemplateJson(text: string): { ok: true; content: TemplateContent } | { ok: false; issues: TransferIssue[] } {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return { ok: false, issues: [{ path: "", messageKey: transferMessages.notJson }] };
  }
  if (!data || typeof data !== "object" || (data as { format?: unknown }).format !== TEMPLATE_JSON_FORMAT) {
    return { ok: false, issues: [{ path: "", messageKey: transferMessages.wrongFormat }] };
  }
  const envelope = data as { formatVersion?: unknown; content?: unknown };
  if (envelope.formatVersion !== TEMPLATE_JSON_FORMAT_VERSION) {
    return { ok: false, issues: [{ path: "", messageKey: transferMessages.unsupportedVersion, params: { version: String(envelope.formatVersion) } }] };
  }
  const parsed = parseTemplateContent(envelope.content);
  if (!parsed.success) return { ok: false, issues: issuesOf(parsed.error, ["content"]) };
  return { ok: true, content: parsed.data };
}
