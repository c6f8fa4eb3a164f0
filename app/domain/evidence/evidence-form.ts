import { z } from "zod";
import { isCalendarDate } from "~/utils/dates";

export const evidenceKinds = ["certificate", "policy", "report", "roster", "screenshot", "other"] as const;
export type EvidenceKind = (typeof evidenceKinds)[number];

export const TITLE_MAX = 200;
export const FILE_NAME_MAX = 200;

const required = { required_error: "validation.required", invalid_type_error: "validation.required" };
const optionalDate = z
  .string()
  .trim()
  .optional()
  .transform((v) => (v ? v : undefined))
  .refine((v) => v === undefined || isCalendarDate(v), "evidence:errors.dateInvalid");

const dates = {
  issueDate: optionalDate,
  validUntil: optionalDate,
};

const validUntilAfterIssue = (value: { issueDate?: string; validUntil?: string }) =>
  !value.issueDate || !value.validUntil || value.validUntil >= value.issueDate;
const datesOrder = { message: "evidence:errors.validBeforeIssue", path: ["validUntil"] };

/** The fields sent with a new document: what it is and, for certificates and the like, its validity. */
export const newEvidenceSchema = z
  .object({
    title: z.string(required).trim().min(1, "validation.required").max(TITLE_MAX, "evidence:errors.titleTooLong"),
    kind: z.enum(evidenceKinds, { errorMap: () => ({ message: "validation.invalidChoice" }) }),
    ...dates,
  })
  .refine(validUntilAfterIssue, datesOrder);

/** A new version of an existing document carries its own dates (a renewed certificate). */
export const newVersionSchema = z.object({ ...dates }).refine(validUntilAfterIssue, datesOrder);

/** Editing what a document is called and what kind it is; its files stay as they are. */
export const editEvidenceSchema = z.object({
  title: z.string(required).trim().min(1, "validation.required").max(TITLE_MAX, "evidence:errors.titleTooLong"),
  kind: z.enum(evidenceKinds, { errorMap: () => ({ message: "validation.invalidChoice" }) }),
});

/**
 * The name a file is kept and offered under: the last path segment of what the browser sent,
 * without control characters, trimmed to a sensible length (keeping the extension).
 */
export function cleanFileName(raw: string): string {
  const base = raw.split(/[\\/]/).pop() ?? "";
  // eslint-disable-next-line no-control-regex
  const cleaned = base.replace(/[\u0000-\u001f\u007f-\u009f"]/g, "").replace(/\s+/g, " ").trim();
  const name = cleaned === "" || cleaned === "." || cleaned === ".." ? "file" : cleaned;
  if (name.length <= FILE_NAME_MAX) return name;
  const dot = name.lastIndexOf(".");
  const ext = dot > 0 && name.length - dot <= 10 ? name.slice(dot) : "";
  return name.slice(0, FILE_NAME_MAX - ext.length) + ext;
}
