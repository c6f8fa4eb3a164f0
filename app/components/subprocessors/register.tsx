import { useNavigation } from "@remix-run/react";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { Button } from "~/components/ui/button";
import { SelectField, TextAreaField, TextField } from "~/components/ui/field";
import { Badge, Card } from "~/components/ui/layout";
import { DataTable } from "~/components/ui/table";
import { countryCodes, countryName } from "~/domain/orgs/countries";
import {
  COMMENT_MAX,
  DATA_ACCESSED_MAX,
  MECHANISM_OTHER_MAX,
  NAME_MAX,
  SERVICE_MAX,
  transferMechanisms,
  type SubprocessorStatus,
  type TransferMechanism,
} from "~/domain/subprocessors/register";
import { formatCalendarDate, formatDateTime } from "~/utils/dates";

export interface RegisterEntry {
  id: string;
  name: string;
  service: string;
  country: string;
  dataAccessed: string;
  transfer: { mechanism: TransferMechanism; description: string | null } | null;
  status: SubprocessorStatus;
  objectionDeadline: string | null;
  daysLeft: number | null;
  proposedAt: string;
  proposedByName: string | null;
  decidedAt: string | null;
  decidedByName: string | null;
  decisionComment: string | null;
  lockVersion: number;
  history: { id: string; event: string; comment: string | null; actorName: string | null; createdAt: string }[];
}

export type FieldErrors = Record<string, string[] | null | undefined> | undefined;

/** Errors of a field as i18n keys: the schema's own keys are namespaced, the shared ones in common. */
export function useErrorsOf(fieldErrors: FieldErrors) {
  return (name: string) => fieldErrors?.[name]?.map((e) => (e.includes(":") ? e : `common:${e}`));
}

const statusTone: Record<SubprocessorStatus, "slate" | "red" | "amber" | "green" | "blue"> = {
  proposed: "amber",
  approved: "green",
  objected: "red",
  withdrawn: "slate",
  removed: "slate",
};

export function SubprocessorStatusBadge({ entry }: { entry: Pick<RegisterEntry, "status" | "history"> }) {
  const { t } = useTranslation("subprocessors");
  const byLapse = entry.status === "approved" && entry.history.some((h) => h.event === "approved_by_lapse");
  return <Badge tone={statusTone[entry.status]}>{t(byLapse ? "status.approvedByLapse" : `status.${entry.status}`)}</Badge>;
}

/** "12 days left", "last day today", or "deadline passed", with the date. */
export function DeadlineText({ entry }: { entry: Pick<RegisterEntry, "objectionDeadline" | "daysLeft"> }) {
  const { t, i18n } = useTranslation("subprocessors");
  if (!entry.objectionDeadline || entry.daysLeft === null) return null;
  const date = formatCalendarDate(entry.objectionDeadline, i18n.language);
  const key = entry.daysLeft > 0 ? "deadline.left" : entry.daysLeft === 0 ? "deadline.today" : "deadline.passed";
  return (
    <span className={entry.daysLeft <= 3 ? "font-medium text-amber-800" : "text-slate-700"}>
      {t(key, { count: entry.daysLeft, date })}
    </span>
  );
}

export function TransferText({ entry }: { entry: Pick<RegisterEntry, "transfer"> }) {
  const { t } = useTranslation("subprocessors");
  if (!entry.transfer) return <span className="text-slate-500">{t("transfer.notNeeded")}</span>;
  return <>{entry.transfer.description ?? t(`transfer.mechanisms.${entry.transfer.mechanism}`)}</>;
}

