import { getFormProps, getInputProps, useForm } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod";
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation, useParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { getOptionalSession } from "~/auth/guards.server";
import { passwordProblems } from "~/auth/password-policy";
import { startSession } from "~/auth/session.server";
import { Button } from "~/components/ui/button";
import { TextField } from "~/components/ui/field";
import { Card, FormError } from "~/components/ui/layout";
import {
  acceptInvitation,
  getInvitationPage,
  type AcceptInvitationInput,
  type InvitationSummary,
  type InvitationVisitor,
} from "~/domain/accounts/accept-invitation.server";
import { isDomainError } from "~/domain/errors";
import { formatDateTime } from "~/utils/dates";
import { domainErrorResponse, readForm, requestMeta } from "~/utils/http.server";

const organizationName = z.string().trim().max(200, "validation.tooLong").optional();

const schema = z
  .discriminatedUnion("intent", [
    z.object({
      intent: z.literal("register"),
      // Shown read-only; only used to check the password against it (the invitation decides the address).
      email: z.string().max(254, "validation.tooLong").optional(),
      name: z.string({ required_error: "validation.required" }).trim().min(1, "validation.required").max(200, "validation.tooLong"),
      password: z.string({ required_error: "validation.required" }).max(1024, "validation.tooLong"),
      confirmPassword: z.string({ required_error: "validation.required" }).max(1024, "validation.tooLong"),
      organizationName,
    }),
    z.object({
      intent: z.literal("accept"),
      /** Partner invitations: "new", or the id of a contact-center organization the user administers. */
      vendorTarget: z.union([z.literal("new"), z.string().uuid("validation.invalidChoice")]).optional(),
      organizationName,
    }),
  ])
  .superRefine((value, ctx) => {
    if (value.intent !== "register") return;
    for (const problem of passwordProblems(value.password, { email: value.email })) {
      ctx.addIssue({ code: z.ZodIssueCode.custom, path: ["password"], message: problem });
    }
    if (value.password !== value.confirmPassword) {
      ctx.addIssue({ code: z.ZodIssueCode.custom, path: ["confirmPassword"], message: "validation.passwordMismatch" });
    }
  });

const statusOfState = { open: 200, invalid: 404, expired: 410, revoked: 410, accepted: 410 } as const;

