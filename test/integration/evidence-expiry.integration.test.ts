import { eq, inArray } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { evidenceItems, notifications, outboxEmails } from "#db/schema/index";
import { sendEvidenceExpiryReminders } from "~/domain/evidence/expiry-reminders.server";
import { createStoredEvidence } from "../factories/evidence";
import { createOrganization } from "../factories/index";
import { db } from "../helpers";
import { person } from "./requests-helpers";

describe("evidence expiry reminders", () => {
  it("reminds the vendor's admins and responders once per threshold, in their language, and skips archived documents", async () => {
    const vendor = await createOrganization(db(), "vendor");
    const admin = await person(vendor.id, "admin", "nl");
    const responder = await person(vendor.id, "responder", "en");
    const viewer = await person(vendor.id, "viewer");
    const soon = await createStoredEvidence(db(), vendor.id, { title: "ISO 27001", validUntil: "2026-12-01" });
    await createStoredEvidence(db(), vendor.id, { title: "Far away", validUntil: "2027-06-01" });
    const archived = await createStoredEvidence(db(), vendor.id, { title: "Old policy", validUntil: "2026-11-30" });
    await db().update(evidenceItems).set({ archivedAt: new Date() }).where(eq(evidenceItems.id, archived.evidenceId));

    expect(await sendEvidenceExpiryReminders(db(), "2026-11-24")).toEqual([]);
    const users = [admin.user.id, responder.user.id, viewer.user.id];
    const sent = await db().select().from(notifications).where(inArray(notifications.userId, users));
    expect(sent.map((n) => [n.userId, n.messageKey, (n.params as { count: number }).count]).sort()).toEqual(
      [
        [admin.user.id, "evidence:notifications.expiring", 7],
        [responder.user.id, "evidence:notifications.expiring", 7],
      ].sort(),
    );
    const mails = await db().select().from(outboxEmails).where(inArray(outboxEmails.toAddress, [admin.user.email, responder.user.email]));
    expect(mails.map((m) => m.subject).sort()).toEqual(['"ISO 27001" expires on 1 Dec 2026', '"ISO 27001" verloopt op 1 dec 2026'].sort());

    // The same day again: nothing new. The day before expiry: the 1-day reminder.
    await sendEvidenceExpiryReminders(db(), "2026-11-24");
    expect(await db().select().from(notifications).where(inArray(notifications.userId, users))).toHaveLength(2);
    await sendEvidenceExpiryReminders(db(), "2026-11-30");
    const after = await db().select().from(notifications).where(eq(notifications.userId, admin.user.id));
    expect(after.map((n) => (n.params as { count: number }).count).sort()).toEqual([1, 7]);
    expect(after.every((n) => n.link === `/vendor/${vendor.id}/evidence/${soon.evidenceId}`)).toBe(true);
  });
});
