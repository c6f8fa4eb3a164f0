import type { ActionFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { getOptionalSession } from "~/auth/guards.server";
import { changeLocale } from "~/domain/accounts/profile.server";
import { isLocale } from "~/i18n/config";
import { localeCookie } from "~/i18n/i18n.server";
import { readForm, requestMeta, safeRedirectPath } from "~/utils/http.server";

export async function loader() {
  throw redirect("/");
}

/** Switches the language: kept in a cookie for visitors, in the profile for signed-in users. */
export async function action({ request, context }: ActionFunctionArgs) {
  const form = await readForm(request);
  const locale = form.get("locale");
  const back = safeRedirectPath(form.get("redirectTo"));
  if (!isLocale(locale)) return redirect(back);
  const session = await getOptionalSession(request);
  if (session) await changeLocale(session.user.id, locale, { ...requestMeta(request, context), actorUserId: session.user.id });
  return redirect(back, { headers: { "Set-Cookie": await localeCookie.serialize(locale) } });
}
