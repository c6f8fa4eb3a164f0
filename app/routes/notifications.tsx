import { parseWithZod } from "@conform-to/zod";
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useLoaderData, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { db } from "#db/client.server";
import { requireSession } from "~/auth/guards.server";
import { Button } from "~/components/ui/button";
import { EmptyState, PageHeader } from "~/components/ui/layout";
import { markAllNotificationsAsRead, markNotificationAsRead } from "~/domain/accounts/profile.server";
import { isDomainError } from "~/domain/errors";
import { findNotifications } from "~/domain/notifications/notify.server";
import { formatDateTime } from "~/utils/dates";
import { domainErrorResponse, notFound, readForm, safeRedirectPath } from "~/utils/http.server";

const schema = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("markRead"), id: z.string().uuid() }),
  z.object({ intent: z.literal("markAllRead") }),
]);

export async function loader({ request }: LoaderFunctionArgs) {
  const session = await requireSession(request);
  const rows = await findNotifications(db(), session.user.id, 100);
  return {
    notifications: rows.map((n) => ({
      id: n.id,
      messageKey: n.messageKey,
      params: n.params,
      // Only links within the portal are shown as links.
      link: n.link ? safeRedirectPath(n.link, "") || null : null,
      isRead: n.readAt !== null,
      createdAt: n.createdAt.toISOString(),
    })),
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const session = await requireSession(request);
  const submission = parseWithZod(await readForm(request), { schema });
  // Only forged posts fail here (the forms have nothing to fill in): an unusable id is not found.
  if (submission.status !== "success") notFound();
  try {
    if (submission.value.intent === "markRead") {
      await markNotificationAsRead(session.user.id, submission.value.id);
      return { ok: true as const, marked: 1 };
    }
    return { ok: true as const, marked: await markAllNotificationsAsRead(session.user.id) };
  } catch (error) {
    if (!isDomainError(error)) throw error;
    return domainErrorResponse(error);
  }
}

export default function Notifications() {
  const { t, i18n } = useTranslation(["account", "common"]);
  const { notifications } = useLoaderData<typeof loader>();
  const navigation = useNavigation();
  const busy = navigation.state === "submitting";
  const unread = notifications.filter((n) => !n.isRead).length;
  return (
    <main id="main" className="mx-auto max-w-3xl px-4 py-8">
      <PageHeader
        title={t("account:notifications.title")}
        description={t("account:notifications.unreadCount", { count: unread })}
        actions={
          unread > 0 ? (
            <Form method="post">
              <input type="hidden" name="intent" value="markAllRead" />
              <Button variant="secondary" disabled={busy}>
                {t("account:notifications.markAllRead")}
              </Button>
            </Form>
          ) : null
        }
      />
      {notifications.length === 0 ? (
        <EmptyState title={t("account:notifications.empty")} />
      ) : (
        <ul className="divide-y divide-slate-200 rounded-lg border border-slate-200 bg-white shadow-sm">
          {notifications.map((n) => (
            <li
              key={n.id}
              className={`flex flex-wrap items-start gap-3 p-4 ${n.isRead ? "" : "border-l-4 border-l-brand-600 bg-brand-50"}`}
            >
              <div className="min-w-0 flex-1">
                <p className={n.isRead ? "text-slate-700" : "font-semibold text-slate-900"}>
                  {n.isRead ? null : <span className="sr-only">{t("account:notifications.unread")}: </span>}
                  {t(n.messageKey, n.params)}
                </p>
                <p className="mt-1 flex flex-wrap gap-3 text-xs text-slate-500">
                  <time dateTime={n.createdAt}>{formatDateTime(n.createdAt, i18n.language)}</time>
                  {n.link ? (
                    <Link to={n.link} className="text-brand-700 underline">
                      {t("account:notifications.open")}
                    </Link>
                  ) : null}
                </p>
              </div>
              {n.isRead ? null : (
                <Form method="post">
                  <input type="hidden" name="intent" value="markRead" />
                  <input type="hidden" name="id" value={n.id} />
                  <Button variant="ghost" className="px-3 py-1" disabled={busy}>
                    {t("account:notifications.markRead")}
                  </Button>
                </Form>
              )}
            </li>
          ))}
        </ul>
      )}
    </main>
  );
}
