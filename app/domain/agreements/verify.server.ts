import { db } from "#db/client.server";
import { unsafeFindAgreementByHash } from "#db/queries/agreements";
import { addDays } from "~/utils/calendar-date";
import { todayInDisplayZone } from "~/utils/dates";
import { sha256Hex } from "./hash.server";

/**
 * What /verify says about a PDF or a hash, and nothing more: no party names, no text, no id.
 * "valid" only for an agreement in force; "ended" for one that was in force once.
 */
export type VerifyAnswer = { result: "valid"; since: string } | { result: "ended"; since: string | null } | { result: "not_found" };

const ENDED = new Set(["superseded", "expired", "terminated"]);

function answerFor(row: Awaited<ReturnType<typeof unsafeFindAgreementByHash>>): VerifyAnswer {
  if (!row || !row.inForceAt) return { result: "not_found" };
  if (row.status === "in_force") {
    // Past its end date but not yet marked expired by the daily job: it has lapsed all the same.
    if (row.endDate && row.endDate < todayInDisplayZone()) return { result: "ended", since: addDays(row.endDate, 1) };
    return { result: "valid", since: row.inForceAt.toISOString() };
  }
  if (ENDED.has(row.status)) return { result: "ended", since: row.endedAt?.toISOString() ?? null };
  return { result: "not_found" };
}

/** A PDF's bytes: only the final PDF's own hash counts (a re-saved or edited file does not match). */
export async function verifyPdf(bytes: Uint8Array): Promise<VerifyAnswer> {
  return answerFor(await unsafeFindAgreementByHash(db(), sha256Hex(bytes), "pdf"));
}

/** A pasted hash: the PDF's or the text's (the one printed in the PDF and its verification URL). */
export async function verifyHash(hash: string): Promise<VerifyAnswer> {
  return answerFor(await unsafeFindAgreementByHash(db(), hash, "either"));
}
