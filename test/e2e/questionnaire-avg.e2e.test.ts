import { and, eq, isNull } from "drizzle-orm";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getRequestForSide } from "#db/queries/questionnaire-requests";
import { questionnaireAnswers, questionnaireRequests, questionnaireTemplates, questionnaireTemplateVersions } from "#db/schema/index";
import type { Actor } from "~/auth/policy";
import { resolveVisibility } from "~/domain/questionnaires/conditions";
import { questionsOf, type Question, type TemplateContent } from "~/domain/questionnaires/model";
import { openVendorRequest } from "~/domain/questionnaires/requests/request-views.server";
import { saveAnswer } from "~/domain/questionnaires/requests/answer-questionnaire.server";
import { contextOf } from "~/domain/questionnaires/requests/request-rules";
import { compliantValue } from "~/domain/questionnaires/test-fixtures";
import { syncStandardLibrary } from "~/domain/questionnaires/templates/sync-library.server";
import { addDays } from "~/utils/calendar-date";
import { todayInDisplayZone } from "~/utils/dates";
import { createStoredEvidence, minimalPdf } from "../factories/evidence";
import { addMembership, createMember, createOrganization, createPartnership, createUser } from "../factories/index";
import { db } from "../helpers";
import { hydrated, launchBrowser, newContext, screenshot, signInAs } from "./browser";

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
  await syncStandardLibrary(db());
});
afterAll(async () => {
  await browser?.close();
});

async function avgVersion() {
  const [row] = await db()
    .select({ id: questionnaireTemplateVersions.id, content: questionnaireTemplateVersions.content })
    .from(questionnaireTemplateVersions)
    .innerJoin(questionnaireTemplates, eq(questionnaireTemplates.id, questionnaireTemplateVersions.templateId))
    .where(and(eq(questionnaireTemplates.librarySlug, "avg-processor"), isNull(questionnaireTemplates.ownerOrgId)));
  return row as { id: string; content: TemplateContent };
}

/**
 * The vendor's colleagues fill in everything else through the same use case the screen uses,
 * with real documents for the evidence questions, until no new follow-up question appears.
 */
async function answerTheRest(actor: Actor, requestId: string, skip: Set<string>) {
  const today = todayInDisplayZone();
  const request = (await getRequestForSide(db(), "vendor", actor.organizationId, requestId))!;
  const given: Record<string, unknown> = {};
  for (let round = 0; round < 5; round++) {
    const visible = resolveVisibility(request.content, given, contextOf(request)).questions;
    const open = questionsOf(request.content)
      .map(({ question }) => question)
      .filter((q: Question) => visible.has(q.key) && !skip.has(q.key) && !(q.key in given));
    if (open.length === 0) return;
    for (const question of open) {
      let value = compliantValue(question, today);
      if (question.type === "evidence") {
        const doc = await createStoredEvidence(db(), actor.organizationId, { title: `Bewijs ${question.key}`, validUntil: addDays(today, 400) });
        value = { files: [{ fileId: doc.versionId }] };
      }
      const [row] = await db()
        .select({ version: questionnaireAnswers.version })
        .from(questionnaireAnswers)
        .where(and(eq(questionnaireAnswers.requestId, requestId), eq(questionnaireAnswers.questionKey, question.key)));
      const result = await saveAnswer({ actor, requestId, questionKey: question.key, version: row?.version ?? 0, value });
      expect(result.status, question.key).toBe("saved");
      given[question.key] = value;
    }
  }
}