/** The facts of one entry as a definition list. */
export function EntryFacts({ entry }: { entry: RegisterEntry }) {
  const { t, i18n } = useTranslation("subprocessors");
  return (
    <dl className="grid gap-x-4 gap-y-1 text-sm sm:grid-cols-[12rem_1fr]">
      <dt className="text-slate-600">{t("fields.service")}</dt>
      <dd>{entry.service}</dd>
      <dt className="text-slate-600">{t("fields.country")}</dt>
      <dd>{countryName(entry.country, i18n.language)}</dd>
      <dt className="text-slate-600">{t("fields.dataAccessed")}</dt>
      <dd className="whitespace-pre-line">{entry.dataAccessed}</dd>
      <dt className="text-slate-600">{t("fields.transferMechanism")}</dt>
      <dd>
        <TransferText entry={entry} />
      </dd>
      <dt className="text-slate-600">{t("register.proposed")}</dt>
      <dd>{t("register.proposedBy", { date: formatDateTime(entry.proposedAt, i18n.language), name: entry.proposedByName ?? t("history.someone") })}</dd>
    </dl>
  );
}

/** What happened to an entry, oldest first. */
export function EntryHistory({ entry }: { entry: RegisterEntry }) {
  const { t, i18n } = useTranslation("subprocessors");
  return (
    <details className="mt-2 text-sm">
      <summary className="cursor-pointer text-brand-700 underline">{t("history.title", { count: entry.history.length })}</summary>
      <ol className="mt-2 space-y-1 border-l border-slate-200 pl-3">
        {entry.history.map((h) => (
          <li key={h.id}>
            <span className="text-slate-500">{formatDateTime(h.createdAt, i18n.language)}</span>{" "}
            {t(`history.events.${h.event}`, { defaultValue: h.event })}{" "}
            <span className="text-slate-600">· {h.actorName ?? (h.event === "approved_by_lapse" ? t("history.system") : t("history.someone"))}</span>
            {h.comment ? <p className="whitespace-pre-line text-slate-700">{h.event === "edited" ? t("history.changedFields", { fields: h.comment.split(", ").map((f) => t(`fields.${f}`, { defaultValue: f })).join(", ") }) : h.comment}</p> : null}
          </li>
        ))}
      </ol>
    </details>
  );
}

/** A pending proposal as a card: its facts, the deadline, its history and the side's actions. */
export function PendingEntry({ entry, children }: { entry: RegisterEntry; children?: ReactNode }) {
  const { t } = useTranslation("subprocessors");
  return (
    <Card
      title={
        <span className="flex flex-wrap items-center gap-2">
          {entry.name} <SubprocessorStatusBadge entry={entry} />
        </span>
      }
    >
      <p className="mb-3 text-sm">
        {t("deadline.label")}: <DeadlineText entry={entry} />
      </p>
      <EntryFacts entry={entry} />
      <EntryHistory entry={entry} />
      {children ? <div className="mt-4 border-t border-slate-100 pt-4">{children}</div> : null}
    </Card>
  );
}

/** The decided and closed entries as a table; `actions` renders what the side may do per row. */
export function RegisterTable({ entries, actions }: { entries: RegisterEntry[]; actions?: (entry: RegisterEntry) => ReactNode }) {
  const { t, i18n } = useTranslation("subprocessors");
  return (
    <DataTable
      framed={false}
      caption={t("register.title")}
      columns={[
        t("fields.name"),
        t("fields.country"),
        t("fields.dataAccessed"),
        t("fields.transferMechanism"),
        t("register.status"),
        actions ? <span className="sr-only">{t("register.actions")}</span> : null,
      ]}
    >
      {entries.map((entry) => (
        <tr key={entry.id}>
          <td className="px-3 py-2">
            <p className="font-medium text-slate-900">{entry.name}</p>
            <p className="text-slate-600">{entry.service}</p>
            <EntryHistory entry={entry} />
          </td>
          <td className="px-3 py-2">{countryName(entry.country, i18n.language)}</td>
          <td className="px-3 py-2 whitespace-pre-line">{entry.dataAccessed}</td>
          <td className="px-3 py-2">
            <TransferText entry={entry} />
          </td>
          <td className="px-3 py-2">
            <SubprocessorStatusBadge entry={entry} />
            {entry.decidedAt ? (
              <p className="mt-1 text-xs text-slate-500">
                {formatDateTime(entry.decidedAt, i18n.language)}
                {entry.decidedByName ? ` · ${entry.decidedByName}` : ""}
              </p>
            ) : null}
            {entry.decisionComment ? <p className="mt-1 text-xs whitespace-pre-line text-slate-700">{entry.decisionComment}</p> : null}
          </td>
          <td className="px-3 py-2 text-right">{actions ? actions(entry) : null}</td>
        </tr>
      ))}
    </DataTable>
  );
}

