import type { Executor } from "#db/client.server";
import {
  getHighestVersionNumber,
  getLibraryTemplateBySlug,
  insertTemplate,
  insertTemplateVersion,
} from "#db/queries/questionnaire-templates";
import { standardTemplates, type StandardTemplate } from "../library/index";

/**
 * Makes the database hold the standard library shipped in code: one system template per slug
 * (ownerOrgId null) and a published version per library version number. Idempotent: a version
 * that is already stored is left alone (published versions are immutable); a higher number in
 * code adds a new published version. Safe to run at every start-up and from two servers at once
 * (the unique indexes make the loser's insert fail, and it retries by reading).
 */
export async function syncStandardLibrary(
  executor: Executor,
  library: readonly StandardTemplate[] = standardTemplates,
): Promise<{ created: string[]; versionsAdded: number }> {
  const created: string[] = [];
  let versionsAdded = 0;
  for (const standard of library) {
    await executor.transaction(async (tx) => {
      let template = await getLibraryTemplateBySlug(tx, standard.slug);
      if (!template) {
        template = await insertTemplate(tx, { ownerOrgId: null, librarySlug: standard.slug });
        created.push(standard.slug);
      }
      const highest = await getHighestVersionNumber(tx, template.id);
      if (standard.version > highest) {
        const now = new Date();
        await insertTemplateVersion(tx, {
          templateId: template.id,
          version: standard.version,
          status: "published",
          // A plain copy: the library objects are frozen and must not reach the driver as such.
          content: structuredClone(standard.content),
          publishedAt: now,
        });
        versionsAdded += 1;
      }
    });
  }
  return { created, versionsAdded };
}
