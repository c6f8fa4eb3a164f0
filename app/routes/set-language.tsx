import type { ActionFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { eq } from "drizzle-orm";
import { db } from "#db/client.server";
import { users } from "#db/schema/index";
import { getOptionalSession } from "~/auth/guards.server";
import { isLocale } from "~/i18n/config";
import { localeCookie } from "~/i18n/i18n.server";
import { readForm, safeRedirectPath } from "~/utils/http.server";

export async function loader() {
  throw redirect("/");
}

/** Switches the language: kept in a cookie for visitors, in the profile for signed-in users. */
export async function action({ request }: ActionFunctionArgs) {
  const form = await readForm(request);
  const locale = form.get("locale");
  const back = safeRedirectPath(form.get("redirectTo"));
  if (!isLocale(locale)) return redirect(back);
  const session = await getOptionalSession(request);
  if (session) await db().update(users).set({ locale, updatedAt: new Date() }).where(eq(users.id, session.user.id));
  return redirect(back, { headers: { "Set-Cookie": await localeCookie.serialize(locale) } });
}