/**
 * The fields of a proposal (intent "propose", or "edit" with the entry's id and version). The
 * transfer mechanism is asked for every country and required outside the EEA; the server decides.
 */
export function EntryFields({
  idPrefix,
  entry,
  fieldErrors,
}: {
  idPrefix: string;
  entry?: RegisterEntry;
  fieldErrors: FieldErrors;
}) {
  const { t, i18n } = useTranslation(["subprocessors", "common"]);
  const errorsOf = useErrorsOf(fieldErrors);
  const countries = countryCodes
    .map((code) => ({ code, name: countryName(code, i18n.language) }))
    .sort((a, b) => a.name.localeCompare(b.name, i18n.language));
  return (
    <div className="grid gap-4 sm:grid-cols-2">
      <TextField id={`${idPrefix}-name`} name="name" label={t("subprocessors:fields.name")} required maxLength={NAME_MAX} defaultValue={entry?.name} errors={errorsOf("name")} />
      <TextField
        id={`${idPrefix}-service`}
        name="service"
        label={t("subprocessors:fields.service")}
        hint={t("subprocessors:fields.serviceHint")}
        required
        maxLength={SERVICE_MAX}
        defaultValue={entry?.service}
        errors={errorsOf("service")}
      />
      <SelectField id={`${idPrefix}-country`} name="country" label={t("subprocessors:fields.country")} required defaultValue={entry?.country ?? ""} errors={errorsOf("country")}>
        <option value="" disabled>
          {t("subprocessors:fields.countryPlaceholder")}
        </option>
        {countries.map((c) => (
          <option key={c.code} value={c.code}>
            {c.name}
          </option>
        ))}
      </SelectField>
      <TextAreaField
        id={`${idPrefix}-data`}
        name="dataAccessed"
        label={t("subprocessors:fields.dataAccessed")}
        hint={t("subprocessors:fields.dataAccessedHint")}
        required
        rows={2}
        maxLength={DATA_ACCESSED_MAX}
        defaultValue={entry?.dataAccessed}
        errors={errorsOf("dataAccessed")}
      />
      <SelectField
        id={`${idPrefix}-mechanism`}
        name="transferMechanism"
        label={t("subprocessors:fields.transferMechanism")}
        hint={t("subprocessors:fields.transferMechanismHint")}
        defaultValue={entry?.transfer?.mechanism ?? ""}
        errors={errorsOf("transferMechanism")}
      >
        <option value="">{t("subprocessors:transfer.notNeeded")}</option>
        {transferMechanisms.map((m) => (
          <option key={m} value={m}>
            {t(`subprocessors:transfer.mechanisms.${m}`)}
          </option>
        ))}
      </SelectField>
      <TextField
        id={`${idPrefix}-other`}
        name="transferOther"
        label={t("subprocessors:fields.transferOther")}
        hint={t("subprocessors:fields.transferOtherHint")}
        maxLength={MECHANISM_OTHER_MAX}
        defaultValue={entry?.transfer?.description ?? ""}
        errors={errorsOf("transferOther")}
      />
    </div>
  );
}

/** An optional (or, for an objection, required) comment with the buttons of one decision form. */
export function CommentField({ id, label, hint, fieldErrors, required }: { id: string; label: string; hint?: string; fieldErrors: FieldErrors; required?: boolean }) {
  const errorsOf = useErrorsOf(fieldErrors);
  return <TextAreaField id={id} name="comment" label={label} hint={hint} rows={2} maxLength={COMMENT_MAX} required={required} errors={errorsOf("comment")} />;
}

export function SubmitButton({ children, variant, name, value }: { children: ReactNode; variant?: "primary" | "secondary" | "danger"; name?: string; value?: string }) {
  const navigation = useNavigation();
  return (
    <Button variant={variant} name={name} value={value} disabled={navigation.state === "submitting"}>
      {children}
    </Button>
  );
}
