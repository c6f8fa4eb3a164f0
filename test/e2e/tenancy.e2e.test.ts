import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createMember, createPartnership } from "../factories/index";
import { db } from "../helpers";
import { launchBrowser, newContext, screenshot, signInAs } from "./browser";

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe("tenant isolation in the browser", () => {
  it("shows a vendor user who opens a client URL a 404 page in their own language", async () => {
    const client = await createMember(db(), "client", "admin");
    const vendor = await createMember(db(), "vendor", "admin", { user: { locale: "nl" } });
    await createPartnership(db(), client.organizationId, vendor.organizationId);
    const context = await newContext(browser, "en");
    await signInAs(context, vendor.user.id);
    const page = await context.newPage();
    const response = await page.goto(`/client/${client.organizationId}`);
    expect(response?.status()).toBe(404);
    await expect(page.locator("h1").textContent()).resolves.toBe("Pagina niet gevonden");
    expect(await page.locator("html").getAttribute("lang")).toBe("nl");
    await screenshot(page, "404-vendor-on-client-url");
    await context.close();
  });

  it("answers an unknown address with the 404 page in the browser's language for a visitor", async () => {
    const context = await newContext(browser, "en");
    const page = await context.newPage();
    const response = await page.goto("/no/such/page");
    expect(response?.status()).toBe(404);
    await expect(page.locator("h1").textContent()).resolves.toBe("Page not found");
    await context.close();
  });

  it("refuses a cross-site form post", async () => {
    const response = await fetch(`${(await import("./browser")).baseUrl()}/sign-in`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded", origin: "https://evil.example" },
      body: "email=a%40b.test&password=x",
    });
    expect(response.status).toBe(403);
  });
});
