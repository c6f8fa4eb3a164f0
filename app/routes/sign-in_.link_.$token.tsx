import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { startSession } from "~/auth/session.server";
import { Button } from "~/components/ui/button";
import { Card } from "~/components/ui/layout";
import { consumeMagicLink, isMagicLinkUsable } from "~/domain/accounts/magic-link.server";
import { isDomainError } from "~/domain/errors";
import { domainErrorResponse, readForm, requestMeta, safeRedirectPath } from "~/utils/http.server";

// "_" twice: not nested in sign-in.tsx nor in sign-in_.link.tsx; the URL is /sign-in/link/:token.

/**
 * Only shows a button. Mail scanners open links before people do, so opening the link must not
 * use it up; the POST below does.
 */
export async function loader({ params }: LoaderFunctionArgs) {
  const usable = await isMagicLinkUsable(params.token ?? "");
  return json({ usable }, { status: usable ? 200 : 404 });
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const meta = requestMeta(request, context);
  try {
    const form = await readForm(request);
    const { userId } = await consumeMagicLink(params.token ?? "", meta);
    const cookie = await startSession(userId, meta, request.headers.get("cookie"));
    return redirect(safeRedirectPath(form.get("redirectTo")), { headers: { "Set-Cookie": cookie } });
  } catch (error) {
    if (!isDomainError(error)) throw error;
    return domainErrorResponse(error);
  }
}

export default function UseSignInLink() {
  const { t } = useTranslation(["auth", "common"]);
  const { usable } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const [searchParams] = useSearchParams();
  const invalid = !usable || (actionData && "formError" in actionData);
  return (
    <main id="main" className="mx-auto max-w-md px-4 py-12">
      {invalid ? (
        <>
          <h1 className="mb-2 text-2xl font-semibold">{t("auth:magicLink.invalidTitle")}</h1>
          <p className="mb-6 text-sm text-slate-600">{t("auth:magicLink.invalid")}</p>
          <Link to="/sign-in/link" className="text-brand-700 underline">
            {t("auth:magicLink.requestNew")}
          </Link>
        </>
      ) : (
        <>
          <h1 className="mb-2 text-2xl font-semibold">{t("auth:magicLink.confirm.title")}</h1>
          <p className="mb-6 text-sm text-slate-600">{t("auth:magicLink.confirm.intro")}</p>
          <Card>
            <Form method="post">
              <input type="hidden" name="redirectTo" value={searchParams.get("redirectTo") ?? ""} />
              <Button className="w-full" disabled={navigation.state === "submitting"}>
                {t("common:actions.continue")}
              </Button>
            </Form>
          </Card>
        </>
      )}
    </main>
  );
}
