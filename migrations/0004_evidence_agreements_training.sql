CREATE TYPE "public"."evidence_kind" AS ENUM('certificate', 'policy', 'report', 'roster', 'screenshot', 'other');--> statement-breakpoint
CREATE TYPE "public"."evidence_link_target" AS ENUM('answer', 'agreement', 'attestation', 'subprocessor', 'finding', 'partnership');--> statement-breakpoint
CREATE TYPE "public"."agreement_status" AS ENUM('draft', 'sent', 'changes_requested', 'signed_by_vendor', 'in_force', 'superseded', 'expired', 'terminated');--> statement-breakpoint
CREATE TYPE "public"."signature_side" AS ENUM('vendor', 'client');--> statement-breakpoint
CREATE TYPE "public"."subprocessor_status" AS ENUM('proposed', 'approved', 'objected', 'withdrawn', 'removed');--> statement-breakpoint
CREATE TABLE "evidence_expiry_reminders" (
	"evidence_version_id" uuid NOT NULL,
	"days_ahead" smallint NOT NULL,
	"sent_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "evidence_items" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"vendor_org_id" uuid NOT NULL,
	"title" text NOT NULL,
	"kind" "evidence_kind" NOT NULL,
	"current_version_id" uuid,
	"created_by_user_id" uuid,
	"archived_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "evidence_links" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"evidence_id" uuid NOT NULL,
	"partnership_id" uuid NOT NULL,
	"target_type" "evidence_link_target" NOT NULL,
	"target_id" uuid NOT NULL,
	"created_by_user_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "evidence_versions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"evidence_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"sha256" text NOT NULL,
	"size_bytes" bigint NOT NULL,
	"content_type" text NOT NULL,
	"file_name" text NOT NULL,
	"issue_date" date,
	"valid_until" date,
	"uploaded_by_user_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "evidence_versions_sha_check" CHECK ("evidence_versions"."sha256" ~ '^[0-9a-f]{64}$'),
	CONSTRAINT "evidence_versions_size_check" CHECK ("evidence_versions"."size_bytes" > 0),
	CONSTRAINT "evidence_versions_dates_check" CHECK ("evidence_versions"."valid_until" is null or "evidence_versions"."issue_date" is null or "evidence_versions"."valid_until" >= "evidence_versions"."issue_date")
);
--> statement-breakpoint
CREATE TABLE "agreement_comments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"agreement_id" uuid NOT NULL,
	"author_user_id" uuid,
	"author_side" "signature_side" NOT NULL,
	"body" text NOT NULL,
	"requests_changes" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "agreement_reminders" (
	"agreement_id" uuid NOT NULL,
	"days_ahead" smallint NOT NULL,
	"sent_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "agreement_signatures" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"agreement_id" uuid NOT NULL,
	"side" "signature_side" NOT NULL,
	"user_id" uuid,
	"full_name" text NOT NULL,
	"job_title" text NOT NULL,
	"consent_text" text NOT NULL,
	"document_hash" text NOT NULL,
	"ip_address" text,
	"user_agent" text,
	"signed_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "agreement_template_versions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"template_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"status" "template_version_status" DEFAULT 'draft' NOT NULL,
	"content" jsonb NOT NULL,
	"lock_version" integer DEFAULT 1 NOT NULL,
	"created_by_user_id" uuid,
	"published_at" timestamp with time zone,
	"published_by_user_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "agreement_templates" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"owner_org_id" uuid,
	"library_slug" text,
	"copied_from_template_id" uuid,
	"archived_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "agreement_templates_library_check" CHECK (("agreement_templates"."owner_org_id" is null) = ("agreement_templates"."library_slug" is not null))
);
--> statement-breakpoint
CREATE TABLE "agreements" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"partnership_id" uuid NOT NULL,
	"template_version_id" uuid,
	"language" "locale" NOT NULL,
	"status" "agreement_status" DEFAULT 'draft' NOT NULL,
	"title" text NOT NULL,
	"merge_data" jsonb NOT NULL,
	"rendered_text" text,
	"document_hash" text,
	"effective_date" date,
	"end_date" date,
	"breach_notification_hours" smallint,
	"subprocessor_notice_days" smallint DEFAULT 30 NOT NULL,
	"supersedes_agreement_id" uuid,
	"pdf_sha256" text,
	"pdf_size_bytes" integer,
	"sent_at" timestamp with time zone,
	"sent_by_user_id" uuid,
	"in_force_at" timestamp with time zone,
	"ended_at" timestamp with time zone,
	"lock_version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "agreements_hash_check" CHECK ("agreements"."document_hash" is null or "agreements"."document_hash" ~ '^[0-9a-f]{64}$'),
	CONSTRAINT "agreements_dates_check" CHECK ("agreements"."end_date" is null or "agreements"."effective_date" is null or "agreements"."end_date" >= "agreements"."effective_date")
);
--> statement-breakpoint
CREATE TABLE "subprocessor_events" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"subprocessor_id" uuid NOT NULL,
	"event" text NOT NULL,
	"actor_user_id" uuid,
	"comment" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "subprocessors" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"partnership_id" uuid NOT NULL,
	"name" text NOT NULL,
	"service" text NOT NULL,
	"country" text NOT NULL,
	"data_accessed" text NOT NULL,
	"transfer_mechanism" text,
	"status" "subprocessor_status" DEFAULT 'proposed' NOT NULL,
	"objection_deadline" date,
	"proposed_by_user_id" uuid,
	"proposed_at" timestamp with time zone DEFAULT now() NOT NULL,
	"decided_by_user_id" uuid,
	"decided_at" timestamp with time zone,
	"decision_comment" text,
	"lock_version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "subprocessors_country_check" CHECK ("subprocessors"."country" ~ '^[A-Z]{2}$')
);
--> statement-breakpoint
CREATE TABLE "training_attestations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"partnership_id" uuid NOT NULL,
	"requirement_id" uuid NOT NULL,
	"period_start" date NOT NULL,
	"period_end" date NOT NULL,
	"agents_in_scope" integer NOT NULL,
	"agents_trained" integer NOT NULL,
	"first_completion_date" date,
	"last_completion_date" date,
	"training_provider" text NOT NULL,
	"pass_mark_percent" smallint,
	"attesting_officer_name" text NOT NULL,
	"attesting_officer_role" text NOT NULL,
	"coverage_percent" numeric(4, 1) NOT NULL,
	"has_roster" boolean DEFAULT false NOT NULL,
	"attested_by_user_id" uuid,
	"attested_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "training_attestations_counts_check" CHECK ("training_attestations"."agents_in_scope" >= 0 and "training_attestations"."agents_trained" >= 0 and "training_attestations"."agents_trained" <= "training_attestations"."agents_in_scope"),
	CONSTRAINT "training_attestations_period_check" CHECK ("training_attestations"."period_end" >= "training_attestations"."period_start")
);
--> statement-breakpoint
CREATE TABLE "training_requirements" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"client_org_id" uuid NOT NULL,
	"topic" text NOT NULL,
	"title" text NOT NULL,
	"description" text,
	"frequency_months" smallint NOT NULL,
	"minimum_coverage_percent" smallint NOT NULL,
	"applies_to_roles" jsonb NOT NULL,
	"applies_to_partnership_ids" jsonb,
	"names_required" boolean DEFAULT false NOT NULL,
	"archived_at" timestamp with time zone,
	"lock_version" integer DEFAULT 1 NOT NULL,
	"created_by_user_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "training_requirements_frequency_check" CHECK ("training_requirements"."frequency_months" between 1 and 60),
	CONSTRAINT "training_requirements_coverage_check" CHECK ("training_requirements"."minimum_coverage_percent" between 0 and 100)
);
--> statement-breakpoint
CREATE TABLE "training_roster_entries" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"attestation_id" uuid NOT NULL,
	"agent_ref" text NOT NULL,
	"agent_name" text,
	"role" text NOT NULL,
	"course" text NOT NULL,
	"course_version" text,
	"completion_date" date,
	"score_percent" smallint
);
--> statement-breakpoint
ALTER TABLE "evidence_expiry_reminders" ADD CONSTRAINT "evidence_expiry_reminders_evidence_version_id_evidence_versions_id_fk" FOREIGN KEY ("evidence_version_id") REFERENCES "public"."evidence_versions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evidence_items" ADD CONSTRAINT "evidence_items_vendor_org_id_organizations_id_fk" FOREIGN KEY ("vendor_org_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evidence_items" ADD CONSTRAINT "evidence_items_created_by_user_id_users_id_fk" FOREIGN KEY ("created_by_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evidence_links" ADD CONSTRAINT "evidence_links_evidence_id_evidence_items_id_fk" FOREIGN KEY ("evidence_id") REFERENCES "public"."evidence_items"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evidence_links" ADD CONSTRAINT "evidence_links_partnership_id_partnerships_id_fk" FOREIGN KEY ("partnership_id") REFERENCES "public"."partnerships"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evidence_links" ADD CONSTRAINT "evidence_links_created_by_user_id_users_id_fk" FOREIGN KEY ("created_by_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evidence_versions" ADD CONSTRAINT "evidence_versions_evidence_id_evidence_items_id_fk" FOREIGN KEY ("evidence_id") REFERENCES "public"."evidence_items"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evidence_versions" ADD CONSTRAINT "evidence_versions_uploaded_by_user_id_users_id_fk" FOREIGN KEY ("uploaded_by_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agreement_comments" ADD CONSTRAINT "agreement_comments_agreement_id_agreements_id_fk" FOREIGN KEY ("agreement_id") REFERENCES "public"."agreements"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agreement_comments" ADD CONSTRAINT "agreement_comments_author_user_id_users_id_fk" FOREIGN KEY ("author_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agreement_reminders" ADD CONSTRAINT "agreement_reminders_agreement_id_agreements_id_fk" FOREIGN KEY ("agreement_id") REFERENCES "public"."agreements"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agreement_signatures" ADD CONSTRAINT "agreement_signatures_agreement_id_agreements_id_fk" FOREIGN KEY ("agreement_id") REFERENCES "public"."agreements"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agreement_signatures" ADD CONSTRAINT "agreement_signatures_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agreement_template_versions" ADD CONSTRAINT "agreement_template_versions_template_id_agreement_templates_id_fk" FOREIGN KEY ("template_id") REFERENCES "public"."agreement_templates"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agreement_template_versions" ADD CONSTRAINT "agreement_template_versions_created_by_user_id_users_id_fk" FOREIGN KEY ("created_by_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agreement_template_versions" ADD CONSTRAINT "agreement_template_versions_published_by_user_id_users_id_fk" FOREIGN KEY ("published_by_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agreement_templates" ADD CONSTRAINT "agreement_templates_owner_org_id_organizations_id_fk" FOREIGN KEY ("owner_org_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agreements" ADD CONSTRAINT "agreements_partnership_id_partnerships_id_fk" FOREIGN KEY ("partnership_id") REFERENCES "public"."partnerships"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agreements" ADD CONSTRAINT "agreements_template_version_id_agreement_template_versions_id_fk" FOREIGN KEY ("template_version_id") REFERENCES "public"."agreement_template_versions"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agreements" ADD CONSTRAINT "agreements_sent_by_user_id_users_id_fk" FOREIGN KEY ("sent_by_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "subprocessor_events" ADD CONSTRAINT "subprocessor_events_subprocessor_id_subprocessors_id_fk" FOREIGN KEY ("subprocessor_id") REFERENCES "public"."subprocessors"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "subprocessor_events" ADD CONSTRAINT "subprocessor_events_actor_user_id_users_id_fk" FOREIGN KEY ("actor_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "subprocessors" ADD CONSTRAINT "subprocessors_partnership_id_partnerships_id_fk" FOREIGN KEY ("partnership_id") REFERENCES "public"."partnerships"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "subprocessors" ADD CONSTRAINT "subprocessors_proposed_by_user_id_users_id_fk" FOREIGN KEY ("proposed_by_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "subprocessors" ADD CONSTRAINT "subprocessors_decided_by_user_id_users_id_fk" FOREIGN KEY ("decided_by_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_attestations" ADD CONSTRAINT "training_attestations_partnership_id_partnerships_id_fk" FOREIGN KEY ("partnership_id") REFERENCES "public"."partnerships"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_attestations" ADD CONSTRAINT "training_attestations_requirement_id_training_requirements_id_fk" FOREIGN KEY ("requirement_id") REFERENCES "public"."training_requirements"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_attestations" ADD CONSTRAINT "training_attestations_attested_by_user_id_users_id_fk" FOREIGN KEY ("attested_by_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_requirements" ADD CONSTRAINT "training_requirements_client_org_id_organizations_id_fk" FOREIGN KEY ("client_org_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_requirements" ADD CONSTRAINT "training_requirements_created_by_user_id_users_id_fk" FOREIGN KEY ("created_by_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_roster_entries" ADD CONSTRAINT "training_roster_entries_attestation_id_training_attestations_id_fk" FOREIGN KEY ("attestation_id") REFERENCES "public"."training_attestations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "evidence_expiry_reminders_idx" ON "evidence_expiry_reminders" USING btree ("evidence_version_id","days_ahead");--> statement-breakpoint
CREATE INDEX "evidence_items_vendor_idx" ON "evidence_items" USING btree ("vendor_org_id","archived_at");--> statement-breakpoint
CREATE UNIQUE INDEX "evidence_links_target_idx" ON "evidence_links" USING btree ("target_type","target_id","evidence_id");--> statement-breakpoint
CREATE INDEX "evidence_links_evidence_idx" ON "evidence_links" USING btree ("evidence_id","partnership_id");--> statement-breakpoint
CREATE INDEX "evidence_links_partnership_idx" ON "evidence_links" USING btree ("partnership_id");--> statement-breakpoint
CREATE UNIQUE INDEX "evidence_versions_number_idx" ON "evidence_versions" USING btree ("evidence_id","version");--> statement-breakpoint
CREATE INDEX "evidence_versions_sha_idx" ON "evidence_versions" USING btree ("sha256");--> statement-breakpoint
CREATE INDEX "evidence_versions_valid_until_idx" ON "evidence_versions" USING btree ("valid_until");--> statement-breakpoint
CREATE INDEX "agreement_comments_agreement_idx" ON "agreement_comments" USING btree ("agreement_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "agreement_reminders_idx" ON "agreement_reminders" USING btree ("agreement_id","days_ahead");--> statement-breakpoint
CREATE UNIQUE INDEX "agreement_signatures_side_idx" ON "agreement_signatures" USING btree ("agreement_id","side");--> statement-breakpoint
CREATE UNIQUE INDEX "agreement_template_versions_number_idx" ON "agreement_template_versions" USING btree ("template_id","version");--> statement-breakpoint
CREATE UNIQUE INDEX "agreement_template_versions_one_draft_idx" ON "agreement_template_versions" USING btree ("template_id") WHERE "agreement_template_versions"."status" = 'draft';--> statement-breakpoint
CREATE INDEX "agreement_templates_owner_idx" ON "agreement_templates" USING btree ("owner_org_id");--> statement-breakpoint
CREATE UNIQUE INDEX "agreement_templates_library_idx" ON "agreement_templates" USING btree ("library_slug") WHERE "agreement_templates"."owner_org_id" is null;--> statement-breakpoint
CREATE INDEX "agreements_partnership_idx" ON "agreements" USING btree ("partnership_id","status");--> statement-breakpoint
CREATE UNIQUE INDEX "agreements_hash_idx" ON "agreements" USING btree ("document_hash");--> statement-breakpoint
CREATE UNIQUE INDEX "agreements_pdf_hash_idx" ON "agreements" USING btree ("pdf_sha256");--> statement-breakpoint
CREATE INDEX "subprocessor_events_subprocessor_idx" ON "subprocessor_events" USING btree ("subprocessor_id","created_at");--> statement-breakpoint
CREATE INDEX "subprocessors_partnership_idx" ON "subprocessors" USING btree ("partnership_id","status");--> statement-breakpoint
CREATE INDEX "training_attestations_partnership_idx" ON "training_attestations" USING btree ("partnership_id","requirement_id","attested_at");--> statement-breakpoint
CREATE INDEX "training_requirements_client_idx" ON "training_requirements" USING btree ("client_org_id");--> statement-breakpoint
CREATE INDEX "training_roster_entries_attestation_idx" ON "training_roster_entries" USING btree ("attestation_id");--> statement-breakpoint
CREATE UNIQUE INDEX "training_roster_entries_agent_idx" ON "training_roster_entries" USING btree ("attestation_id","agent_ref","course");