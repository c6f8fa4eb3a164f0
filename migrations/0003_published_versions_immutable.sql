-- A published template version is what requests were frozen to: its content never changes.
CREATE OR REPLACE FUNCTION template_versions_freeze_published() RETURNS trigger AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    IF OLD.status = 'published' THEN
      RAISE EXCEPTION 'published template version % cannot be deleted', OLD.id USING ERRCODE = 'insufficient_privilege';
    END IF;
    RETURN OLD;
  END IF;
  IF OLD.status = 'published' AND (NEW.content IS DISTINCT FROM OLD.content OR NEW.status <> 'published' OR NEW.version <> OLD.version) THEN
    RAISE EXCEPTION 'published template version % is immutable', OLD.id USING ERRCODE = 'insufficient_privilege';
  END IF;
  RETURN NEW;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER template_versions_immutable
  BEFORE UPDATE OR DELETE ON questionnaire_template_versions
  FOR EACH ROW EXECUTE FUNCTION template_versions_freeze_published();
