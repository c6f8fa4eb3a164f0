import { getFormProps, getInputProps, getSelectProps, useForm } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import type { membersAction, membersLoader, MembersPageData } from "~/domain/accounts/members.server";
import { membersFormSchema } from "~/domain/accounts/members";
import { supportedLocales } from "~/i18n/config";
import { formatDate, formatDateTime } from "~/utils/dates";
import { Button } from "./ui/button";
import { SelectField, TextField } from "./ui/field";
import { Badge, Card, EmptyState, FormError, Notice, PageHeader } from "./ui/layout";
import { DataTable } from "~/components/ui/table";

/**
 * The people of an organization, for every side: members with their roles, pending colleague
 * invitations, and (for those allowed) inviting, changing roles, removing, revoking, re-sending.
 * Rendered inside the side's layout, so only the page body.
 */
export function MembersPage() {
  const data = useLoaderData<typeof membersLoader>();
  const actionData = useActionData<typeof membersAction>();
  const { t, i18n } = useTranslation(["auth", "common"]);
  const formError = actionData && "formError" in actionData ? actionData.formError : null;
  const notice = actionData && "notice" in actionData ? actionData.notice : null;
  // After every answer the role pickers start again from the stored roles, so a refused change
  // (the last admin, say) does not keep showing the role that was not saved.
  const [revision, setRevision] = useState(0);
  useEffect(() => setRevision((r) => r + 1), [actionData]);
  return (
    <div className="space-y-6">
      <PageHeader title={t("auth:members.title")} description={t("auth:members.intro")} />
      <div aria-live="polite" className="space-y-2">
        {notice ? <Notice>{t(notice)}</Notice> : null}
        <FormError message={formError ? t(formError.key, formError.params) : null} />
      </div>

      <Card title={t("auth:members.list.title")}>
        <DataTable
          framed={false}
          caption={t("auth:members.list.title")}
          columns={[
            t("auth:members.list.name"),
            t("auth:members.list.email"),
            t("auth:members.list.role"),
            t("auth:members.list.since"),
            ...(data.canManage ? [<span className="sr-only">{t("auth:members.list.actions")}</span>] : []),
          ]}
        >
              {data.members.map((member) => (
                <tr key={member.userId} className="border-b border-slate-100 align-top">
                  <td className="py-2 pr-4 font-medium">
                    {member.name}
                    {member.isSelf ? <span className="ml-2"><Badge>{t("auth:members.list.you")}</Badge></span> : null}
                  </td>
                  <td className="py-2 pr-4">{member.email}</td>
                  <td className="py-2 pr-4">
                    {data.canManage ? (
                      <Form method="post" className="flex items-center gap-2" key={`${member.role}-${revision}`}>
                        <input type="hidden" name="intent" value="changeRole" />
                        <input type="hidden" name="userId" value={member.userId} />
                        <label className="sr-only" htmlFor={`role-${member.userId}`}>
                          {t("auth:members.list.roleOf", { name: member.name })}
                        </label>
                        <select
                          id={`role-${member.userId}`}
                          name="role"
                          defaultValue={member.role}
                          className="rounded-md border border-slate-300 px-2 py-1 text-sm"
                        >
                          {data.roles.map((role) => (
                            <option key={role} value={role}>
                              {t(`common:roles.${role}`)}
                            </option>
                          ))}
                        </select>
                        <Button variant="secondary" className="!px-2 !py-1">
                          {t("common:actions.save")}
                        </Button>
                      </Form>
                    ) : (
                      t(`common:roles.${member.role}`)
                    )}
                  </td>
                  <td className="py-2 pr-4">{formatDate(member.since, i18n.language)}</td>
                  {data.canManage ? (
                    <td className="py-2">
                      <Form
                        method="post"
                        onSubmit={(event) => {
                          if (!window.confirm(t("auth:members.list.confirmRemove", { name: member.name }))) event.preventDefault();
                        }}
                      >
                        <input type="hidden" name="intent" value="remove" />
                        <input type="hidden" name="userId" value={member.userId} />
                        <Button variant="ghost" className="!px-2 !py-1" aria-label={t("auth:members.list.removeNamed", { name: member.name })}>
                          {t("common:actions.remove")}
                        </Button>
                      </Form>
                    </td>
                  ) : null}
                </tr>
              ))}
        </DataTable>
      </Card>

      <Card title={t("auth:members.pending.title")}>
        {data.invitations.length === 0 ? (
          <EmptyState title={t("auth:members.pending.empty")} />
        ) : (
          <ul className="divide-y divide-slate-100">
            {data.invitations.map((invitation) => (
              <li key={invitation.id} className="flex flex-wrap items-center justify-between gap-3 py-3 text-sm">
                <div>
                  <p className="font-medium">
                    {invitation.email}{" "}
                    {invitation.isExpired ? <Badge tone="amber">{t("auth:members.pending.expired")}</Badge> : null}
                  </p>
                  <p className="text-slate-600">
                    {t(`common:roles.${invitation.role}`)} ·{" "}
                    {invitation.invitedBy
                      ? t("auth:members.pending.invitedBy", {
                          name: invitation.invitedBy,
                          date: formatDate(invitation.createdAt, i18n.language),
                        })
                      : formatDate(invitation.createdAt, i18n.language)}{" "}
                    · {t("auth:members.pending.validUntil", { date: formatDateTime(invitation.expiresAt, i18n.language) })}
                  </p>
                </div>
                {data.canManage ? (
                  <div className="flex gap-2">
                    <Form method="post">
                      <input type="hidden" name="intent" value="resend" />
                      <input type="hidden" name="invitationId" value={invitation.id} />
                      <Button variant="secondary" className="!px-2 !py-1" aria-label={t("auth:members.pending.resendTo", { email: invitation.email })}>
                        {t("auth:members.pending.resend")}
                      </Button>
                    </Form>
                    <Form method="post">
                      <input type="hidden" name="intent" value="revoke" />
                      <input type="hidden" name="invitationId" value={invitation.id} />
                      <Button variant="ghost" className="!px-2 !py-1" aria-label={t("auth:members.pending.revokeFor", { email: invitation.email })}>
                        {t("auth:members.pending.revoke")}
                      </Button>
                    </Form>
                  </div>
                ) : null}
              </li>
            ))}
          </ul>
        )}
      </Card>

      {data.canInvite ? <InviteForm data={data} actionData={actionData} /> : null}
    </div>
  );
}

