import { and, eq } from "drizzle-orm";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { questionnaireAnswers, questionnaireRequests } from "#db/schema/index";
import { syncStandardLibrary } from "~/domain/questionnaires/templates/sync-library.server";
import { addMembership, createMember, createOrganization, createPartnership, createUser } from "../factories/index";
import { db } from "../helpers";
import { launchBrowser, newContext, screenshot, signInAs, hydrated } from "./browser";

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
  await syncStandardLibrary(db());
});
afterAll(async () => {
  await browser?.close();
});

const QUESTION_KEY = "trn.induction.before_access";

describe("questionnaires in the browser", () => {
  it("a client sends a library questionnaire; the vendor's answer autosaves and survives a reload; the client sees it", async () => {
    const stamp = Date.now();
    const client = await createOrganization(db(), "client", { name: `Waterbedrijf ${stamp}` });
    const manager = await createMember(db(), "client", "manager", { organizationId: client.id, user: { locale: "nl" } });
    const vendor = await createOrganization(db(), "vendor", { name: `Callcenter West ${stamp}` });
    const vendorAdmin = await createUser(db(), { locale: "nl" });
    await addMembership(db(), vendorAdmin.id, vendor.id, "admin");
    const partnership = await createPartnership(db(), client.id, vendor.id, { vendorDisplayName: vendor.name });

    // The client sends the standard "Training en bewustwording" questionnaire.
    const clientContext = await newContext(browser, "nl");
    await signInAs(clientContext, manager.user.id);
    const clientPage = await clientContext.newPage();
    await clientPage.goto(`/client/${client.id}/questionnaires/send`);
    await hydrated(clientPage);
    const option = clientPage.locator("#templateVersionId option", { hasText: "Training en bewustwording" }).first();
    await clientPage.selectOption("#templateVersionId", (await option.getAttribute("value"))!);
    await clientPage.getByLabel(vendor.name).check();
    await clientPage.fill("#dueDate", "2099-12-31");
    await screenshot(clientPage, "questionnaire-send");
    await clientPage.getByRole("button", { name: "Versturen" }).click();
    await clientPage.waitForURL((url) => !url.pathname.endsWith("/send"));
    await hydrated(clientPage);
    await clientPage.getByRole("status").first().waitFor();
    await screenshot(clientPage, "questionnaire-list-after-send");
    const [request] = await db()
      .select()
      .from(questionnaireRequests)
      .where(eq(questionnaireRequests.partnershipId, partnership.id));
    expect(request.status).toBe("sent");

    // The vendor finds it on the to-do list and answers; the answer is saved without a button.
    const vendorContext = await newContext(browser, "nl");
    await signInAs(vendorContext, vendorAdmin.id);
    const vendorPage = await vendorContext.newPage();
    await vendorPage.goto(`/vendor/${vendor.id}`);
    await hydrated(vendorPage);
    // The to-do list links to the request (followed by its address: a click during hydration can be lost).
    const todo = vendorPage.getByRole("link", { name: /Training en bewustwording/ }).first();
    expect(await todo.getAttribute("href")).toBe(`/vendor/${vendor.id}/questionnaires/${request.id}`);
    await vendorPage.goto(`/vendor/${vendor.id}/questionnaires/${request.id}`);
    await hydrated(vendorPage);
    const yes = vendorPage.locator(`input[name="q-${QUESTION_KEY}"][value="yes"]`);
    await yes.check();
    await vendorPage.getByText("Opgeslagen").first().waitFor();
    await screenshot(vendorPage, "questionnaire-vendor-answering");
    const [saved] = await db()
      .select()
      .from(questionnaireAnswers)
      .where(and(eq(questionnaireAnswers.requestId, request.id), eq(questionnaireAnswers.questionKey, QUESTION_KEY)));
    expect(saved.value).toEqual({ choice: "yes" });

    await vendorPage.reload();
    await expect(vendorPage.locator(`input[name="q-${QUESTION_KEY}"][value="yes"]`).isChecked()).resolves.toBe(true);

    // The client sees the answer next to the question (nothing submitted yet, so no review).
    await clientPage.goto(`/client/${client.id}/questionnaires/${request.id}`);
    await hydrated(clientPage);
    await clientPage.getByRole("heading", { level: 1 }).first().waitFor();
    await screenshot(clientPage, "questionnaire-client-view");

    await vendorContext.close();
    await clientContext.close();
  });
});

