import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_PASSWORD, isDatabaseEmpty, seedDemoData } from "#db/seed/demo";
import { db } from "../helpers";
import { launchBrowser, newContext, screenshot, hydrated } from "./browser";

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
  // The browser tests' database is fresh for each run; other specs add their own rows only.
  const { getUserByEmail } = await import("#db/queries/users");
  if ((await isDatabaseEmpty(db())) || !(await getUserByEmail(db(), "anna.devries@voltera.example"))) {
    await seedDemoData(db());
  }
});
afterAll(async () => {
  await browser?.close();
});

async function signInWithForm(page: Page, email: string, labels: { email: string; password: string; submit: string }) {
  await page.goto("/sign-in");
  await hydrated(page);
  await page.getByLabel(labels.email).fill(email);
  await page.getByLabel(labels.password).fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: labels.submit }).click();
}

const dutch = { email: "E-mailadres", password: "Wachtwoord", submit: "Aanmelden" };
const english = { email: "E-mail address", password: "Password", submit: "Sign in" };

describe("each side's home page, signed in through the form", () => {
  it("client admin (Dutch profile) lands on the client overview", async () => {
    const context = await newContext(browser, "en");
    const page = await context.newPage();
    await signInWithForm(page, "anna.devries@voltera.example", english);
    await page.waitForURL(/\/client\/[0-9a-f-]{36}$/);
    await hydrated(page);
    // Her profile says Dutch, so the portal speaks Dutch although the browser asks for English.
    await page.getByRole("heading", { level: 1, name: "Overzicht" }).waitFor();
    expect(await page.locator("html").getAttribute("lang")).toBe("nl");
    await screenshot(page, "home-client");
    // The three demo contact centers, one per risk tier.
    await expect(page.getByText("Klasse 1", { exact: false }).first().isVisible()).resolves.toBe(true);
    await context.close();
  });

  it("vendor admin lands on the to-do list with its client", async () => {
    const context = await newContext(browser, "nl");
    const page = await context.newPage();
    await signInWithForm(page, "fatima.elamrani@klantcontactnoord.example", dutch);
    await page.waitForURL(/\/vendor\/[0-9a-f-]{36}$/);
    await hydrated(page);
    await page.getByRole("heading", { level: 1, name: "Te doen" }).waitFor();
    await expect(page.getByText("Voltera Energie B.V.").first().isVisible()).resolves.toBe(true);
    await screenshot(page, "home-vendor");
    await context.close();
  });

  it("lead auditor lands on engagements and can switch to the client she reviews for", async () => {
    const context = await newContext(browser, "nl");
    const page = await context.newPage();
    await signInWithForm(page, "julia.hendriks@noordhoff-audit.example", dutch);
    await page.waitForURL(/\/auditor\/[0-9a-f-]{36}$/);
    await hydrated(page);
    await page.getByRole("heading", { level: 1 }).first().waitFor();
    await screenshot(page, "home-auditor");
    await page.getByText("Kies organisatie").or(page.getByText("Noordhoff Audit & Assurance ▾")).first().click();
    await page.getByRole("link", { name: /Voltera Energie B\.V\./ }).click();
    await page.waitForURL(/\/client\/[0-9a-f-]{36}$/);
    await hydrated(page);
    await page.getByRole("heading", { level: 1, name: "Overzicht" }).waitFor();
    await context.close();
  });

  it("a wrong password gives one generic, translated message", async () => {
    const context = await newContext(browser, "nl");
    const page = await context.newPage();
    await page.goto("/sign-in");
    await hydrated(page);
    await page.getByLabel(dutch.email).fill("anna.devries@voltera.example");
    await page.getByLabel(dutch.password).fill("niet-het-wachtwoord");
    await page.getByRole("button", { name: dutch.submit }).click();
    await page.getByRole("alert").filter({ hasText: "Het e-mailadres of wachtwoord klopt niet." }).waitFor();
    await screenshot(page, "sign-in-failed");
    await context.close();
  });
});
