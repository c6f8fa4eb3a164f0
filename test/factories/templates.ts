import type { Executor } from "#db/client.server";
import { questionnaireRequests, questionnaireTemplates, questionnaireTemplateVersions } from "#db/schema/index";
import type { TemplateContent } from "~/domain/questionnaires/model";
import { blankContent } from "~/domain/questionnaires/templates/edit-content";

/** A client's own template with one version (a draft unless told otherwise). */
export async function createTemplate(
  executor: Executor,
  ownerOrgId: string,
  options: { id?: string; status?: "draft" | "published"; content?: TemplateContent } = {},
) {
  const [template] = await executor
    .insert(questionnaireTemplates)
    .values({ ...(options.id ? { id: options.id } : {}), ownerOrgId })
    .returning();
  const status = options.status ?? "draft";
  const [version] = await executor
    .insert(questionnaireTemplateVersions)
    .values({
      templateId: template.id,
      version: 1,
      status,
      content: options.content ?? blankContent({ nl: "Testsjabloon", en: "Test template" }),
      publishedAt: status === "published" ? new Date() : null,
    })
    .returning();
  return { template, version };
}

/** A questionnaire request of a partnership for a published version (for "who received what"). */
export async function createRequest(executor: Executor, partnershipId: string, templateVersionId: string) {
  const [row] = await executor
    .insert(questionnaireRequests)
    .values({ partnershipId, templateVersionId, dueDate: "2030-01-31" })
    .returning();
  return row;
}
