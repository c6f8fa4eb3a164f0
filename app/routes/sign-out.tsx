import type { ActionFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { getOptionalSession } from "~/auth/guards.server";
import { blankSessionCookie } from "~/auth/session.server";
import { signOut } from "~/domain/accounts/profile.server";
import { requestMeta } from "~/utils/http.server";

export async function loader() {
  throw redirect("/");
}

export async function action({ request, context }: ActionFunctionArgs) {
  const session = await getOptionalSession(request);
  if (session) {
    await signOut(session.user.id, session.sessionId, { ...requestMeta(request, context), actorUserId: session.user.id });
  }
  return redirect("/sign-in", { headers: { "Set-Cookie": blankSessionCookie() } });
}
