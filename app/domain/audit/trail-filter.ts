import { z } from "zod";
import { isCalendarDate } from "~/utils/dates";

/** Events on one page of the audit trail. */
export const AUDIT_TRAIL_PAGE_SIZE = 50;

/** The filters of the audit trail as they travel in the URL (all optional strings). */
export interface AuditTrailFilterValues {
  action?: string;
  actor?: string;
  entityType?: string;
  from?: string;
  to?: string;
  q?: string;
}

export type AuditTrailFilterField = keyof AuditTrailFilterValues;

export interface ParsedAuditTrailQuery {
  /** Only the filters that passed validation; the rest are ignored. */
  values: AuditTrailFilterValues;
  cursor: { before?: number; after?: number };
  /** Why an entered filter was ignored, as i18n keys (common namespace) per field. */
  problems: Partial<Record<AuditTrailFilterField, string>>;
}

const calendarDate = z.string().refine(isCalendarDate, "validation.date");

// Actions and entity types come from selects; a value outside their shape is simply ignored.
const fields = {
  action: z.string().max(100).regex(/^[a-z][a-z0-9_]*(\.[a-z0-9_]+)*$/),
  actor: z.string().uuid(),
  entityType: z.string().max(60).regex(/^[a-z][a-z0-9_]*$/),
  from: calendarDate,
  to: calendarDate,
  q: z.string().max(200, "validation.tooLong"),
} satisfies Record<AuditTrailFilterField, z.ZodType<string>>;

/** Messages worth showing: the fields a person types into. */
const shownProblems: readonly AuditTrailFilterField[] = ["from", "to", "q"];

const cursor = z
  .string()
  .regex(/^\d{1,15}$/)
  .transform(Number)
  .refine((n) => n > 0);

/**
 * Reads the filters and the page cursor from the URL. Never throws: a value that does not
 * validate is dropped (and, for typed fields, explained), so a hand-edited URL never breaks the
 * page.
 */
export function parseAuditTrailQuery(searchParams: URLSearchParams): ParsedAuditTrailQuery {
  const values: AuditTrailFilterValues = {};
  const problems: ParsedAuditTrailQuery["problems"] = {};
  for (const [field, schema] of Object.entries(fields) as [AuditTrailFilterField, z.ZodType<string>][]) {
    const raw = searchParams.get(field)?.trim();
    if (!raw) continue;
    const result = schema.safeParse(raw);
    if (result.success) values[field] = result.data;
    else if (shownProblems.includes(field)) problems[field] = result.error.issues[0]?.message ?? "validation.invalidChoice";
  }
  if (values.from && values.to && values.from > values.to) {
    problems.to = "validation.dateOrder";
    delete values.to;
  }
  const before = cursor.safeParse(searchParams.get("before") ?? "");
  const after = cursor.safeParse(searchParams.get("after") ?? "");
  return {
    values,
    cursor: before.success ? { before: before.data } : after.success ? { after: after.data } : {},
    problems,
  };
}

/** The query string for the filters (and optionally a cursor), for links and the export. */
export function auditTrailSearch(values: AuditTrailFilterValues, cursorParams: { before?: number; after?: number } = {}) {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(values)) if (value) params.set(key, value);
  if (cursorParams.before !== undefined) params.set("before", String(cursorParams.before));
  if (cursorParams.after !== undefined) params.set("after", String(cursorParams.after));
  const query = params.toString();
  return query ? `?${query}` : "";
}
