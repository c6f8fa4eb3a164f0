/**
 * How each table is scoped. A test compares this list with the tables in the database, so a
 * new table cannot land without someone deciding who may see its rows.
 */
export type TenancyClass =
  | "organization-owned" // rows belong to one organization (client, vendor or audit firm)
  | "partnership-scoped" // rows belong to a client-vendor partnership
  | "user-owned" // rows belong to one user, whatever organization they are in
  | "auth" // sign-in machinery, never shown through tenant routes
  | "global"; // no tenant: reference data and infrastructure

export const tableTenancy: Record<string, TenancyClass> = {
  organizations: "organization-owned",
  memberships: "organization-owned",
  invitations: "organization-owned",
  partnerships: "partnership-scoped",
  users: "user-owned",
  notifications: "user-owned",
  sessions: "auth",
  login_tokens: "auth",
  sign_in_attempts: "auth",
  throttle_events: "auth",
  audit_events: "organization-owned",
  outbox_emails: "global",
  questionnaire_templates: "organization-owned", // owner org, or the system library (owner null)
  questionnaire_template_versions: "organization-owned",
  questionnaire_requests: "partnership-scoped",
  questionnaire_answers: "partnership-scoped",
  questionnaire_answer_history: "partnership-scoped",
  questionnaire_comments: "partnership-scoped",
  questionnaire_section_assignments: "partnership-scoped",
  questionnaire_cadences: "partnership-scoped",
  findings: "partnership-scoped",
  evidence_items: "organization-owned", // the vendor's; clients see it only through links
  evidence_versions: "organization-owned",
  evidence_links: "partnership-scoped",
  evidence_expiry_reminders: "organization-owned",
  agreement_templates: "organization-owned", // owner org, or the shipped library (owner null)
  agreement_template_versions: "organization-owned",
  agreements: "partnership-scoped",
  agreement_signatures: "partnership-scoped",
  agreement_comments: "partnership-scoped",
  agreement_reminders: "partnership-scoped",
  subprocessors: "partnership-scoped",
  subprocessor_events: "partnership-scoped",
  training_requirements: "organization-owned", // the client's
  training_attestations: "partnership-scoped",
  training_roster_entries: "partnership-scoped",
};

/** Schemas whose tables are infrastructure owned by a library (pg-boss), not by the app. */
export const infrastructureSchemas = ["pgboss", "drizzle"];
