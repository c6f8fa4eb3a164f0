import type { LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { isUuid, requireActor } from "~/auth/guards.server";
import { TemplatePreview } from "~/components/template-preview";
import { Button } from "~/components/ui/button";
import { CheckboxGroup, SelectField, TextField } from "~/components/ui/field";
import { Card, PageHeader } from "~/components/ui/layout";
import { dataCategoryKinds, riskTiers, serviceKinds } from "~/domain/orgs/inherent-risk";
import { sideBase } from "~/domain/orgs/navigation";
import { resolveVisibility } from "~/domain/questionnaires/conditions";
import { getTemplateVersionContent } from "~/domain/questionnaires/templates/templates.server";
import { domainErrorResponse, notFound } from "~/utils/http.server";

// Anything unexpected in the URL falls back to a default instead of an error: URLs get edited.
const previewSchema = z.object({
  version: z.coerce.number().int().min(1).optional().catch(undefined),
  lang: z.enum(["nl", "en"]).catch("nl"),
  services: z.array(z.enum(serviceKinds)).catch(["inbound"]),
  dataCategories: z.array(z.enum(dataCategoryKinds)).catch(["contact_details"]),
  countries: z.string().max(200).catch("NL"),
  riskTier: z.coerce.number().int().min(1).max(3).catch(2),
});

/** A template version as the vendor sees it, for a partnership context the client picks. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { actor } = await requireActor(request, params.orgId, "client", "template.view");
  if (!isUuid(params.templateId)) notFound();
  const search = new URL(request.url).searchParams;
  const isFirstVisit = !search.has("lang");
  const options = previewSchema.parse({
    version: search.get("version") || undefined,
    lang: search.get("lang") ?? "nl",
    services: isFirstVisit ? ["inbound"] : search.getAll("services"),
    dataCategories: isFirstVisit ? ["contact_details"] : search.getAll("dataCategories"),
    countries: search.get("countries") ?? "NL",
    riskTier: search.get("riskTier") ?? 2,
  });
  const { template, version, versions } = await getTemplateVersionContent(actor, params.templateId, options.version).catch((error) => {
    domainErrorResponse(error);
    throw error;
  });
  const countries = options.countries.split(/[\s,]+/).filter(Boolean).map((c) => c.toUpperCase());
  const visibility = resolveVisibility(version.content, {}, {
    partnership: { services: options.services, dataCategories: options.dataCategories, riskTier: options.riskTier, countries },
  });
  return {
    base: sideBase(actor.organizationKind, actor.organizationId),
    templateId: template.id,
    content: version.content,
    version: { version: version.version, status: version.status },
    versions: versions.map((v) => ({ version: v.version, status: v.status })),
    options,
    visible: { sections: [...visibility.sections], questions: [...visibility.questions] },
  };
}

export default function TemplatePreviewPage() {
  const { base, templateId, content, version, versions, options, visible } = useLoaderData<typeof loader>();
  const { t } = useTranslation(["questionnaires", "orgs"]);
  return (
    <>
      <p className="mb-2 text-sm">
        <Link to={`${base}/templates/${templateId}`} className="text-brand-700 underline">{t("questionnaires:preview.back")}</Link>
      </p>
      <PageHeader title={t("questionnaires:preview.title")} description={t("questionnaires:preview.intro")} />
      <div className="space-y-6">
        <Card title={t("questionnaires:preview.contextTitle")}>
          <Form method="get" className="grid gap-4 md:grid-cols-3">
            <SelectField id="preview-version" name="version" label={t("questionnaires:builder.history.version")} defaultValue={String(version.version)}>
              {versions.map((v) => (
                <option key={v.version} value={v.version}>
                  {v.version} · {t(`questionnaires:builder.status.${v.status}`)}
                </option>
              ))}
            </SelectField>
            <SelectField id="preview-lang" name="lang" label={t("questionnaires:preview.language")} defaultValue={options.lang}>
              <option value="nl">Nederlands</option>
              <option value="en">English</option>
            </SelectField>
            <SelectField id="preview-tier" name="riskTier" label={t("orgs:fields.riskTier")} defaultValue={String(options.riskTier)}>
              {riskTiers.map((tier) => (
                <option key={tier} value={tier}>{t(`orgs:tier.label.${tier}`)}</option>
              ))}
            </SelectField>
            <div className="md:col-span-3">
              <CheckboxGroup name="services" legend={t("orgs:fields.services")} defaultValue={options.services} options={serviceKinds.map((s) => ({ value: s, label: t(`orgs:services.${s}`) }))} />
            </div>
            <div className="md:col-span-3">
              <CheckboxGroup name="dataCategories" legend={t("orgs:fields.dataCategories")} defaultValue={options.dataCategories} options={dataCategoryKinds.map((d) => ({ value: d, label: t(`orgs:dataCategories.${d}`) }))} />
            </div>
            <TextField id="preview-countries" name="countries" label={t("questionnaires:preview.countries")} defaultValue={options.countries} />
            <div className="flex items-end md:col-span-2">
              <Button variant="secondary">{t("questionnaires:preview.apply")}</Button>
            </div>
          </Form>
        </Card>
        <TemplatePreview content={content} lang={options.lang} visible={visible} />
      </div>
    </>
  );
}
