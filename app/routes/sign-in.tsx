import { getFormProps, getInputProps, useForm } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod";
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, Link, useActionData, useNavigation, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { getOptionalSession } from "~/auth/guards.server";
import { startSession } from "~/auth/session.server";
import { Button } from "~/components/ui/button";
import { TextField } from "~/components/ui/field";
import { Card, FormError } from "~/components/ui/layout";
import { signInWithPassword } from "~/domain/accounts/sign-in-with-password.server";
import { isDomainError } from "~/domain/errors";
import { domainErrorResponse, readForm, requestMeta, safeRedirectPath } from "~/utils/http.server";

const schema = z.object({
  email: z.string({ required_error: "validation.required" }).trim().max(254, "validation.tooLong").email("validation.email"),
  password: z.string({ required_error: "validation.required" }).max(1024, "validation.tooLong"),
  redirectTo: z.string().optional(),
});

export async function loader({ request }: LoaderFunctionArgs) {
  // Public page; a signed-in visitor has nothing to do here.
  if (await getOptionalSession(request)) throw redirect("/");
  return null;
}

export async function action({ request, context }: ActionFunctionArgs) {
  const submission = parseWithZod(await readForm(request), { schema });
  if (submission.status !== "success") {
    return { ok: false as const, result: submission.reply({ hideFields: ["password"] }) };
  }
  const meta = { ...requestMeta(request, context), actorUserId: null };
  try {
    const { userId } = await signInWithPassword(submission.value, meta);
    const cookie = await startSession(userId, meta, request.headers.get("cookie"));
    return redirect(safeRedirectPath(submission.value.redirectTo), { headers: { "Set-Cookie": cookie } });
  } catch (error) {
    if (!isDomainError(error)) throw error;
    return domainErrorResponse(error);
  }
}

export default function SignIn() {
  const { t } = useTranslation(["auth", "common"]);
  const actionData = useActionData<typeof action>();
  const [searchParams] = useSearchParams();
  const navigation = useNavigation();
  const [form, fields] = useForm({
    lastResult: actionData && "result" in actionData ? actionData.result : undefined,
    constraint: getZodConstraint(schema),
    shouldValidate: "onBlur",
    // Re-checking on input (not on the next blur) keeps the layout still, so the first click on
    // the button after an error lands on the button.
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema }),
  });
  const formError = actionData && "formError" in actionData ? actionData.formError : null;
  return (
    <main id="main" className="mx-auto max-w-md px-4 py-12">
      <h1 className="mb-2 text-2xl font-semibold">{t("auth:signIn.title")}</h1>
      <p className="mb-6 text-sm text-slate-600">{t("auth:signIn.intro")}</p>
      <Card>
        <Form method="post" className="space-y-4" {...getFormProps(form)}>
          <FormError message={formError ? t(formError.key, formError.params) : null} />
          <input type="hidden" name="redirectTo" value={searchParams.get("redirectTo") ?? ""} />
          <TextField
            label={t("auth:fields.email")}
            errors={fields.email.errors}
            autoComplete="email"
            {...getInputProps(fields.email, { type: "email" })}
            key={fields.email.key}
          />
          <TextField
            label={t("auth:fields.password")}
            errors={fields.password.errors}
            autoComplete="current-password"
            {...getInputProps(fields.password, { type: "password" })}
            key={fields.password.key}
          />
          <Button className="w-full" disabled={navigation.state === "submitting"}>
            {t("auth:signIn.submit")}
          </Button>
        </Form>
      </Card>
      <p className="mt-6 text-center text-sm">
        <Link to="/sign-in/link" className="text-brand-700 underline">
          {t("auth:signIn.useLink")}
        </Link>
      </p>
    </main>
  );
}
