import { useFetcher } from "@remix-run/react";
import { useCallback, useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import type { Question } from "~/domain/questionnaires/model";
import { AnswerInput } from "./questionnaire-answer-input";
import { AnswerValue } from "./questionnaire-answer-value";
import { Button } from "./ui/button";
import { Badge } from "./ui/layout";

export interface StoredAnswerView {
  value: unknown;
  version: number;
  isPrefill: boolean;
  reviewState: string;
  reviewComment: string | null;
  isEditable: boolean;
}

type FetcherData =
  | { ok: true; questionKey: string; version: number }
  | { ok: false; conflict: { value: unknown; version: number; isConfirmed: boolean } }
  | { ok: false; formError: { key: string; params?: Record<string, string | number> } }
  | undefined;

type SaveState = "idle" | "dirty" | "saving" | "saved" | "conflict" | "error";

const DEBOUNCE_MS = 800;
const backupKey = (requestId: string, questionKey: string) => `answer:${requestId}:${questionKey}`;

/**
 * One question with autosave: a fetcher per question posts intent "save" with the version it
 * started from (debounced while typing, at once for choices). A conflict shows both values and
 * lets the person choose; unsaved work is kept in localStorage until the server has it, so a
 * reload, a closed tab or a dropped connection loses nothing.
 */
export function QuestionForm({
  requestId,
  question,
  stored,
  canEdit,
  onValueChange,
}: {
  requestId: string;
  question: Question;
  stored: StoredAnswerView | undefined;
  canEdit: boolean;
  onValueChange: (questionKey: string, value: unknown) => void;
}) {
  const { t } = useTranslation(["requests", "questionnaires"]);
  const fetcher = useFetcher<FetcherData>({ key: `answer-${requestId}-${question.key}` });
  const [value, setValue] = useState<unknown>(stored?.value ?? null);
  const [version, setVersion] = useState(stored?.version ?? 0);
  const [isPrefill, setIsPrefill] = useState(stored?.isPrefill ?? false);
  const [state, setState] = useState<SaveState>("idle");
  const [theirs, setTheirs] = useState<{ value: unknown; version: number } | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout>>();
  const latest = useRef({ value, version });
  latest.current = { value, version };

  const save = useCallback(
    (next: unknown, baseVersion: number) => {
      clearTimeout(timer.current);
      setState("saving");
      fetcher.submit(
        { intent: "save", questionKey: question.key, version: String(baseVersion), value: JSON.stringify(next ?? null) },
        { method: "post" },
      );
    },
    [fetcher, question.key],
  );

  // Work that never reached the server (reload, closed tab, no network): offer it again.
  useEffect(() => {
    const raw = window.localStorage.getItem(backupKey(requestId, question.key));
    if (!raw || !canEdit) return;
    try {
      const backup = JSON.parse(raw) as { value: unknown; version: number };
      if (backup.version === (stored?.version ?? 0)) {
        setValue(backup.value);
        onValueChange(question.key, backup.value);
        save(backup.value, backup.version);
      } else {
        window.localStorage.removeItem(backupKey(requestId, question.key));
      }
    } catch {
      window.localStorage.removeItem(backupKey(requestId, question.key));
    }
    // Once, on mount.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  useEffect(() => {
    const data = fetcher.data;
    if (fetcher.state !== "idle" || !data) return;
    if (data.ok) {
      setVersion(data.version);
      setIsPrefill(false);
      setState("saved");
      window.localStorage.removeItem(backupKey(requestId, question.key));
    } else if ("conflict" in data) {
      setTheirs(data.conflict);
      setState("conflict");
    } else {
      setState("error");
    }
  }, [fetcher.state, fetcher.data, question.key, requestId]);

  // A failed connection leaves the work marked unsaved; try again when the browser is online.
  useEffect(() => {
    const retry = () => {
      if (state === "saving" || state === "dirty") save(latest.current.value, latest.current.version);
    };
    window.addEventListener("online", retry);
    return () => window.removeEventListener("online", retry);
  }, [save, state]);

  const change = (next: unknown, immediate: boolean) => {
    setValue(next);
    onValueChange(question.key, next);
    setState("dirty");
    window.localStorage.setItem(backupKey(requestId, question.key), JSON.stringify({ value: next, version }));
    clearTimeout(timer.current);
    if (immediate) save(next, version);
    else timer.current = setTimeout(() => save(latest.current.value, latest.current.version), DEBOUNCE_MS);
  };

  const keepTheirs = () => {
    if (!theirs) return;
    setValue(theirs.value);
    setVersion(theirs.version);
    onValueChange(question.key, theirs.value);
    setTheirs(null);
    setState("saved");
    window.localStorage.removeItem(backupKey(requestId, question.key));
  };
  const keepMine = () => {
    if (!theirs) return;
    const base = theirs.version;
    setVersion(base);
    setTheirs(null);
    save(value, base);
  };
  const confirm = () => {
    setState("saving");
    fetcher.submit({ intent: "confirm", questionKey: question.key, version: String(version) }, { method: "post" });
  };

  const error = fetcher.data && !fetcher.data.ok && "formError" in fetcher.data ? fetcher.data.formError : null;

  return (
    <div className="space-y-2">
      {isPrefill ? (
        <div className="flex flex-wrap items-center gap-2 rounded border border-amber-300 bg-amber-50 p-2 text-sm">
          <Badge tone="amber">{t("requests:prefill.badge")}</Badge>
          <span>{t("requests:prefill.help")}</span>
          {canEdit ? (
            <Button type="button" variant="secondary" onClick={confirm}>
              {t("requests:prefill.confirm")}
            </Button>
          ) : null}
        </div>
      ) : null}
      {canEdit ? (
        <AnswerInput id={`q-${question.key}`} question={question} value={value} onChange={change} />
      ) : (
        <AnswerValue question={question} value={value} />
      )}
      <p className="min-h-5 text-xs" aria-live="polite">
        {state === "saving" || state === "dirty" ? <span className="text-slate-500">{t("requests:save.saving")}</span> : null}
        {state === "saved" ? <span className="text-green-700">{t("requests:save.saved")}</span> : null}
        {state === "error" && error ? <span className="text-red-700">{t(error.key, error.params)}</span> : null}
      </p>
      {state === "conflict" && theirs ? (
        <div role="alert" className="space-y-2 rounded border border-red-300 bg-red-50 p-2 text-sm">
          <p className="font-medium">{t("requests:save.conflict")}</p>
          <p>
            <span className="font-medium">{t("requests:save.theirs")}: </span>
            <AnswerValue question={question} value={theirs.value} />
          </p>
          <p>
            <span className="font-medium">{t("requests:save.yours")}: </span>
            <AnswerValue question={question} value={value} />
          </p>
          <div className="flex gap-2">
            <Button type="button" variant="secondary" onClick={keepTheirs}>
              {t("requests:save.keepTheirs")}
            </Button>
            <Button type="button" onClick={keepMine}>
              {t("requests:save.keepMine")}
            </Button>
          </div>
        </div>
      ) : null}
    </div>
  );
}