/** Public: the token is the key. Reads only; every state that cannot be accepted gets its own page. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const session = await getOptionalSession(request);
  const page = await getInvitationPage(params.token ?? "", session ? { id: session.user.id, email: session.user.email } : null);
  return json(page, { status: statusOfState[page.state] });
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const session = await getOptionalSession(request);
  const submission = parseWithZod(await readForm(request), { schema });
  if (submission.status !== "success") {
    return { ok: false as const, result: submission.reply({ hideFields: ["password", "confirmPassword"] }) };
  }
  const value = submission.value;
  const vendor: AcceptInvitationInput["vendor"] =
    value.intent === "accept" && value.vendorTarget && value.vendorTarget !== "new"
      ? { kind: "existing", organizationId: value.vendorTarget }
      : { kind: "new", name: value.organizationName };
  const meta = requestMeta(request, context);
  try {
    const accepted = await acceptInvitation(
      {
        token: params.token ?? "",
        sessionUserId: session?.user.id ?? null,
        registration: value.intent === "register" ? { name: value.name, password: value.password } : undefined,
        vendor,
      },
      meta,
    );
    const cookie = await startSession(accepted.userId, meta, request.headers.get("cookie"));
    return redirect(accepted.home, { headers: { "Set-Cookie": cookie } });
  } catch (error) {
    if (!isDomainError(error)) throw error;
    return domainErrorResponse(error);
  }
}

export default function InvitationPage() {
  const { t } = useTranslation(["auth", "common"]);
  const page = useLoaderData<typeof loader>();
  return (
    <main id="main" className="mx-auto max-w-xl px-4 py-12">
      {page.state === "open" ? (
        <OpenInvitation invitation={page.invitation} visitor={page.visitor} />
      ) : (
        <>
          <h1 className="mb-2 text-2xl font-semibold">{t(`auth:invitation.states.${page.state}.title`)}</h1>
          <p className="mb-6 text-slate-700">{t(`auth:invitation.states.${page.state}.body`)}</p>
          <Link to="/" className="text-brand-700 underline">
            {t("common:errors.page.home")}
          </Link>
        </>
      )}
    </main>
  );
}

function OpenInvitation({ invitation, visitor }: { invitation: InvitationSummary; visitor: InvitationVisitor }) {
  const { t, i18n } = useTranslation(["auth", "common"]);
  const actionData = useActionData<typeof action>();
  const formError = actionData && "formError" in actionData ? actionData.formError : null;
  return (
    <>
      <h1 className="mb-2 text-2xl font-semibold">{t("auth:invitation.title")}</h1>
      <div className="mb-6 space-y-2 text-slate-700">
        {invitation.kind === "partner" ? (
          <>
            <p>
              {t("auth:invitation.partner.intro", {
                clientName: invitation.organizationName,
                inviterName: invitation.inviterName ?? invitation.organizationName,
              })}
            </p>
            <p>{t("auth:invitation.partner.explain", { clientName: invitation.organizationName })}</p>
          </>
        ) : (
          <p>
            {t("auth:invitation.colleague.intro", {
              organizationName: invitation.organizationName,
              kind: t(`common:organizationKind.${invitation.organizationKind}`),
              role: t(`common:roles.${invitation.role}`),
            })}
          </p>
        )}
        <p className="text-sm text-slate-600">
          {t("auth:invitation.forAddress", { email: invitation.email })}{" "}
          {t("auth:invitation.validUntil", { date: formatDateTime(invitation.expiresAt, i18n.language) })}
        </p>
      </div>
      <div className="mb-4">
        <FormError message={formError ? t(formError.key, formError.params) : null} />
      </div>
      {visitor.kind === "new_account" ? <RegisterForm invitation={invitation} /> : null}
      {visitor.kind === "invitee" ? <AcceptForm invitation={invitation} visitor={visitor} /> : null}
      {visitor.kind === "sign_in_needed" ? <SignInNeeded /> : null}
      {visitor.kind === "other_user" ? (
        <Card>
          <p className="mb-4 text-sm">
            {t("auth:invitation.otherUser", { email: invitation.email, signedInEmail: visitor.signedInEmail })}
          </p>
          <Form method="post" action="/sign-out">
            <Button variant="secondary">{t("common:nav.signOut")}</Button>
          </Form>
        </Card>
      ) : null}
    </>
  );
}

function RegisterForm({ invitation }: { invitation: InvitationSummary }) {
  const { t } = useTranslation(["auth", "common"]);
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const [form, fields] = useForm({
    lastResult: actionData && "result" in actionData ? actionData.result : undefined,
    constraint: getZodConstraint(schema),
    defaultValue: { email: invitation.email, organizationName: invitation.vendorDisplayName ?? "" },
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema }),
  });
  return (
    <Card title={t("auth:invitation.register.title")}>
      <Form method="post" className="space-y-4" {...getFormProps(form)}>
        <input type="hidden" name="intent" value="register" />
        <TextField
          label={t("auth:fields.email")}
          readOnly
          autoComplete="username"
          {...getInputProps(fields.email, { type: "email" })}
          key={fields.email.key}
        />
        <TextField
          label={t("auth:fields.name")}
          errors={fields.name.errors}
          autoComplete="name"
          {...getInputProps(fields.name, { type: "text" })}
          key={fields.name.key}
        />
        <TextField
          label={t("auth:fields.password")}
          hint={t("auth:invitation.register.passwordHint")}
          errors={fields.password.errors}
          autoComplete="new-password"
          {...getInputProps(fields.password, { type: "password" })}
          key={fields.password.key}
        />
        <TextField
          label={t("auth:invitation.register.confirmPassword")}
          errors={fields.confirmPassword.errors}
          autoComplete="new-password"
          {...getInputProps(fields.confirmPassword, { type: "password" })}
          key={fields.confirmPassword.key}
        />
        {invitation.kind === "partner" ? (
          <TextField
            label={t("auth:invitation.organizationName")}
            hint={t("auth:invitation.organizationNameHint")}
            errors={fields.organizationName.errors}
            autoComplete="organization"
            {...getInputProps(fields.organizationName, { type: "text" })}
            key={fields.organizationName.key}
          />
        ) : null}
        <Button className="w-full" disabled={navigation.state === "submitting"}>
          {t("auth:invitation.register.submit")}
        </Button>
      </Form>
    </Card>
  );
}

function AcceptForm({ invitation, visitor }: { invitation: InvitationSummary; visitor: Extract<InvitationVisitor, { kind: "invitee" }> }) {
  const { t } = useTranslation(["auth", "common"]);
  const navigation = useNavigation();
  return (
    <Card>
      <Form method="post" className="space-y-4">
        <input type="hidden" name="intent" value="accept" />
        {invitation.kind === "partner" ? (
          <fieldset className="space-y-3">
            <legend className="text-sm font-medium text-slate-800">{t("auth:invitation.vendorChoice.legend")}</legend>
            <label className="flex items-start gap-2 text-sm">
              <input type="radio" name="vendorTarget" value="new" defaultChecked className="mt-1" />
              <span className="flex-1 space-y-2">
                <span className="block">{t("auth:invitation.vendorChoice.new")}</span>
                <input
                  name="organizationName"
                  aria-label={t("auth:invitation.organizationName")}
                  defaultValue={invitation.vendorDisplayName ?? ""}
                  maxLength={200}
                  className="block w-full rounded-md border border-slate-300 px-3 py-2 text-sm"
                />
              </span>
            </label>
            {visitor.vendorOptions.map((option) => (
              <label key={option.id} className="flex items-start gap-2 text-sm">
                <input type="radio" name="vendorTarget" value={option.id} disabled={option.alreadyPartner} className="mt-1" />
                <span>
                  {t("auth:invitation.vendorChoice.existing", { name: option.name })}
                  {option.alreadyPartner ? (
                    <span className="block text-xs text-slate-500">{t("auth:invitation.vendorChoice.alreadyPartner")}</span>
                  ) : null}
                </span>
              </label>
            ))}
          </fieldset>
        ) : null}
        <Button className="w-full" disabled={navigation.state === "submitting"}>
          {t("auth:invitation.accept")}
        </Button>
      </Form>
    </Card>
  );
}

function SignInNeeded() {
  const { t } = useTranslation(["auth", "common"]);
  const { token } = useParams();
  return (
    <Card>
      <p className="mb-4 text-sm">{t("auth:invitation.signIn.body")}</p>
      <div className="flex flex-wrap gap-4 text-sm">
        <Link
          to={`/sign-in?redirectTo=/invitations/${token ?? ""}`}
          className="font-medium text-brand-700 underline"
        >
          {t("auth:invitation.signIn.password")}
        </Link>
        <Link to={`/sign-in/link?redirectTo=/invitations/${token ?? ""}`} className="text-brand-700 underline">
          {t("auth:invitation.signIn.link")}
        </Link>
      </div>
    </Card>
  );
}
