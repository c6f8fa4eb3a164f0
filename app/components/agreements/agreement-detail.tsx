import { Form } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { Button } from "~/components/ui/button";
import { TextAreaField, TextField } from "~/components/ui/field";
import { Card } from "~/components/ui/layout";
import { formatCalendarDate, formatDate, formatDateTime } from "~/utils/dates";

type Block = { kind: "title" | "heading" | "paragraph"; text: string };

/** The frozen text, shown as text (never as HTML), with its document hash. */
export function AgreementText({ blocks, documentHash }: { blocks: Block[]; documentHash: string | null }) {
  const { t } = useTranslation("agreements");
  return (
    <Card title={t("detail.text")}>
      {documentHash ? (
        <p className="mb-4 text-xs text-slate-600">
          {t("detail.documentHash")}: <code className="break-all font-mono text-slate-900" data-testid="document-hash">{documentHash}</code>
        </p>
      ) : null}
      <article className="max-w-3xl space-y-2 text-sm leading-relaxed text-slate-900">
        {blocks.map((block, i) =>
          block.kind === "title" ? (
            <h3 key={i} className="text-lg font-semibold">
              {block.text}
            </h3>
          ) : block.kind === "heading" ? (
            <h4 key={i} className="pt-3 font-semibold">
              {block.text}
            </h4>
          ) : (
            <p key={i} className="whitespace-pre-line">
              {block.text}
            </p>
          ),
        )}
      </article>
    </Card>
  );
}

export interface TermsView {
  effectiveDate: string | null;
  endDate: string | null;
  breachNotificationHours: number | null;
  subprocessorNoticeDays: number;
  sentAt: string | null;
  inForceAt: string | null;
  endedAt: string | null;
}

export function AgreementTerms({ terms }: { terms: TermsView }) {
  const { t, i18n } = useTranslation("agreements");
  const lang = i18n.language;
  const rows: [string, string][] = [
    [t("fields.effectiveDate"), formatCalendarDate(terms.effectiveDate, lang)],
    [t("fields.endDate"), terms.endDate ? formatCalendarDate(terms.endDate, lang) : t("detail.noEndDate")],
    [t("fields.breachNotificationHours"), terms.breachNotificationHours === null ? "-" : t("detail.hours", { count: terms.breachNotificationHours })],
    [t("fields.subprocessorNoticeDays"), t("detail.days", { count: terms.subprocessorNoticeDays })],
    [t("detail.sentAt"), formatDateTime(terms.sentAt, lang)],
    ...(terms.inForceAt ? [[t("detail.inForceAt"), formatDate(terms.inForceAt, lang)] as [string, string]] : []),
    ...(terms.endedAt ? [[t("detail.endedAt"), formatDate(terms.endedAt, lang)] as [string, string]] : []),
  ];
  return (
    <Card title={t("detail.terms")}>
      <dl className="divide-y divide-slate-100">
        {rows.map(([label, value]) => (
          <div key={label} className="py-1.5 sm:grid sm:grid-cols-2 sm:gap-4">
            <dt className="text-sm font-medium text-slate-600">{label}</dt>
            <dd className="text-sm text-slate-900">{value}</dd>
          </div>
        ))}
      </dl>
    </Card>
  );
}

export interface SignatureView {
  side: "vendor" | "client";
  fullName: string;
  jobTitle: string;
  signedAt: string;
}

