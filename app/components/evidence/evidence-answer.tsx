import { Link, useRevalidator } from "@remix-run/react";
import { createContext, useContext, useState } from "react";
import { useTranslation } from "react-i18next";
import { Button } from "~/components/ui/button";
import { controlClass } from "~/components/ui/field";
import type { EvidenceFileView } from "~/domain/evidence/view-models";
import type { EvidenceQuestion } from "~/domain/questionnaires/model";
import { ExpiryBadge } from "./expiry-badge";
import { EvidenceDateFields, EvidenceIdentityFields } from "./metadata-fields";
import { EvidenceUploadForm } from "./upload-form";

/** What evidence questions on a request screen need from the page: the files and, for the vendor, the choices. */
export interface EvidenceScreen {
  side: "client" | "vendor";
  base: string;
  today: string;
  files: Record<string, EvidenceFileView>;
  choices?: EvidenceFileView[];
  canUpload?: boolean;
  uploadLimitBytes?: number;
}

export const EvidenceScreenContext = createContext<EvidenceScreen | null>(null);

interface EvidenceValue {
  files: { fileId: string; validUntil?: string }[];
}
const filesOf = (value: unknown) => ((value as EvidenceValue | null)?.files ?? []).filter((f) => typeof f?.fileId === "string");

/** The files an evidence answer names, each with its validity and a link to the document. */
export function EvidenceAnswerValue({ value }: { value: unknown }) {
  const screen = useContext(EvidenceScreenContext);
  const { t } = useTranslation(["requests", "evidence"]);
  const files = filesOf(value);
  if (files.length === 0) return <span className="text-slate-500">{t("requests:answer.noFiles")}</span>;
  return (
    <ul className="space-y-1">
      {files.map((file) => {
        // A file just uploaded here is among the choices before the answer's files are reloaded.
        const meta = screen?.files[file.fileId] ?? screen?.choices?.find((c) => c.versionId === file.fileId);
        return (
          <li key={file.fileId} className="flex flex-wrap items-center gap-2 text-sm">
            {meta && screen ? (
              <Link className="text-brand-700 underline" to={`${screen.base}/evidence/${meta.evidenceId}`}>
                {meta.title}
              </Link>
            ) : (
              <span>{t("requests:answer.fileUnavailable")}</span>
            )}
            {meta ? <span className="text-slate-500">{t("requests:answer.fileVersion", { name: meta.fileName, version: meta.version })}</span> : null}
            {screen ? <ExpiryBadge validUntil={meta?.validUntil ?? file.validUntil ?? null} today={screen.today} /> : null}
          </li>
        );
      })}
    </ul>
  );
}

/**
 * The vendor's input for an evidence question: the files attached so far (removable), a choice
 * of the vendor's documents to attach, and an upload of a new one that is attached at once.
 */
export function EvidenceAnswerInput({
  id,
  question,
  value,
  disabled,
  onChange,
}: {
  id: string;
  question: EvidenceQuestion;
  value: unknown;
  disabled?: boolean;
  onChange: (value: unknown, immediate: boolean) => void;
}) {
  const screen = useContext(EvidenceScreenContext);
  const revalidator = useRevalidator();
  const { t } = useTranslation(["requests", "evidence"]);
  const [choice, setChoice] = useState("");
  const [uploading, setUploading] = useState(false);
  const files = filesOf(value);
  const chosen = new Set(files.map((f) => f.fileId));
  const choices = (screen?.choices ?? []).filter((c) => !chosen.has(c.versionId));
  const full = files.length >= question.maxFiles;
  const set = (next: EvidenceValue["files"]) => onChange(next.length ? { files: next } : null, true);

  return (
    <div className="space-y-3">
      <EvidenceAnswerValue value={value} />
      {files.length > 0 && !disabled ? (
        <ul className="flex flex-wrap gap-2">
          {files.map((file) => (
            <li key={file.fileId}>
              <Button type="button" variant="ghost" className="px-2 py-1 text-xs" onClick={() => set(files.filter((f) => f.fileId !== file.fileId))}>
                {t("requests:answer.removeFile", { name: (screen?.files[file.fileId] ?? screen?.choices?.find((c) => c.versionId === file.fileId))?.title ?? "" })}
              </Button>
            </li>
          ))}
        </ul>
      ) : null}
      <p className="text-xs text-slate-500">{t("requests:answer.fileCount", { min: question.minFiles, max: question.maxFiles })}</p>
      {!disabled && !full ? (
        <div className="flex flex-wrap items-end gap-2">
          <label className="block flex-1 text-sm">
            <span className="text-slate-700">{t("evidence:picker.label")}</span>
            <select id={`${id}-choice`} className={controlClass} value={choice} onChange={(e) => setChoice(e.target.value)}>
              <option value="">{choices.length ? "—" : t("evidence:picker.none")}</option>
              {choices.map((c) => (
                <option key={c.versionId} value={c.versionId}>
                  {c.title} ({c.fileName})
                </option>
              ))}
            </select>
          </label>
          <Button
            type="button"
            variant="secondary"
            disabled={!choice}
            onClick={() => {
              set([...files, { fileId: choice }]);
              setChoice("");
            }}
          >
            {t("evidence:picker.attach")}
          </Button>
        </div>
      ) : null}
      {!disabled && !full && screen?.canUpload ? (
        <details className="rounded border border-slate-200 p-3" open={uploading} onToggle={(e) => setUploading((e.target as HTMLDetailsElement).open)}>
          <summary className="cursor-pointer text-sm text-brand-700">{t("evidence:picker.uploadNew")}</summary>
          <div className="mt-3">
            <EvidenceUploadForm
              uploadUrl={`${screen.base}/evidence/upload`}
              limitBytes={screen.uploadLimitBytes ?? 0}
              submitLabel={t("evidence:upload.submit")}
              idPrefix={`${id}-upload`}
              onUploaded={(outcome) => {
                if (outcome.versionId) set([...files, { fileId: outcome.versionId }]);
                setUploading(false);
                revalidator.revalidate();
              }}
            >
              <EvidenceIdentityFields idPrefix={`${id}-upload`} />
              <EvidenceDateFields idPrefix={`${id}-upload`} />
            </EvidenceUploadForm>
          </div>
        </details>
      ) : null}
    </div>
  );
}
