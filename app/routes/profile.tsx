import { getFormProps, getInputProps, getSelectProps, useForm, type SubmissionResult } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod";
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { requireSession } from "~/auth/guards.server";
import { passwordProblems, PASSWORD_MIN_LENGTH } from "~/auth/password-policy";
import { blankSessionCookie, startSession } from "~/auth/session.server";
import { ProfileSessions } from "~/components/profile-sessions";
import { Button } from "~/components/ui/button";
import { SelectField, TextField } from "~/components/ui/field";
import { Card, FormError, Notice, PageHeader } from "~/components/ui/layout";
import { changePassword, getProfile, revokeSession, signOutEverywhere, updateProfile } from "~/domain/accounts/profile.server";
import { isDomainError } from "~/domain/errors";
import { supportedLocales } from "~/i18n/config";
import { localeCookie } from "~/i18n/i18n.server";
import { domainErrorResponse, readForm, requestMeta } from "~/utils/http.server";

const PASSWORD_FIELDS = ["currentPassword", "newPassword", "confirmPassword"];

/** One schema for the page's forms, told apart by their hidden `intent` field. */
function createSchema(context: { email?: string }) {
  return z
    .discriminatedUnion("intent", [
      z.object({
        intent: z.literal("profile"),
        name: z
          .string({ required_error: "validation.required" })
          .trim()
          .min(1, "validation.required")
          .max(120, "validation.tooLong"),
        locale: z.enum(supportedLocales, { errorMap: () => ({ message: "validation.invalidChoice" }) }),
      }),
      z.object({
        intent: z.literal("password"),
        currentPassword: z.string().max(1024, "validation.tooLong").optional(),
        newPassword: z.string({ required_error: "validation.required" }).max(1024, "validation.tooLong"),
        confirmPassword: z.string({ required_error: "validation.required" }).max(1024, "validation.tooLong"),
      }),
      z.object({ intent: z.literal("revoke"), session: z.string({ required_error: "validation.required" }).max(200) }),
      z.object({ intent: z.literal("signOutEverywhere") }),
    ])
    .superRefine((value, ctx) => {
      if (value.intent !== "password") return;
      for (const message of passwordProblems(value.newPassword, { email: context.email })) {
        ctx.addIssue({ code: z.ZodIssueCode.custom, path: ["newPassword"], message });
      }
      if (value.confirmPassword !== value.newPassword) {
        ctx.addIssue({ code: z.ZodIssueCode.custom, path: ["confirmPassword"], message: "validation.passwordMismatch" });
      }
    });
}

type Intent = z.infer<ReturnType<typeof createSchema>>["intent"];

export async function loader({ request }: LoaderFunctionArgs) {
  const session = await requireSession(request);
  return getProfile(session.user.id, session.sessionId);
}

export async function action({ request, context }: ActionFunctionArgs) {
  const session = await requireSession(request);
  const formData = await readForm(request);
  const submission = parseWithZod(formData, { schema: createSchema({ email: session.user.email }) });
  const intent = String(formData.get("intent") ?? "") as Intent;
  if (submission.status !== "success") {
    return { ok: false as const, intent, result: submission.reply({ hideFields: PASSWORD_FIELDS }) };
  }
  const meta = { ...requestMeta(request, context), actorUserId: session.user.id };
  try {
    const value = submission.value;
    switch (value.intent) {
      case "profile": {
        await updateProfile(session.user.id, { name: value.name, locale: value.locale }, meta);
        // The profile decides the language while signed in; the cookie keeps it after signing out.
        return data(
          { ok: true as const, intent: value.intent, result: submission.reply() },
          { headers: { "Set-Cookie": await localeCookie.serialize(value.locale) } },
        );
      }
      case "password": {
        const { endedSessions } = await changePassword(session.user.id, session.sessionId, value, meta);
        // A new session id too: whoever knew the old one (and maybe the old password) is out.
        const cookie = await startSession(session.user.id, meta, request.headers.get("cookie"));
        return data(
          { ok: true as const, intent: value.intent, endedSessions, result: submission.reply({ resetForm: true }) },
          { headers: { "Set-Cookie": cookie } },
        );
      }
      case "revoke": {
        const { wasCurrent } = await revokeSession(session.user.id, session.sessionId, value.session, meta);
        if (wasCurrent) throw redirect("/sign-in", { headers: { "Set-Cookie": blankSessionCookie() } });
        return { ok: true as const, intent: value.intent, result: submission.reply() };
      }
      case "signOutEverywhere": {
        await signOutEverywhere(session.user.id, meta);
        throw redirect("/sign-in", { headers: { "Set-Cookie": blankSessionCookie() } });
      }
    }
  } catch (error) {
    if (!isDomainError(error)) throw error;
    return domainErrorResponse(error);
  }
}