type ActionData = ReturnType<typeof useActionData<typeof membersAction>>;

function InviteForm({ data, actionData }: { data: MembersPageData; actionData: ActionData }) {
  const { t, i18n } = useTranslation(["auth", "common"]);
  const navigation = useNavigation();
  const schema = membersFormSchema(data.organizationKind);
  const [form, fields] = useForm({
    id: "invite-colleague",
    lastResult: actionData && "intent" in actionData && actionData.intent === "invite" ? actionData.result : undefined,
    constraint: getZodConstraint(schema),
    defaultValue: { role: data.roles[data.roles.length - 1], locale: i18n.language === "en" ? "en" : "nl" },
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema }),
  });
  const busy = navigation.state === "submitting" && navigation.formData?.get("intent") === "invite";
  return (
    <Card title={t("auth:members.invite.title")}>
      <p className="mb-4 text-sm text-slate-600">{t("auth:members.invite.intro")}</p>
      <Form method="post" className="grid gap-4 sm:grid-cols-3" {...getFormProps(form)}>
        <input type="hidden" name="intent" value="invite" />
        <TextField
          label={t("auth:fields.email")}
          errors={fields.email.errors}
          autoComplete="off"
          {...getInputProps(fields.email, { type: "email" })}
          key={fields.email.key}
        />
        <SelectField label={t("auth:members.invite.role")} errors={fields.role.errors} {...getSelectProps(fields.role)} key={fields.role.key}>
          {data.roles.map((role) => (
            <option key={role} value={role}>
              {t(`common:roles.${role}`)}
            </option>
          ))}
        </SelectField>
        <SelectField
          label={t("auth:members.invite.locale")}
          errors={fields.locale.errors}
          {...getSelectProps(fields.locale)}
          key={fields.locale.key}
        >
          {supportedLocales.map((locale) => (
            <option key={locale} value={locale}>
              {t(`auth:members.invite.locales.${locale}`)}
            </option>
          ))}
        </SelectField>
        <div className="sm:col-span-3">
          <Button disabled={busy}>{t("auth:members.invite.submit")}</Button>
        </div>
      </Form>
    </Card>
  );
}