describe("the AVG processor assessment, end to end", () => {
  it("the client sends it; the vendor confirms a prefilled answer, uploads a certificate and submits; the client accepts with a score", async () => {
    const stamp = Date.now();
    const version = await avgVersion();
    const questions = questionsOf(version.content).map(({ question }) => question);
    const reused = questions.find((q) => q.type === "yes_no" && !q.showWhen)!;
    const uploaded = questions.find((q) => q.type === "evidence" && !q.showWhen && q.required)!;

    const client = await createOrganization(db(), "client", { name: `Zorgverzekeraar ${stamp}` });
    const manager = await createMember(db(), "client", "manager", { organizationId: client.id, user: { locale: "nl" } });
    const vendor = await createOrganization(db(), "vendor", { name: `Contactcenter Zuid ${stamp}` });
    const vendorAdmin = await createUser(db(), { locale: "nl" });
    await addMembership(db(), vendorAdmin.id, vendor.id, "admin");
    const partnership = await createPartnership(db(), client.id, vendor.id, { vendorDisplayName: vendor.name });

    // Earlier, another client accepted this vendor's answer to the same question.
    const earlierClient = await createOrganization(db(), "client");
    const earlier = await createPartnership(db(), earlierClient.id, vendor.id);
    const [earlierRequest] = await db()
      .insert(questionnaireRequests)
      .values({ partnershipId: earlier.id, templateVersionId: version.id, dueDate: "2026-01-31", status: "accepted", acceptedAt: new Date() })
      .returning();
    await db().insert(questionnaireAnswers).values({
      requestId: earlierRequest.id,
      questionKey: reused.key,
      value: { choice: "yes" },
      isConfirmed: true,
      reviewState: "accepted",
      reviewedAt: new Date(),
    });

    // The client sends the standard AVG assessment.
    const clientContext = await newContext(browser, "nl");
    await signInAs(clientContext, manager.user.id);
    const clientPage = await clientContext.newPage();
    await clientPage.goto(`/client/${client.id}/questionnaires/send`);
    await hydrated(clientPage);
    const option = clientPage.locator("#templateVersionId option", { hasText: "AVG-verwerkersbeoordeling" }).first();
    await clientPage.selectOption("#templateVersionId", (await option.getAttribute("value"))!);
    await clientPage.getByLabel(vendor.name).check();
    await clientPage.fill("#dueDate", "2099-12-31");
    await clientPage.getByRole("button", { name: "Versturen" }).click();
    await clientPage.waitForURL((url) => !url.pathname.endsWith("/send"));
    const [{ id: requestId }] = await db()
      .select({ id: questionnaireRequests.id })
      .from(questionnaireRequests)
      .where(eq(questionnaireRequests.partnershipId, partnership.id));

    // Opening it offers the earlier answer; colleagues answer everything but two questions.
    const actor: Actor = { userId: vendorAdmin.id, organizationId: vendor.id, organizationKind: "vendor", role: "admin" };
    await openVendorRequest(actor, requestId);
    await answerTheRest(actor, requestId, new Set([reused.key, uploaded.key]));

    const vendorContext = await newContext(browser, "nl");
    await signInAs(vendorContext, vendorAdmin.id);
    const page = await vendorContext.newPage();
    await page.goto(`/vendor/${vendor.id}/questionnaires/${requestId}`);
    await hydrated(page);

    // The prefilled answer is marked, and counts once confirmed.
    const reusedItem = page.locator("li", { has: page.locator(`#label-${reused.key.replace(/\./g, "\\.")}`) });
    await reusedItem.getByText("Eerder antwoord").waitFor();
    await reusedItem.getByRole("button", { name: "Bevestigen" }).click();
    await reusedItem.getByText("Opgeslagen").waitFor();

    // A certificate uploaded in place is attached to the evidence question and saved.
    const evidenceItem = page.locator("li", { has: page.locator(`#label-${uploaded.key.replace(/\./g, "\\.")}`) });
    await evidenceItem.getByText("Of upload een nieuw document").click();
    await evidenceItem.getByLabel("Titel").fill("Verwerkersovereenkomst getekend");
    await evidenceItem.getByLabel("Geldig tot").fill("2029-12-31");
    await evidenceItem.locator('input[type="file"]').setInputFiles({ name: "vwo.pdf", mimeType: "application/pdf", buffer: Buffer.from(minimalPdf("Verwerkersovereenkomst")) });
    await evidenceItem.getByRole("button", { name: "Uploaden" }).click();
    await evidenceItem.getByRole("link", { name: "Verwerkersovereenkomst getekend" }).waitFor();
    await evidenceItem.getByText("Opgeslagen").waitFor();
    await screenshot(page, "avg-vendor-answered");

    await page.getByRole("button", { name: "Antwoorden indienen" }).click();
    await page.getByText("Uw antwoorden zijn ingediend").waitFor();
    const [submitted] = await db().select().from(questionnaireRequests).where(eq(questionnaireRequests.id, requestId));
    expect(submitted.status).toBe("submitted");

    // The client reviews: the uploaded file is there, and accepting fixes the score.
    await clientPage.goto(`/client/${client.id}/questionnaires/${requestId}`);
    await hydrated(clientPage);
    await clientPage.getByRole("link", { name: "Verwerkersovereenkomst getekend" }).first().waitFor();
    await clientPage.getByRole("button", { name: "Vragenlijst accepteren" }).click();
    await clientPage.getByText("De vragenlijst is geaccepteerd en de score ligt vast.").waitFor();
    const [accepted] = await db().select().from(questionnaireRequests).where(eq(questionnaireRequests.id, requestId));
    expect(accepted.status).toBe("accepted");
    expect(accepted.score).toBe(100);
    await clientPage.getByText("100%").first().waitFor();
    await screenshot(clientPage, "avg-client-accepted");

    await vendorContext.close();
    await clientContext.close();
  });
});
