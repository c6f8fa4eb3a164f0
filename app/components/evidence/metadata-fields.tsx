import { useTranslation } from "react-i18next";
import { SelectField, TextField } from "~/components/ui/field";
import { evidenceKinds } from "~/domain/evidence/evidence-form";

/** Title and kind of a new document. */
export function EvidenceIdentityFields({ defaults, idPrefix = "evidence" }: { defaults?: { title?: string; kind?: string }; idPrefix?: string }) {
  const { t } = useTranslation("evidence");
  return (
    <div className="grid gap-4 sm:grid-cols-2">
      <TextField id={`${idPrefix}-title`} name="title" label={t("fields.title")} required maxLength={200} defaultValue={defaults?.title} />
      <SelectField id={`${idPrefix}-kind`} name="kind" label={t("fields.kind")} defaultValue={defaults?.kind ?? "certificate"}>
        {evidenceKinds.map((kind) => (
          <option key={kind} value={kind}>
            {t(`kinds.${kind}`)}
          </option>
        ))}
      </SelectField>
    </div>
  );
}

/** Issue date and valid-until of one file (a renewed certificate has new dates). */
export function EvidenceDateFields({ idPrefix = "evidence" }: { idPrefix?: string }) {
  const { t } = useTranslation("evidence");
  return (
    <div className="grid gap-4 sm:grid-cols-2">
      <TextField id={`${idPrefix}-issue-date`} name="issueDate" type="date" label={t("fields.issueDate")} />
      <TextField id={`${idPrefix}-valid-until`} name="validUntil" type="date" label={t("fields.validUntil")} hint={t("fields.validUntilHint")} />
    </div>
  );
}
