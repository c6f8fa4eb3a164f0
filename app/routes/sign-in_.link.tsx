import { getFormProps, getInputProps, useForm } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod";
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { getOptionalSession } from "~/auth/guards.server";
import { Button } from "~/components/ui/button";
import { TextField } from "~/components/ui/field";
import { Card, Notice } from "~/components/ui/layout";
import { MAGIC_LINK, requestMagicLink } from "~/domain/accounts/magic-link.server";
import { appUrl, readForm, requestMeta, safeRedirectPath } from "~/utils/http.server";

// The file name's "_" keeps /sign-in/link out of the password page's layout (sign-in.tsx).

const schema = z.object({
  email: z.string({ required_error: "validation.required" }).trim().max(254, "validation.tooLong").email("validation.email"),
  redirectTo: z.string().max(2000).optional(),
});

export async function loader({ request }: LoaderFunctionArgs) {
  if (await getOptionalSession(request)) throw redirect("/");
  return { minutes: MAGIC_LINK.validMinutes };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const submission = parseWithZod(await readForm(request), { schema });
  if (submission.status !== "success") return { sent: false as const, result: submission.reply() };
  const returnTo = safeRedirectPath(submission.value.redirectTo, "");
  await requestMagicLink(submission.value.email, requestMeta(request, context), appUrl(request), returnTo || undefined);
  // The same answer whether or not the address has an account.
  return { sent: true as const, result: submission.reply({ resetForm: true }) };
}

export default function SignInWithLink() {
  const { t } = useTranslation(["auth", "common"]);
  const { minutes } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const [searchParams] = useSearchParams();
  const [form, fields] = useForm({
    lastResult: actionData?.result,
    constraint: getZodConstraint(schema),
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema }),
  });
  return (
    <main id="main" className="mx-auto max-w-md px-4 py-12">
      <h1 className="mb-2 text-2xl font-semibold">{t("auth:magicLink.request.title")}</h1>
      <p className="mb-6 text-sm text-slate-600">
        {t("auth:magicLink.request.intro", { minutes })}
      </p>
      {actionData?.sent ? (
        <div className="mb-6">
          <Notice>{t("auth:magicLink.request.sent", { minutes })}</Notice>
        </div>
      ) : null}
      <Card>
        <Form method="post" className="space-y-4" {...getFormProps(form)}>
          <input type="hidden" name="redirectTo" value={searchParams.get("redirectTo") ?? ""} />
          <TextField
            label={t("auth:fields.email")}
            errors={fields.email.errors}
            autoComplete="email"
            {...getInputProps(fields.email, { type: "email" })}
            key={fields.email.key}
          />
          <Button className="w-full" disabled={navigation.state === "submitting"}>
            {t("auth:magicLink.request.submit")}
          </Button>
        </Form>
      </Card>
      <p className="mt-6 text-center text-sm">
        <Link to="/sign-in" className="text-brand-700 underline">
          {t("auth:magicLink.request.usePassword")}
        </Link>
      </p>
    </main>
  );
}
