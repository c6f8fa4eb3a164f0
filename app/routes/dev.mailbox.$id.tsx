import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { eq } from "drizzle-orm";
import { Fragment } from "react";
import { useTranslation } from "react-i18next";
import { db } from "#db/client.server";
import { outboxEmails } from "#db/schema/index";
import { isUuid } from "~/auth/guards.server";
import { Badge } from "~/components/ui/layout";
import { isDevMailboxEnabled } from "~/domain/notifications/deliver-email.server";
import { formatDateTime } from "~/utils/dates";
import { env } from "~/utils/env.server";
import { notFound } from "~/utils/http.server";

/** One e-mail of the development mailbox: its headers and text body. 404 once SMTP is set up. */
export async function loader({ params }: LoaderFunctionArgs) {
  if (!isDevMailboxEnabled()) notFound();
  if (!isUuid(params.id)) notFound();
  const [email] = await db().select().from(outboxEmails).where(eq(outboxEmails.id, params.id)).limit(1);
  if (!email) notFound();
  return {
    email: {
      id: email.id,
      from: env().MAIL_FROM,
      to: email.toAddress,
      subject: email.subject,
      template: email.template,
      locale: email.locale,
      status: email.status,
      createdAt: email.createdAt.toISOString(),
      sentAt: email.sentAt?.toISOString() ?? null,
      lastError: email.attempts.findLast((a) => a.error)?.error ?? null,
      textBody: email.textBody,
      htmlBody: email.htmlBody,
    },
  };
}

const URL_PATTERN = /https?:\/\/[^\s<>"'`]+/g;

/** Plain text with its web addresses as links; everything else stays text (React escapes it). */
export function TextWithLinks({ text }: { text: string }) {
  const parts: React.ReactNode[] = [];
  let last = 0;
  for (const match of text.matchAll(URL_PATTERN)) {
    // Punctuation that ends a sentence is not part of the address.
    const url = match[0].replace(/[.,;:!?)\]]+$/, "");
    const start = match.index ?? 0;
    parts.push(text.slice(last, start));
    parts.push(
      <a key={start} href={url} className="break-all text-brand-700 underline">
        {url}
      </a>,
    );
    last = start + url.length;
  }
  parts.push(text.slice(last));
  return (
    <>
      {parts.map((part, i) => (
        <Fragment key={i}>{part}</Fragment>
      ))}
    </>
  );
}

const statusTone = { pending: "amber", sent: "green", failed: "red" } as const;

export default function DevMailboxMessage() {
  const { t, i18n } = useTranslation(["account", "common"]);
  const { email } = useLoaderData<typeof loader>();
  const headers: [string, React.ReactNode][] = [
    [t("account:mailbox.headers.from"), email.from],
    [t("account:mailbox.headers.to"), email.to],
    [t("account:mailbox.headers.subject"), email.subject],
    [t("account:mailbox.headers.date"), formatDateTime(email.createdAt, i18n.language)],
    [t("account:mailbox.headers.template"), <span className="font-mono text-xs">{email.template}</span>],
    [t("account:mailbox.headers.locale"), email.locale],
    [
      t("account:mailbox.headers.status"),
      <>
        <Badge tone={statusTone[email.status]}>{t(`account:mailbox.status.${email.status}`)}</Badge>
        {email.sentAt ? <span className="ml-2 text-slate-600">{formatDateTime(email.sentAt, i18n.language)}</span> : null}
        {email.lastError ? <span className="ml-2 text-red-700">{email.lastError}</span> : null}
      </>,
    ],
  ];
  return (
    <article aria-labelledby="mail-subject" className="rounded-lg border border-slate-200 bg-white p-5 shadow-sm">
      <p className="mb-3 text-sm">
        <Link to="/dev/mailbox" className="text-brand-700 underline">
          {t("account:mailbox.back")}
        </Link>
      </p>
      <h2 id="mail-subject" className="mb-4 text-lg font-semibold">
        {email.subject}
      </h2>
      <dl className="mb-4 grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm">
        {headers.map(([label, value]) => (
          <Fragment key={label}>
            <dt className="font-medium text-slate-600">{label}</dt>
            <dd className="break-words">{value}</dd>
          </Fragment>
        ))}
      </dl>
      <h3 className="sr-only">{t("account:mailbox.body")}</h3>
      <div className="whitespace-pre-wrap break-words rounded-md border border-slate-200 bg-slate-50 p-4 font-mono text-sm" data-testid="mail-text">
        <TextWithLinks text={email.textBody} />
      </div>
      <details className="mt-4 text-sm">
        <summary className="cursor-pointer text-slate-700">{t("account:mailbox.htmlSource")}</summary>
        <pre className="mt-2 max-h-96 overflow-auto whitespace-pre-wrap break-all rounded-md bg-slate-900 p-3 text-xs text-slate-100">
          {email.htmlBody}
        </pre>
      </details>
    </article>
  );
}
