import { Form, useNavigate } from "@remix-run/react";
import { useRef, useState, type ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { Button } from "~/components/ui/button";
import { FieldErrors, controlClass } from "~/components/ui/field";
import { FormError } from "~/components/ui/layout";
import type { UploadOutcome } from "~/domain/evidence/view-models";
import { formatNumber } from "~/utils/dates";

type Progress = { loaded: number; total: number } | null;

/**
 * A file upload with the metadata fields given as children. Without JavaScript it is a plain
 * multipart form posted to the page's action. With JavaScript the same form data goes to
 * `uploadUrl` by XMLHttpRequest (fetch cannot report upload progress), with a progress bar and a
 * cancel button; the server answers in JSON and the browser moves on to the answer's `url`.
 */
export function EvidenceUploadForm({
  uploadUrl,
  limitBytes,
  submitLabel,
  children,
  actionErrors,
  fileLabel,
  onUploaded,
  intent,
  idPrefix = "evidence",
}: {
  uploadUrl: string;
  limitBytes: number;
  submitLabel: string;
  children?: ReactNode;
  actionErrors?: UploadOutcome | null;
  fileLabel?: string;
  /** Instead of following the answer's url (e.g. to stay on the page and revalidate). */
  onUploaded?: (outcome: UploadOutcome) => void;
  intent?: string;
  /** Keeps ids unique when a page has several upload forms. */
  idPrefix?: string;
}) {
  const { t, i18n } = useTranslation("evidence");
  const navigate = useNavigate();
  const xhrRef = useRef<XMLHttpRequest | null>(null);
  const [progress, setProgress] = useState<Progress>(null);
  const [outcome, setOutcome] = useState<UploadOutcome | null>(null);
  const shown = outcome ?? actionErrors ?? null;
  const limitMb = formatNumber(Math.round((limitBytes / 1024 / 1024) * 10) / 10, i18n.language);

  function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    const form = event.currentTarget;
    const file = (form.elements.namedItem("file") as HTMLInputElement | null)?.files?.[0];
    event.preventDefault();
    if (!file) return setOutcome({ ok: false, fieldErrors: { file: ["evidence:errors.noFile"] } });
    if (file.size === 0) return setOutcome({ ok: false, fieldErrors: { file: ["evidence:errors.emptyFile"] } });
    if (file.size > limitBytes) return setOutcome({ ok: false, formError: { key: "evidence:errors.tooLarge", params: { limit: limitMb } } });
    const data = new FormData(form);
    const xhr = new XMLHttpRequest();
    xhrRef.current = xhr;
    xhr.open("POST", uploadUrl);
    xhr.setRequestHeader("Accept", "application/json");
    xhr.upload.onprogress = (e) => setProgress({ loaded: e.loaded, total: e.lengthComputable ? e.total : file.size });
    xhr.onload = () => {
      xhrRef.current = null;
      setProgress(null);
      let answer: UploadOutcome;
      try {
        answer = JSON.parse(xhr.responseText) as UploadOutcome;
      } catch {
        answer = { ok: false, formError: { key: xhr.status === 413 ? "evidence:errors.tooLarge" : "evidence:errors.failed", params: { limit: limitMb } } };
      }
      if (answer.ok) {
        setOutcome(null);
        form.reset();
        if (onUploaded) onUploaded(answer);
        else if (answer.url) navigate(answer.url);
      } else setOutcome(answer);
    };
    xhr.onerror = () => {
      xhrRef.current = null;
      setProgress(null);
      setOutcome({ ok: false, formError: { key: "evidence:errors.network" } });
    };
    xhr.onabort = () => {
      xhrRef.current = null;
      setProgress(null);
      setOutcome({ ok: false, formError: { key: "evidence:errors.cancelled" } });
    };
    setOutcome(null);
    setProgress({ loaded: 0, total: file.size });
    xhr.send(data);
  }

  const percent = progress && progress.total > 0 ? Math.min(100, Math.round((progress.loaded / progress.total) * 100)) : 0;
  return (
    <Form method="post" encType="multipart/form-data" onSubmit={onSubmit} className="space-y-4" aria-busy={progress ? true : undefined}>
      {intent ? <input type="hidden" name="intent" value={intent} /> : null}
      <FormError message={shown?.formError ? t(shown.formError.key, { limit: limitMb, ...shown.formError.params }) : null} />
      {children ? <FieldsWithErrors id={`${idPrefix}-fields-error`} errors={shown?.fieldErrors}>{children}</FieldsWithErrors> : null}
      <div className="space-y-1">
        <label htmlFor={`${idPrefix}-file`} className="block text-sm font-medium text-slate-800">
          {fileLabel ?? t("upload.file")}
        </label>
        <input
          id={`${idPrefix}-file`}
          name="file"
          type="file"
          required
          className={controlClass}
          aria-describedby={`${idPrefix}-file-hint`}
          aria-invalid={shown?.fieldErrors?.file ? true : undefined}
          disabled={!!progress}
        />
        <p id={`${idPrefix}-file-hint`} className="text-xs text-slate-500">
          {t("upload.hint", { limit: limitMb })}
        </p>
        <FieldErrors id={`${idPrefix}-file-error`} errors={shown?.fieldErrors?.file} />
      </div>
      {progress ? (
        <div className="space-y-2" data-testid="upload-progress">
          <progress className="h-2 w-full" max={100} value={percent} aria-label={t("upload.progressLabel")} />
          <p className="text-sm text-slate-700" aria-live="polite">
            {t("upload.progress", { percent, loaded: formatMegabytes(progress.loaded, i18n.language), total: formatMegabytes(progress.total, i18n.language) })}
          </p>
          <Button type="button" variant="secondary" onClick={() => xhrRef.current?.abort()}>
            {t("upload.cancel")}
          </Button>
        </div>
      ) : (
        <Button type="submit">{submitLabel}</Button>
      )}
    </Form>
  );
}

function formatMegabytes(bytes: number, locale: string) {
  return formatNumber(Math.round((bytes / 1024 / 1024) * 10) / 10, locale);
}

/** Field errors from an XHR answer are shown under the form's fields in one list. */
function FieldsWithErrors({ id, errors, children }: { id: string; errors?: Record<string, string[]>; children: ReactNode }) {
  const messages = Object.entries(errors ?? {})
    .filter(([field]) => field !== "file")
    .flatMap(([, keys]) => keys);
  return (
    <>
      {children}
      <FieldErrors id={id} errors={messages} />
    </>
  );
}
