import { useTranslation } from "react-i18next";
import { Card } from "~/components/ui/layout";
import { DataTable } from "~/components/ui/table";
import type { AttestationView } from "~/domain/training/view-models";
import { formatCalendarDate, formatDateTime } from "~/utils/dates";
import { CoverageValue } from "./training-status";

export type AttestationHistoryItem = AttestationView;

/**
 * Every attestation of one requirement on one partnership, newest first: the counts, who
 * vouched for them, a roster summary per role and course (never names) and linked evidence.
 */
export function AttestationHistory({ history, evidenceBase }: { history: AttestationHistoryItem[]; evidenceBase: string }) {
  const { t, i18n } = useTranslation(["training", "common"]);
  const lang = i18n.language;
  if (history.length === 0) {
    return (
      <Card title={t("training:history.title")}>
        <p className="text-sm text-slate-600">{t("training:history.empty")}</p>
      </Card>
    );
  }
  return (
    <section aria-labelledby="history-heading" className="space-y-2">
      <h2 id="history-heading" className="text-base font-semibold text-slate-900">
        {t("training:history.title")}
      </h2>
      <DataTable
        caption={t("training:history.caption")}
        columns={[
          t("training:fields.attestedAt"),
          t("training:fields.period"),
          t("training:fields.coverage"),
          t("training:fields.firstCompletionDate"),
          t("training:fields.trainingProvider"),
          t("training:fields.attestingOfficerName"),
          t("training:fields.roster"),
          t("training:fields.evidence"),
        ]}
      >
        {history.map((a) => (
          <tr key={a.id}>
            <td className="whitespace-nowrap px-3 py-2">
              {formatDateTime(a.attestedAt, lang)}
              {a.attestedByName ? <div className="text-xs text-slate-500">{t("training:history.by", { name: a.attestedByName })}</div> : null}
            </td>
            <td className="whitespace-nowrap px-3 py-2">
              {formatCalendarDate(a.periodStart, lang)} – {formatCalendarDate(a.periodEnd, lang)}
            </td>
            <td className="whitespace-nowrap px-3 py-2">
              <span className="font-medium">
                <CoverageValue value={a.coveragePercent} />
              </span>
              <div className="text-xs text-slate-500">
                {t("training:history.coverageOf", { trained: a.agentsTrained, scope: a.agentsInScope, coverage: a.coveragePercent })}
              </div>
            </td>
            <td className="whitespace-nowrap px-3 py-2">
              {a.firstCompletionDate ? `${formatCalendarDate(a.firstCompletionDate, lang)} – ${formatCalendarDate(a.lastCompletionDate, lang)}` : "—"}
            </td>
            <td className="px-3 py-2">
              {a.trainingProvider}
              {a.passMarkPercent !== null ? (
                <div className="text-xs text-slate-500">
                  {t("training:fields.passMarkPercent")}: {a.passMarkPercent}
                </div>
              ) : null}
            </td>
            <td className="px-3 py-2">{t("training:history.officer", { name: a.attestingOfficerName, role: a.attestingOfficerRole })}</td>
            <td className="px-3 py-2">
              {a.hasRoster ? (
                <>
                  <span className="text-xs font-medium">{t("training:history.withRoster")}</span>
                  <ul className="text-xs text-slate-600" aria-label={t("training:history.rosterCaption")}>
                    {a.roster.map((r, i) => (
                      <li key={i}>
                        {t("training:history.rosterLine", { role: t(`training:roles.${r.role}`), course: r.course, version: r.courseVersion ?? "", count: r.agents })}
                      </li>
                    ))}
                  </ul>
                </>
              ) : (
                <span className="text-xs text-slate-600">{t("training:history.typed")}</span>
              )}
            </td>
            <td className="px-3 py-2">
              {a.evidence.length ? (
                <ul>
                  {a.evidence.map((e) => (
                    <li key={e.id}>
                      <a href={`${evidenceBase}/${e.id}`} className="text-brand-700 underline">
                        {e.title}
                      </a>
                      {e.validUntil ? <span className="ml-1 text-xs text-slate-500">({t(`training:expiry.${e.expiry}`)})</span> : null}
                    </li>
                  ))}
                </ul>
              ) : (
                <span className="text-slate-400">{t("training:history.noEvidence")}</span>
              )}
            </td>
          </tr>
        ))}
      </DataTable>
    </section>
  );
}
