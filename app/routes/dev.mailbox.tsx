import type { LoaderFunctionArgs } from "@remix-run/node";
import { NavLink, Outlet, useLoaderData, useParams } from "@remix-run/react";
import { desc } from "drizzle-orm";
import { useTranslation } from "react-i18next";
import { db } from "#db/client.server";
import { outboxEmails } from "#db/schema/index";
import { Badge, EmptyState, PageHeader } from "~/components/ui/layout";
import { isDevMailboxEnabled } from "~/domain/notifications/deliver-email.server";
import { formatDateTime } from "~/utils/dates";
import { notFound } from "~/utils/http.server";
import { DataTable } from "~/components/ui/table";

const LATEST = 100;

/**
 * The development mailbox: every e-mail the portal put in its outbox, readable without signing
 * in (an invited vendor contact has no account yet). It exists only while no SMTP server is
 * configured; with SMTP_URL set it is 404, so production never exposes anyone's mail.
 */
export async function loader(_: LoaderFunctionArgs) {
  if (!isDevMailboxEnabled()) notFound();
  // Deliberately not scoped: this is the whole outbox of a development instance.
  const emails = await db()
    .select({
      id: outboxEmails.id,
      to: outboxEmails.toAddress,
      subject: outboxEmails.subject,
      template: outboxEmails.template,
      status: outboxEmails.status,
      createdAt: outboxEmails.createdAt,
    })
    .from(outboxEmails)
    .orderBy(desc(outboxEmails.createdAt), desc(outboxEmails.id))
    .limit(LATEST);
  return { emails: emails.map((e) => ({ ...e, createdAt: e.createdAt.toISOString() })) };
}

const statusTone = { pending: "amber", sent: "green", failed: "red" } as const;

export default function DevMailbox() {
  const { t, i18n } = useTranslation(["account", "common"]);
  const { emails } = useLoaderData<typeof loader>();
  const { id } = useParams();
  return (
    <main id="main" className="mx-auto max-w-7xl space-y-6 px-4 py-8">
      <div role="note" className="rounded-md border-2 border-amber-400 bg-amber-50 p-4 text-sm text-amber-950">
        <p className="font-semibold">{t("account:mailbox.bannerTitle")}</p>
        <p className="mt-1">{t("account:mailbox.banner")}</p>
      </div>
      <PageHeader title={t("account:mailbox.title")} description={t("account:mailbox.intro", { count: LATEST })} />
      <div className={id ? "grid gap-6 xl:grid-cols-[minmax(0,2fr)_minmax(0,3fr)]" : ""}>
        {emails.length === 0 ? (
          <EmptyState title={t("account:mailbox.empty")} />
        ) : (
          <DataTable
            caption={t("account:mailbox.title")}
            columns={[
              t("account:mailbox.columns.time"),
              t("account:mailbox.columns.to"),
              t("account:mailbox.columns.subject"),
              t("account:mailbox.columns.template"),
              t("account:mailbox.columns.status"),
            ]}
          >
                {emails.map((e) => (
                  <tr key={e.id} className={e.id === id ? "bg-brand-50" : undefined}>
                    <td className="whitespace-nowrap px-3 py-2 text-slate-600">
                      <time dateTime={e.createdAt}>{formatDateTime(e.createdAt, i18n.language)}</time>
                    </td>
                    <td className="px-3 py-2">{e.to}</td>
                    <td className="px-3 py-2">
                      <NavLink to={`/dev/mailbox/${e.id}`} className="text-brand-700 underline">
                        {e.subject}
                      </NavLink>
                    </td>
                    <td className="px-3 py-2 font-mono text-xs">{e.template}</td>
                    <td className="px-3 py-2">
                      <Badge tone={statusTone[e.status]}>{t(`account:mailbox.status.${e.status}`)}</Badge>
                    </td>
                  </tr>
                ))}
          </DataTable>
        )}
        <Outlet />
      </div>
    </main>
  );
}
