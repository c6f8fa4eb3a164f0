import type { TemplateContent } from "../model";
import { avgProcessorTemplate } from "./avg-processor";
import { breachReadinessTemplate } from "./breach-readiness";
import { contactCenterQualityTemplate } from "./contact-center-quality";
import { securityBaselineTemplate } from "./security-baseline";
import { telemarketingTemplate } from "./telemarketing";
import { trainingAwarenessTemplate } from "./training-awareness";

/**
 * The standard library shipped with the product: read-only templates in Dutch and English.
 * A slug never changes; a changed template gets the next version number, because published
 * versions are immutable and answers keep pointing at the version they were given for.
 */
export interface StandardTemplate {
  slug: string;
  version: number;
  content: TemplateContent;
}

/** Frozen all the way down: the library is shared by every request and must not be edited in place. */
function deepFreeze<T>(value: T): T {
  if (value && typeof value === "object" && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const inner of Object.values(value)) deepFreeze(inner);
  }
  return value;
}

/** In the order of REFERENCE §8 (templates 1 to 6). */
export const standardTemplates: readonly StandardTemplate[] = deepFreeze([
  { slug: "avg-processor", version: 1, content: avgProcessorTemplate },
  { slug: "security-baseline", version: 1, content: securityBaselineTemplate },
  { slug: "telemarketing", version: 1, content: telemarketingTemplate },
  { slug: "training-awareness", version: 1, content: trainingAwarenessTemplate },
  { slug: "breach-readiness", version: 1, content: breachReadinessTemplate },
  { slug: "contact-center-quality", version: 1, content: contactCenterQualityTemplate },
]);

/** The standard template with this slug, or undefined. */
export function findStandardTemplate(slug: string): StandardTemplate | undefined {
  return standardTemplates.find((template) => template.slug === slug);
}
