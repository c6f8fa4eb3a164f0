import type { Role } from "~/auth/roles";
import { addMembership, createUser } from "../factories/index";
import { db, sessionCookieFor, testContext } from "../helpers";

/** Shared by the questionnaire request tests. */
export type Handler = (args: { request: Request; params: Record<string, string>; context: unknown }) => Promise<unknown>;

/** Calls a loader or action; gives the status and the body, whether it returned or threw. */
export async function call(handler: Handler, request: Request, params: Record<string, string>) {
  let result: unknown;
  try {
    result = await handler({ request, params, context: testContext });
  } catch (thrown) {
    if (!(thrown instanceof Response)) throw thrown;
    result = thrown;
  }
  if (result instanceof Response) {
    const type = result.headers.get("content-type") ?? "";
    return { status: result.status, body: type.includes("json") ? await result.json() : null, location: result.headers.get("location") };
  }
  return { status: 200, body: result as Record<string, unknown>, location: null };
}

/** A signed-in member of the organization with the role. */
export async function person(orgId: string, role: Role, locale: "nl" | "en" = "en") {
  const user = await createUser(db(), { password: null, locale });
  await addMembership(db(), user.id, orgId, role);
  return { user, cookie: await sessionCookieFor(user.id) };
}
