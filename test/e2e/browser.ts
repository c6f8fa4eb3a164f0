import { existsSync, mkdirSync } from "node:fs";
import path from "node:path";
import { chromium, type Browser, type BrowserContext, type Page } from "playwright-core";
import { inject } from "vitest";
import { sessionCookieFor } from "../helpers";

export const baseUrl = () => inject("baseUrl");

const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

/** Debian's Chromium, never a downloaded browser. */
export async function launchBrowser(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) throw new Error(`Chromium not found at ${CHROMIUM}: apt-get install -y chromium`);
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--no-first-run",
      "--disable-quic",
    ],
  });
}

/** Uncaught errors of every page the tests opened; a page that throws fails its test. */
export const pageErrors: string[] = [];

export async function newContext(browser: Browser, locale: "nl" | "en" = "nl") {
  const context = await browser.newContext({ locale, viewport: { width: 1280, height: 860 }, baseURL: baseUrl() });
  context.on("page", (page) => page.on("pageerror", (error) => pageErrors.push(`${page.url()}: ${String(error)}`)));
  return context;
}

/** Signs the user in by cookie, as the factories made them, without the sign-in form. */
export async function signInAs(context: BrowserContext, userId: string) {
  const cookie = await sessionCookieFor(userId);
  const [name, value] = cookie.split("=");
  await context.addCookies([{ name, value, url: baseUrl() }]);
}

/** Screenshots go to test-results/ for a person to look at. */
export async function screenshot(page: Page, name: string) {
  const dir = path.resolve("test-results/screenshots");
  mkdirSync(dir, { recursive: true });
  await page.screenshot({ path: path.join(dir, `${name}.png`), fullPage: true });
}

/** Waits until React has hydrated the page, so clicks go to the app and are not lost. */
export async function hydrated(page: Page) {
  await page.locator("html[data-hydrated]").waitFor({ state: "attached" });
}
