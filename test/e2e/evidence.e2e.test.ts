import { eq } from "drizzle-orm";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { evidenceItems, evidenceLinks } from "#db/schema/index";
import { minimalPdf } from "../factories/evidence";
import { addMembership, createMember, createOrganization, createPartnership, createUser } from "../factories/index";
import { db } from "../helpers";
import { hydrated, launchBrowser, newContext, screenshot, signInAs } from "./browser";

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe("evidence in the browser", () => {
  it("a vendor uploads a certificate with a progress bar, shares it, and the client previews it", async () => {
    const stamp = Date.now();
    const client = await createOrganization(db(), "client", { name: `Energiebedrijf ${stamp}` });
    const reviewer = await createMember(db(), "client", "reviewer", { organizationId: client.id, user: { locale: "nl" } });
    const vendor = await createOrganization(db(), "vendor", { name: `Klantcontact ${stamp}` });
    const vendorAdmin = await createUser(db(), { locale: "nl" });
    await addMembership(db(), vendorAdmin.id, vendor.id, "admin");
    const partnership = await createPartnership(db(), client.id, vendor.id, { vendorDisplayName: vendor.name });

    const vendorContext = await newContext(browser, "nl");
    await signInAs(vendorContext, vendorAdmin.id);
    const page = await vendorContext.newPage();
    await page.goto(`/vendor/${vendor.id}/evidence`);
    await hydrated(page);
    await page.getByLabel("Titel").fill("ISO 27001 certificaat");
    await page.getByLabel("Soort").selectOption("certificate");
    await page.getByLabel("Geldig tot").fill("2029-06-30");
    await page.setInputFiles("#evidence-file", { name: "iso-27001.pdf", mimeType: "application/pdf", buffer: Buffer.from(minimalPdf("ISO 27001 certificaat", 600 * 1024)) });

    // Slow the connection down so the progress bar has time to be seen.
    const cdp = await vendorContext.newCDPSession(page);
    await cdp.send("Network.enable");
    await cdp.send("Network.emulateNetworkConditions", { offline: false, latency: 20, downloadThroughput: -1, uploadThroughput: 150 * 1024 });
    await page.getByRole("button", { name: "Uploaden" }).click();
    const progress = page.getByTestId("upload-progress");
    await progress.waitFor();
    await expect.poll(async () => Number(await page.locator("progress").getAttribute("value")), { timeout: 15_000 }).toBeGreaterThan(0);
    await screenshot(page, "evidence-upload-progress");
    await page.waitForURL(/\/evidence\/[0-9a-f-]{36}$/, { timeout: 30_000 });
    await cdp.send("Network.emulateNetworkConditions", { offline: false, latency: 0, downloadThroughput: -1, uploadThroughput: -1 });
    await hydrated(page);
    await page.getByRole("heading", { name: "ISO 27001 certificaat" }).waitFor();
    await page.getByTestId("pdf-pages").locator("canvas").first().waitFor();
    await screenshot(page, "evidence-vendor-detail");

    const [item] = await db().select().from(evidenceItems).where(eq(evidenceItems.vendorOrgId, vendor.id));
    expect(item.title).toBe("ISO 27001 certificaat");

    // Not shared yet: the client cannot see it.
    const clientContext = await newContext(browser, "nl");
    await signInAs(clientContext, reviewer.user.id);
    const clientPage = await clientContext.newPage();
    const hidden = await clientPage.goto(`/client/${client.id}/evidence/${item.id}`);
    expect(hidden?.status()).toBe(404);

    // The vendor shares it with this client.
    await page.getByLabel("Opdrachtgever").selectOption(partnership.id);
    await page.getByRole("button", { name: "Delen" }).click();
    await page.getByRole("link", { name: "Gedeeld met deze opdrachtgever" }).waitFor();
    const links = await db().select().from(evidenceLinks).where(eq(evidenceLinks.evidenceId, item.id));
    expect(links.map((l) => l.partnershipId)).toEqual([partnership.id]);

    // The client opens it and sees the PDF drawn page by page in the browser.
    const shown = await clientPage.goto(`/client/${client.id}/evidence/${item.id}`);
    expect(shown?.status()).toBe(200);
    await hydrated(clientPage);
    const canvas = clientPage.getByTestId("pdf-pages").locator("canvas").first();
    await canvas.waitFor();
    expect(await canvas.evaluate((c: HTMLCanvasElement) => c.width)).toBeGreaterThan(100);
    await expect.poll(() => clientPage.getByText("Geldig tot 30 jun 2029").count()).toBeGreaterThan(0);
    await screenshot(clientPage, "evidence-client-preview");

    // The download is an attachment that the browser will not sniff into something else.
    const response = await clientPage.request.get(`/client/${client.id}/evidence/${item.id}/file?download=1`);
    expect(response.status()).toBe(200);
    expect(response.headers()["content-disposition"]).toContain("attachment");
    // The app sets nosniff on every response and the file route again; the first value counts.
    expect(response.headers()["x-content-type-options"]).toMatch(/^nosniff/);
    expect(response.headers()["content-type"]).toBe("application/pdf");

    await vendorContext.close();
    await clientContext.close();
  });
});
