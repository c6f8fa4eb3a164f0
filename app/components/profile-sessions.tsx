import { Form } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { formatDateTime } from "~/utils/dates";
import { Button } from "./ui/button";
import { Badge, Card, Notice } from "./ui/layout";
import { DataTable } from "~/components/ui/table";

export interface ProfileSession {
  handle: string;
  createdAt: string;
  lastSeenAt: string;
  ipAddress: string | null;
  browser: string | null;
  isCurrent: boolean;
}

/** The user's live sessions, each with a way to end it, and a way to end them all. */
export function ProfileSessions({ sessions, revoked }: { sessions: ProfileSession[]; revoked: boolean }) {
  const { t, i18n } = useTranslation(["account", "common"]);
  const locale = i18n.language;
  return (
    <Card title={t("account:sessions.title")}>
      <p className="mb-4 text-sm text-slate-600">{t("account:sessions.intro")}</p>
      {revoked ? (
        <div className="mb-4">
          <Notice>{t("account:sessions.revoked")}</Notice>
        </div>
      ) : null}
      <DataTable framed={false}
        caption={t("account:sessions.title")}
        columns={[
          t("account:sessions.browser"),
          t("account:sessions.ip"),
          t("account:sessions.started"),
          t("account:sessions.lastActive"),
          <span className="sr-only">{t("account:sessions.actions")}</span>,
        ]}
      >
            {sessions.map((s) => (
              <tr key={s.handle} aria-current={s.isCurrent ? "true" : undefined}>
                <td className="py-2 pr-3">
                  {s.browser ?? t("account:sessions.unknownBrowser")}
                  {s.isCurrent ? (
                    <span className="ml-2">
                      <Badge tone="green">{t("account:sessions.thisSession")}</Badge>
                    </span>
                  ) : null}
                </td>
                <td className="py-2 pr-3 font-mono text-xs">{s.ipAddress ?? "–"}</td>
                <td className="whitespace-nowrap py-2 pr-3">
                  <time dateTime={s.createdAt}>{formatDateTime(s.createdAt, locale)}</time>
                </td>
                <td className="whitespace-nowrap py-2 pr-3">
                  <time dateTime={s.lastSeenAt}>{formatDateTime(s.lastSeenAt, locale)}</time>
                </td>
                <td className="py-2 text-right">
                  {s.isCurrent ? null : (
                    <Form method="post">
                      <input type="hidden" name="intent" value="revoke" />
                      <input type="hidden" name="session" value={s.handle} />
                      <Button variant="secondary" className="px-3 py-1">
                        {t("account:sessions.revoke")}
                        <span className="sr-only">: {s.browser ?? t("account:sessions.unknownBrowser")}</span>
                      </Button>
                    </Form>
                  )}
                </td>
              </tr>
            ))}
      </DataTable>
      <Form method="post" className="mt-6 flex flex-wrap items-center gap-4 border-t border-slate-200 pt-4">
        <input type="hidden" name="intent" value="signOutEverywhere" />
        <Button variant="danger">{t("account:sessions.signOutEverywhere")}</Button>
        <p className="text-sm text-slate-600">{t("account:sessions.signOutEverywhereHint")}</p>
      </Form>
    </Card>
  );
}
