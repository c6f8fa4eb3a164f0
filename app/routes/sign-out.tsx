import type { ActionFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { db } from "#db/client.server";
import { getOptionalSession } from "~/auth/guards.server";
import { blankSessionCookie, endSession } from "~/auth/session.server";
import { recordAuditEvent } from "~/domain/audit/record-event.server";
import { requestMeta } from "~/utils/http.server";

export async function loader() {
  throw redirect("/");
}

export async function action({ request, context }: ActionFunctionArgs) {
  const session = await getOptionalSession(request);
  if (!session) return redirect("/sign-in", { headers: { "Set-Cookie": blankSessionCookie() } });
  const cookie = await endSession(session.sessionId);
  await db().transaction((tx) =>
    recordAuditEvent(tx, { ...requestMeta(request, context), actorUserId: session.user.id }, {
      organizationId: null,
      action: "auth.signed_out",
      entityType: "user",
      entityId: session.user.id,
    }),
  );
  return redirect("/sign-in", { headers: { "Set-Cookie": cookie } });
}
