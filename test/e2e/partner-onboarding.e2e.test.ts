import { eq } from "drizzle-orm";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { partnerships } from "#db/schema/index";
import { createMember, createOrganization } from "../factories/index";
import { db } from "../helpers";
import { launchBrowser, newContext, screenshot, signInAs, hydrated } from "./browser";

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe("partner onboarding in the browser", () => {
  it("a client manager invites a vendor contact, who reads the mail, sets a password and sees the partnership", async () => {
    const client = await createOrganization(db(), "client", { name: `Energie Noord ${Date.now()}` });
    const manager = await createMember(db(), "client", "manager", {
      organizationId: client.id,
      user: { locale: "nl", name: "Mark Jansen" },
    });
    const stamp = Date.now();
    const vendorName = `Belcentrum Oost ${stamp}`;
    const contactEmail = `contact-${stamp}@belcentrum.example`;

    // The client manager registers the contact center and sends the invitation (in English).
    const clientContext = await newContext(browser, "nl");
    await signInAs(clientContext, manager.user.id);
    const clientPage = await clientContext.newPage();
    await clientPage.goto(`/client/${manager.organizationId}/partners/new`);
    await hydrated(clientPage);
    await clientPage.getByLabel("Contactcenter", { exact: true }).fill(vendorName);
    await clientPage.getByLabel("E-mailadres van de contactpersoon").fill(contactEmail);
    await clientPage.getByLabel("Taal van de uitnodiging").selectOption("en");
    await clientPage.getByLabel("Inbound (klantenservice, inkomende gesprekken)").check();
    await clientPage.getByLabel("Outbound (telemarketing, uitgaande gesprekken)").check();
    await clientPage.getByLabel("Contactgegevens (naam, adres, telefoon, e-mail)").check();
    await clientPage.getByLabel("Naam van locatie 1").fill("Enschede");
    await clientPage.getByLabel("Plaats van locatie 1").fill("Enschede");
    await clientPage.getByLabel("Landcode van locatie 1").fill("NL");
    await clientPage.getByLabel("Aantal agents").fill("120");
    await screenshot(clientPage, "client-invite-form");
    await clientPage.getByRole("button", { name: "Registreren en uitnodiging versturen" }).click();
    await clientPage.waitForURL(/\/partners\/[0-9a-f-]{36}/);
    await hydrated(clientPage);
    // Waits for the new page to render, not just for its URL.
    await clientPage.getByRole("heading", { level: 1, name: vendorName }).waitFor();
    await screenshot(clientPage, "client-partnership-invited");

    // The contact opens the mail in the development mailbox, in the language the client chose.
    const vendorContext = await newContext(browser, "en");
    const mailPage = await vendorContext.newPage();
    await mailPage.goto("/dev/mailbox");
    await hydrated(mailPage);
    await mailPage.getByRole("link", { name: /invites you to its compliance portal/ }).first().click();
    await mailPage.getByText(contactEmail).first().waitFor();
    await screenshot(mailPage, "dev-mailbox-invitation");
    const invitationLink = mailPage.locator('a[href*="/invitations/"]').first();
    await invitationLink.click();
    await mailPage.waitForURL(/\/invitations\//);
    await hydrated(mailPage);
    await screenshot(mailPage, "invitation-accept");

    // Accepting creates the account and the vendor organization and signs the contact in.
    await mailPage.getByLabel("Full name").fill("Ilse Kuipers");
    await mailPage.getByLabel("Password", { exact: true }).fill("a calm and long passphrase");
    await mailPage.getByLabel("Repeat the password").fill("a calm and long passphrase");
    await mailPage.getByRole("button", { name: "Create account and accept" }).click();
    await mailPage.waitForURL(/\/vendor\/[0-9a-f-]{36}/);
    await hydrated(mailPage);
    await mailPage.getByText(vendorName).first().waitFor();
    await screenshot(mailPage, "vendor-home-after-accept");

    // The vendor sees the partnership with the client, and the client sees it active.
    const [partnership] = await db()
      .select()
      .from(partnerships)
      .where(eq(partnerships.clientOrgId, manager.organizationId));
    expect(partnership.status).toBe("active");
    expect(partnership.vendorOrgId).not.toBeNull();
    await mailPage.goto(`/vendor/${partnership.vendorOrgId}/clients/${partnership.id}`);
    await hydrated(mailPage);
    await mailPage.getByRole("heading", { level: 1, name: new RegExp(client.name) }).waitFor();
    await screenshot(mailPage, "vendor-partnership-view");

    await vendorContext.close();
    await clientContext.close();
  });
});
