import type { Executor } from "#db/client.server";
import { questionnaireRequests, questionnaireTemplates, questionnaireTemplateVersions } from "#db/schema/index";
import { templateContentSchema, type TemplateContent } from "~/domain/questionnaires/model";

/**
 * Templates, published versions and requests for the questionnaire request tests. Templates are
 * the client's own (library templates are unique per slug, which parallel tests would share).
 */

const text = (en: string, nl = `NL ${en}`) => ({ en, nl });

/**
 * A small template: a critical yes/no, a follow-up shown only after "no", a bounded number,
 * a single choice, and an optional unscored text. Max points: 5 + 2 + 2 = 9 (+1 with follow-up).
 */
export const smallTemplate: TemplateContent = templateContentSchema.parse({
  title: text("Small check", "Kleine controle"),
  sections: [
    {
      key: "general",
      title: text("General", "Algemeen"),
      questions: [
        {
          key: "gen.dpa",
          type: "yes_no",
          text: text("Is a processor agreement signed?"),
          required: true,
          weight: 5,
          critical: true,
          allowNotApplicable: true,
          scoring: { kind: "yes_no", compliantAnswer: "yes" },
        },
        {
          key: "gen.followup",
          type: "text",
          text: text("Why not?"),
          required: true,
          weight: 1,
          critical: false,
          showWhen: { kind: "answer", question: "gen.dpa", op: "equals", value: "no" },
          scoring: { kind: "non_empty" },
        },
        {
          key: "gen.staff",
          type: "number",
          text: text("How many trained agents?"),
          required: true,
          weight: 2,
          critical: false,
          min: 0,
          max: 1000,
          integer: true,
          scoring: { kind: "thresholds", direction: "at_least", thresholds: [{ value: 10, credit: 1 }, { value: 5, credit: 0.5 }] },
        },
        {
          key: "gen.channel",
          type: "single_choice",
          text: text("Main channel?"),
          required: true,
          weight: 2,
          critical: false,
          options: [
            { value: "phone", label: text("Phone"), credit: 1 },
            { value: "mail", label: text("Mail"), credit: 0.5 },
          ],
          scoring: { kind: "option_credit" },
        },
        { key: "gen.note", type: "text", text: text("Anything else?"), required: false, weight: 0, critical: false },
      ],
    },
  ],
});

/** A client-owned template with one published version of `content`. */
export async function createPublishedVersion(executor: Executor, ownerOrgId: string, content: TemplateContent = smallTemplate) {
  const [template] = await executor.insert(questionnaireTemplates).values({ ownerOrgId }).returning();
  const [version] = await executor
    .insert(questionnaireTemplateVersions)
    .values({ templateId: template.id, version: 1, status: "published", content, publishedAt: new Date() })
    .returning();
  return { template, version };
}

/** A request made directly (the permission matrix needs one without going through sending). */
export async function createRequest(executor: Executor, partnershipId: string, templateVersionId: string, dueDate = "2099-12-31") {
  const [row] = await executor.insert(questionnaireRequests).values({ partnershipId, templateVersionId, dueDate }).returning();
  return row;
}