export function AgreementSignatures({ signatures }: { signatures: SignatureView[] }) {
  const { t, i18n } = useTranslation("agreements");
  return (
    <Card title={t("detail.signatures")}>
      {signatures.length === 0 ? (
        <p className="text-sm text-slate-600">{t("detail.noSignatures")}</p>
      ) : (
        <ul className="space-y-2 text-sm">
          {signatures.map((s) => (
            <li key={s.side}>
              <span className="font-medium">{t(`detail.side.${s.side}`)}</span>
              <br />
              {t("detail.signatureLine", { name: s.fullName, jobTitle: s.jobTitle, date: formatDateTime(s.signedAt, i18n.language) })}
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}

export interface CommentView {
  id: string;
  body: string;
  authorSide: "vendor" | "client";
  authorName: string | null;
  requestsChanges: boolean;
  createdAt: string;
}

/** Comments in order, and the form to add one (with "ask for changes" for the vendor). */
export function AgreementComments({
  comments,
  canComment,
  canRequestChanges,
  errorsOf,
  busy,
}: {
  comments: CommentView[];
  canComment: boolean;
  canRequestChanges: boolean;
  errorsOf: (name: string) => string[] | undefined;
  busy: boolean;
}) {
  const { t, i18n } = useTranslation("agreements");
  return (
    <Card title={t("detail.comments")}>
      {comments.length === 0 ? <p className="text-sm text-slate-600">{t("detail.noComments")}</p> : null}
      <ul className="space-y-3">
        {comments.map((c) => (
          <li key={c.id} className="rounded-md border border-slate-200 p-3 text-sm">
            <p className="text-xs text-slate-600">
              {c.authorName ?? t(`detail.side.${c.authorSide}`)} · {formatDateTime(c.createdAt, i18n.language)}
              {c.requestsChanges ? <span className="ml-2 font-medium text-amber-800">{t("detail.changesRequested")}</span> : null}
            </p>
            <p className="mt-1 whitespace-pre-line">{c.body}</p>
          </li>
        ))}
      </ul>
      {canComment ? (
        <Form method="post" className="mt-4 space-y-3">
          <input type="hidden" name="intent" value="comment" />
          <TextAreaField id="comment-body" name="body" rows={3} maxLength={4000} label={t("fields.body")} errors={errorsOf("body")} required />
          {canRequestChanges ? (
            <label className="inline-flex items-center gap-2 text-sm">
              <input type="checkbox" name="requestsChanges" />
              {t("fields.requestsChanges")}
            </label>
          ) : null}
          <div>
            <Button variant="secondary" name="intent" value="comment" disabled={busy}>
              {t("detail.commentSubmit")}
            </Button>
          </div>
        </Form>
      ) : null}
    </Card>
  );
}

/** Full name, function, the consent sentence with the hash as displayed, and the hash itself. */
export function SignForm({
  intent,
  title,
  submitLabel,
  documentHash,
  consent,
  errorsOf,
  busy,
}: {
  intent: "sign" | "countersign";
  title: string;
  submitLabel: string;
  documentHash: string;
  consent: string;
  errorsOf: (name: string) => string[] | undefined;
  busy: boolean;
}) {
  const { t } = useTranslation("agreements");
  const consentErrors = errorsOf("consent");
  return (
    <Card title={title}>
      <p className="mb-3 text-sm text-slate-600">{t("detail.sign.intro")}</p>
      <Form method="post" className="space-y-4">
        <input type="hidden" name="documentHash" value={documentHash} />
        <TextField id="fullName" name="fullName" label={t("fields.fullName")} autoComplete="name" maxLength={200} errors={errorsOf("fullName")} required />
        <TextField id="jobTitle" name="jobTitle" label={t("fields.jobTitle")} autoComplete="organization-title" maxLength={200} errors={errorsOf("jobTitle")} required />
        <div>
          <label className="flex items-start gap-2 text-sm">
            <input type="checkbox" name="consent" className="mt-1" required aria-describedby={consentErrors?.length ? "consent-error" : undefined} />
            <span className="[overflow-wrap:anywhere]">{consent}</span>
          </label>
          {consentErrors?.length ? (
            <ul id="consent-error" role="alert" className="text-sm text-red-700">
              {consentErrors.map((e) => (
                <li key={e}>{t(e)}</li>
              ))}
            </ul>
          ) : null}
        </div>
        <Button name="intent" value={intent} disabled={busy}>
          {submitLabel}
        </Button>
      </Form>
    </Card>
  );
}