type ActionData = {
  ok: boolean;
  intent?: Intent;
  endedSessions?: number;
  result?: SubmissionResult<string[]>;
  formError?: { key: string; params: Record<string, string | number> };
};

export default function Profile() {
  const { t } = useTranslation(["account", "common"]);
  const { user, sessions } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>() as ActionData | undefined;
  const navigation = useNavigation();
  const busy = navigation.state === "submitting" ? String(navigation.formData?.get("intent") ?? "") : null;
  const schema = createSchema({ email: user.email });
  // A domain refusal (wrong current password) comes without an intent; only the password form
  // can cause one.
  const resultFor = (intent: Intent) => (actionData?.intent === intent ? actionData.result : undefined);
  const formError = actionData && !actionData.ok && actionData.formError ? t(actionData.formError.key, actionData.formError.params) : null;

  const [profileForm, profileFields] = useForm({
    id: "profile",
    lastResult: resultFor("profile"),
    constraint: getZodConstraint(schema),
    shouldValidate: "onBlur",
    onValidate: ({ formData }) => parseWithZod(formData, { schema }),
    defaultValue: { name: user.name, locale: user.locale ?? "nl" },
  });
  const [passwordForm, passwordFields] = useForm({
    id: "password",
    lastResult: resultFor("password"),
    shouldValidate: "onBlur",
    onValidate: ({ formData }) => parseWithZod(formData, { schema }),
  });

  return (
    <main id="main" className="mx-auto max-w-4xl space-y-6 px-4 py-8">
      <PageHeader title={t("account:profile.title")} description={t("account:profile.intro")} />

      <Card title={t("account:profile.details")}>
        <Form method="post" className="space-y-4" {...getFormProps(profileForm)}>
          <input type="hidden" name="intent" value="profile" />
          {actionData?.ok && actionData.intent === "profile" ? <Notice>{t("account:profile.saved")}</Notice> : null}
          <div className="space-y-1">
            <p className="text-sm font-medium text-slate-800">{t("account:profile.email")}</p>
            <p className="text-sm text-slate-900">{user.email}</p>
            <p className="text-xs text-slate-500">{t("account:profile.emailHint")}</p>
          </div>
          <TextField
            label={t("account:profile.name")}
            errors={profileFields.name.errors}
            autoComplete="name"
            {...getInputProps(profileFields.name, { type: "text" })}
            key={profileFields.name.key}
          />
          <SelectField
            label={t("account:profile.language")}
            errors={profileFields.locale.errors}
            {...getSelectProps(profileFields.locale)}
            key={profileFields.locale.key}
          >
            <option value="nl" lang="nl">Nederlands</option>
            <option value="en" lang="en">English</option>
          </SelectField>
          <Button disabled={busy === "profile"}>{t("common:actions.save")}</Button>
        </Form>
      </Card>

      <Card title={t("account:password.title")}>
        <p className="mb-4 text-sm text-slate-600">
          {t(user.hasPassword ? "account:password.intro" : "account:password.introNoPassword")}
        </p>
        <Form method="post" className="space-y-4" {...getFormProps(passwordForm)}>
          <input type="hidden" name="intent" value="password" />
          {actionData?.ok && actionData.intent === "password" ? (
            <Notice>{t("account:password.changed", { count: actionData.endedSessions ?? 0 })}</Notice>
          ) : null}
          <FormError message={formError} />
          {user.hasPassword ? (
            <TextField
              label={t("account:password.current")}
              errors={passwordFields.currentPassword.errors}
              autoComplete="current-password"
              required
              {...getInputProps(passwordFields.currentPassword, { type: "password" })}
              key={passwordFields.currentPassword.key}
            />
          ) : null}
          <TextField
            label={t("account:password.new")}
            hint={t("account:password.newHint", { min: PASSWORD_MIN_LENGTH })}
            errors={passwordFields.newPassword.errors}
            autoComplete="new-password"
            required
            {...getInputProps(passwordFields.newPassword, { type: "password" })}
            key={passwordFields.newPassword.key}
          />
          <TextField
            label={t("account:password.confirm")}
            errors={passwordFields.confirmPassword.errors}
            autoComplete="new-password"
            required
            {...getInputProps(passwordFields.confirmPassword, { type: "password" })}
            key={passwordFields.confirmPassword.key}
          />
          <Button disabled={busy === "password"}>{t("account:password.submit")}</Button>
        </Form>
      </Card>

      <ProfileSessions sessions={sessions} revoked={actionData?.ok === true && actionData.intent === "revoke"} />
    </main>
  );
}
