import { db } from "#db/client.server";
import { startSession } from "~/auth/session.server";

export const TEST_ORIGIN = "http://portal.test";

/** A signed-in cookie for the user, made directly rather than through the sign-in form. */
export async function sessionCookieFor(userId: string): Promise<string> {
  const setCookie = await startSession(userId, { ipAddress: "203.0.113.10", userAgent: "vitest" });
  return setCookie.split(";")[0];
}

export function getRequest(path: string, cookie?: string) {
  return new Request(`${TEST_ORIGIN}${path}`, { headers: cookie ? { cookie } : {} });
}

export function postRequest(path: string, form: Record<string, string | string[]>, cookie?: string) {
  const body = new URLSearchParams();
  for (const [key, value] of Object.entries(form)) {
    for (const v of Array.isArray(value) ? value : [value]) body.append(key, v);
  }
  return new Request(`${TEST_ORIGIN}${path}`, {
    method: "POST",
    body,
    headers: {
      "content-type": "application/x-www-form-urlencoded",
      origin: TEST_ORIGIN,
      ...(cookie ? { cookie } : {}),
    },
  });
}

export const testContext = { clientIp: "203.0.113.10", cspNonce: "test" };

/** Runs a loader or action and returns its status, whether it returned or threw a Response. */
export async function statusOf(run: () => Promise<unknown>): Promise<number> {
  try {
    const result = await run();
    if (result instanceof Response) return result.status;
    // Single-fetch: plain objects and `data()` results count as 200.
    return 200;
  } catch (thrown) {
    if (thrown instanceof Response) return thrown.status;
    throw thrown;
  }
}

/** Runs a loader or action and returns the thrown or returned Response. */
export async function responseOf(run: () => Promise<unknown>): Promise<Response | unknown> {
  try {
    return await run();
  } catch (thrown) {
    if (thrown instanceof Response) return thrown;
    throw thrown;
  }
}

export { db };
