import { execFileSync } from "node:child_process";
import { mkdtempSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { eq } from "drizzle-orm";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { agreements } from "#db/schema/index";
import { addMembership, createOrganization, createPartnership, createUser } from "../factories/index";
import { db } from "../helpers";
import { hydrated, launchBrowser, newContext, screenshot, signInAs } from "./browser";

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe("processor agreements in the browser", () => {
  it("is sent, signed on both sides, and the downloaded PDF passes /verify", async () => {
    const stamp = Date.now();
    const client = await createOrganization(db(), "client", { name: `Netbeheer Oost ${stamp}` });
    const clientAdmin = await createUser(db(), { locale: "nl" });
    await addMembership(db(), clientAdmin.id, client.id, "admin");
    const vendor = await createOrganization(db(), "vendor", { name: `Belcentrale Zuid ${stamp}` });
    const vendorAdmin = await createUser(db(), { locale: "nl" });
    await addMembership(db(), vendorAdmin.id, vendor.id, "admin");
    const partnership = await createPartnership(db(), client.id, vendor.id, { vendorDisplayName: vendor.name, contractEnd: "2099-12-31" });

    // The client sends the default template, prefilled from the register.
    const clientContext = await newContext(browser, "nl");
    await signInAs(clientContext, clientAdmin.id);
    const clientPage = await clientContext.newPage();
    await clientPage.goto(`/client/${client.id}/agreements/send?partnershipId=${partnership.id}&language=nl`);
    await hydrated(clientPage);
    await screenshot(clientPage, "agreements-send");
    await clientPage.getByRole("button", { name: "Overeenkomst versturen" }).click();
    await clientPage.waitForURL((url) => /\/agreements\/[0-9a-f-]{36}$/.test(url.pathname));
    const agreementId = new URL(clientPage.url()).pathname.split("/").pop()!;
    const [sent] = await db().select().from(agreements).where(eq(agreements.id, agreementId));
    expect(sent.status).toBe("sent");
    await hydrated(clientPage);
    await expect(clientPage.getByTestId("document-hash").textContent()).resolves.toBe(sent.documentHash);

    // The vendor's admin reads and signs.
    const vendorContext = await newContext(browser, "nl");
    await signInAs(vendorContext, vendorAdmin.id);
    const vendorPage = await vendorContext.newPage();
    await vendorPage.goto(`/vendor/${vendor.id}/agreements`);
    await hydrated(vendorPage);
    await screenshot(vendorPage, "agreements-vendor-list");
    await vendorPage.goto(`/vendor/${vendor.id}/agreements/${agreementId}`);
    await hydrated(vendorPage);
    await vendorPage.getByLabel("Volledige naam").fill("Sanne Bakker");
    await vendorPage.getByLabel("Functie").fill("Directeur");
    await vendorPage.locator('input[name="consent"]').check();
    await screenshot(vendorPage, "agreements-vendor-sign");
    await vendorPage.getByRole("button", { name: "Overeenkomst ondertekenen" }).click();
    await vendorPage.getByText("Ondertekend. Dank u.").waitFor();
    await screenshot(vendorPage, "agreements-vendor-signed");

    // The client countersigns; the agreement comes into force with its PDF.
    await clientPage.reload();
    await hydrated(clientPage);
    await clientPage.getByLabel("Volledige naam").fill("Joris Visser");
    await clientPage.getByLabel("Functie").fill("Privacy officer");
    await clientPage.locator('input[name="consent"]').check();
    await clientPage.getByRole("button", { name: /Medeondertekenen/ }).click();
    const pdfLink = clientPage.getByRole("link", { name: "Ondertekende pdf downloaden" });
    await pdfLink.waitFor();
    await screenshot(clientPage, "agreements-client-in-force");
    const [inForce] = await db().select().from(agreements).where(eq(agreements.id, agreementId));
    expect(inForce.status).toBe("in_force");

    const [download] = await Promise.all([clientPage.waitForEvent("download"), pdfLink.click()]);
    const file = path.join(mkdtempSync(path.join(os.tmpdir(), "agreement-e2e-")), "agreement.pdf");
    await download.saveAs(file);
    const text = execFileSync("/usr/bin/pdftotext", ["-layout", file, "-"], { encoding: "utf8" }).replace(/\s+/g, " ");
    expect(text).toContain("Verwerkersovereenkomst (art. 28 AVG)");
    expect(text).toContain(client.name);
    expect(text).toContain("Sanne Bakker");
    expect(text).toContain("Joris Visser");
    expect(text).toContain(inForce.documentHash!);
    expect(text).toContain(`/verify?hash=${inForce.documentHash}`);

    await clientPage.goto(`/client/${client.id}/agreements`);
    await hydrated(clientPage);
    await screenshot(clientPage, "agreements-client-list");

    // Anyone can check the downloaded PDF at /verify: valid, and nothing about the parties.
    const visitor = await newContext(browser, "nl");
    const verifyPage = await visitor.newPage();
    await verifyPage.goto("/verify");
    await hydrated(verifyPage);
    await verifyPage.locator("#pdf").setInputFiles(file);
    await verifyPage.getByRole("button", { name: "Controleren" }).click();
    await verifyPage.getByText(/Geldig: deze verwerkersovereenkomst is van kracht sinds/).waitFor();
    const result = await verifyPage.getByTestId("verify-result").textContent();
    expect(result).not.toContain(client.name);
    expect(result).not.toContain(vendor.name);
    await screenshot(verifyPage, "agreements-verify-valid");

    // A forged hash says only "not found".
    await verifyPage.goto(`/verify?hash=${"ab".repeat(32)}`);
    await hydrated(verifyPage);
    await verifyPage.getByText(/Niet gevonden/).waitFor();

    // The client copies the default template into an editable draft of its own.
    await clientPage.goto(`/client/${client.id}/agreements/templates`);
    await hydrated(clientPage);
    await screenshot(clientPage, "agreements-templates");
    await clientPage.getByRole("button", { name: "Kopiëren naar mijn sjablonen" }).first().click();
    await clientPage.getByText("Het sjabloon is gekopieerd.").waitFor();
    await hydrated(clientPage);
    await expect(clientPage.locator('input[name="clauseKey"]').count()).resolves.toBeGreaterThan(8);
    await screenshot(clientPage, "agreements-template-editor");

    await Promise.all([clientContext.close(), vendorContext.close(), visitor.close()]);
  });
});
