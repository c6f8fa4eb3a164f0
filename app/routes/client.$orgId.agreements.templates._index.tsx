import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { requireActor } from "~/auth/guards.server";
import { can } from "~/auth/policy";
import { formErrorOf } from "~/components/agreements/form-errors";
import { Button } from "~/components/ui/button";
import { Card, FormError, PageHeader } from "~/components/ui/layout";
import { DataTable } from "~/components/ui/table";
import { copyAgreementTemplate, findAgreementTemplatesForClient, type TemplateListItem } from "~/domain/agreements/templates.server";
import { sideBase } from "~/domain/orgs/navigation";
import { domainErrorResponse, readForm, requestMeta } from "~/utils/http.server";

export const meta: MetaFunction = () => [{ title: "Compliance Portal" }];

/** The client's agreement templates and the product's library, which can be copied. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { actor } = await requireActor(request, params.orgId, "client", "agreement.view");
  const templates = await findAgreementTemplatesForClient(actor);
  return { ...templates, canEdit: can(actor, "agreement_template.edit"), base: sideBase(actor.organizationKind, actor.organizationId) };
}

const copySchema = z.object({ intent: z.literal("copy"), templateId: z.string().uuid() });

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { actor } = await requireActor(request, params.orgId, "client", "agreement_template.edit");
  const parsed = copySchema.safeParse(Object.fromEntries(await readForm(request)));
  if (!parsed.success) return { ok: false as const, formError: { key: "common:validation.invalidChoice", params: {} } };
  try {
    const { templateId } = await copyAgreementTemplate({ actor, templateId: parsed.data.templateId, meta: requestMeta(request, context) });
    return redirect(`${sideBase(actor.organizationKind, actor.organizationId)}/agreements/templates/${templateId}?copied=1`);
  } catch (error) {
    return domainErrorResponse(error);
  }
}

function TemplateTable({ items, base, canCopy }: { items: TemplateListItem[]; base: string; canCopy: boolean }) {
  const { t, i18n } = useTranslation("agreements");
  const navigation = useNavigation();
  const lang = i18n.language === "en" ? "en" : "nl";
  return (
    <DataTable caption={t("templates.caption")} columns={[t("templates.columns.name"), t("templates.columns.published"), t("templates.columns.draft"), ""]} framed={false}>
      {items.map((item) => (
        <tr key={item.id}>
          <td className="px-3 py-2">
            <Link to={`${base}/agreements/templates/${item.id}`} className="text-brand-700 underline">
              {item.name[lang]}
            </Link>
          </td>
          <td className="px-3 py-2">{item.latestPublished ?? t("templates.noPublished")}</td>
          <td className="px-3 py-2">{item.hasDraft ? t("templates.hasDraft") : ""}</td>
          <td className="px-3 py-2 text-right">
            {canCopy && item.latestPublished !== null ? (
              <Form method="post">
                <input type="hidden" name="templateId" value={item.id} />
                <Button variant="secondary" name="intent" value="copy" disabled={navigation.state === "submitting"}>
                  {t("templates.copy")}
                </Button>
              </Form>
            ) : null}
          </td>
        </tr>
      ))}
    </DataTable>
  );
}

export default function AgreementTemplates() {
  const { own, library, canEdit, base } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const formError = formErrorOf(actionData);
  const { t } = useTranslation(["agreements", "common"]);
  return (
    <>
      <p className="mb-2 text-sm">
        <Link to={`${base}/agreements`} className="text-brand-700 underline">
          {t("agreements:templates.back")}
        </Link>
      </p>
      <PageHeader title={t("agreements:templates.title")} description={t("agreements:templates.intro")} />
      <div className="space-y-4">
        <FormError message={formError ? t(formError.key, formError.params) : null} />
        <Card title={t("agreements:templates.own")}>
          {own.length === 0 ? <p className="text-sm text-slate-600">{t("agreements:templates.emptyOwn")}</p> : <TemplateTable items={own} base={base} canCopy={canEdit} />}
        </Card>
        <Card title={t("agreements:templates.library")}>
          <TemplateTable items={library} base={base} canCopy={canEdit} />
        </Card>
      </div>
    </>
  );
}
