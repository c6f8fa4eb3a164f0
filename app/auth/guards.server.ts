import { redirect } from "@remix-run/node";
import { db } from "#db/client.server";
import { getMembership } from "#db/queries/memberships";
import { notFound } from "~/utils/http.server";
import { memoizeInRequest } from "~/utils/request-scope.server";
import { decide, type Action, type Actor, type Resource } from "./policy";
import { isRoleOfKind, type OrganizationKind } from "./roles";
import { validateSessionCookie, type ValidSession } from "./session.server";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const isUuid = (value: unknown): value is string => typeof value === "string" && UUID.test(value);

/** The root, layout and page loaders of one page view share one session lookup. */
export function getOptionalSession(request: Request): Promise<ValidSession | null> {
  const cookie = request.headers.get("cookie");
  return memoizeInRequest(`session:${cookie ?? ""}`, () => validateSessionCookie(cookie));
}

/** Signed in, or sent to the sign-in page with a way back. */
export async function requireSession(request: Request): Promise<ValidSession> {
  const session = await getOptionalSession(request);
  if (!session) {
    const url = new URL(request.url);
    const back = url.pathname + url.search;
    throw redirect(`/sign-in?redirectTo=${encodeURIComponent(back)}`);
  }
  return session;
}

export interface ActorContext {
  actor: Actor;
  session: ValidSession;
  organizationName: string;
}

/**
 * The choke point: resolves the signed-in user's membership of the organization in the URL and
 * checks the action. No membership, or an organization of another side: 404, as if it did not
 * exist. Member without the right: 403.
 */
export async function requireActor(
  request: Request,
  organizationId: string | undefined,
  side: OrganizationKind,
  action: Action,
  resource?: (actor: Actor) => Resource | Promise<Resource>,
): Promise<ActorContext> {
  const session = await requireSession(request);
  if (!isUuid(organizationId)) notFound();
  const membership = await memoizeInRequest(`membership:${session.user.id}:${organizationId}`, () =>
    getMembership(db(), session.user.id, organizationId),
  );
  if (!membership || membership.organizationKind !== side) notFound();
  if (!isRoleOfKind(membership.organizationKind, membership.role)) notFound();
  const actor: Actor = {
    userId: session.user.id,
    organizationId: membership.organizationId,
    organizationKind: membership.organizationKind,
    role: membership.role,
  };
  assertCan(actor, action, resource ? await resource(actor) : undefined);
  return { actor, session, organizationName: membership.organizationName };
}

/** Same decision as {@link requireActor}'s, for a resource loaded after the actor is known. */
export function assertCan(actor: Actor, action: Action, resource?: Resource) {
  const decision = decide(actor, action, resource ?? { type: "organization", organizationId: actor.organizationId });
  if (decision === "not_found") notFound();
  if (decision === "forbidden") throw new Response("Forbidden", { status: 403, statusText: "Forbidden" });
}
