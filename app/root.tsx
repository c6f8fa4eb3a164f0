import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import {
  isRouteErrorResponse,
  Link,
  Links,
  Meta,
  Outlet,
  Scripts,
  ScrollRestoration,
  useLocation,
  useRouteError,
  useRouteLoaderData,
} from "@remix-run/react";
import { useEffect } from "react";
import { useTranslation } from "react-i18next";
import { useChangeLanguage } from "remix-i18next/react";
import { db } from "#db/client.server";
import { findMembershipsOfUser } from "#db/queries/memberships";
import { getOptionalSession } from "~/auth/guards.server";
import { sideSegment } from "~/auth/roles";
import { countUnread } from "~/domain/notifications/notify.server";
import { isDevMailboxEnabled } from "~/domain/notifications/deliver-email.server";
import { fallbackLocale } from "~/i18n/config";
import { resolveLocale } from "~/i18n/i18n.server";
import { AppHeader } from "~/components/app-header";
import { useNonce } from "~/utils/nonce";
import stylesheet from "~/tailwind.css";

export const links: LinksFunction = () => [
  { rel: "stylesheet", href: stylesheet },
  { rel: "icon", href: "/favicon.svg", type: "image/svg+xml" },
];

export const meta: MetaFunction = () => [{ title: "Compliance Portal" }];

/** The shell's data: who is signed in, their organizations, their language. No tenant data. */
export async function loader({ request }: LoaderFunctionArgs) {
  const session = await getOptionalSession(request);
  const locale = await resolveLocale(request, session?.user.locale);
  const memberships = session ? await findMembershipsOfUser(db(), session.user.id) : [];
  return {
    locale,
    user: session ? { name: session.user.name, email: session.user.email } : null,
    organizations: memberships.map((m) => ({
      id: m.organizationId,
      name: m.organizationName,
      kind: m.organizationKind,
      role: m.role,
      href: `/${sideSegment[m.organizationKind]}/${m.organizationId}`,
    })),
    unreadCount: session ? await countUnread(db(), session.user.id) : 0,
    devMailbox: isDevMailboxEnabled(),
  };
}

export type RootData = Awaited<ReturnType<typeof loader>>;

export function Layout({ children }: { children: React.ReactNode }) {
  const data = useRouteLoaderData<typeof loader>("root");
  const locale = data?.locale ?? fallbackLocale;
  const nonce = useNonce();
  useChangeLanguage(locale);
  // A marker that the page is interactive, for browser tests (and nothing else).
  useEffect(() => {
    document.documentElement.dataset.hydrated = "true";
  }, []);
  return (
    <html lang={locale} className="h-full bg-slate-50">
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <Meta />
        <Links />
      </head>
      <body className="min-h-full text-slate-900">
        <a href="#main" className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:bg-white focus:p-2">
          <SkipLinkText />
        </a>
        <AppHeader data={data ?? null} />
        {children}
        <ScrollRestoration nonce={nonce} />
        <Scripts nonce={nonce} />
      </body>
    </html>
  );
}

function SkipLinkText() {
  const { t } = useTranslation();
  return <>{t("nav.skipToContent")}</>;
}

export default function App() {
  return <Outlet />;
}

/** Every error a route throws ends here (or in a closer boundary), in the user's language. */
export function ErrorBoundary() {
  const error = useRouteError();
  const { t } = useTranslation();
  const location = useLocation();
  const status = isRouteErrorResponse(error) ? error.status : 500;
  const known = [400, 403, 404, 405, 409, 413, 429].includes(status) ? status : 500;
  if (!isRouteErrorResponse(error)) console.error(error);
  return (
    <main id="main" className="mx-auto max-w-2xl px-4 py-16">
      <p className="text-sm font-semibold text-brand-700">{status}</p>
      <h1 className="mt-2 text-3xl font-semibold">{t(`errors.page.${known}.title`)}</h1>
      <p className="mt-4 text-slate-700">{t(`errors.page.${known}.body`)}</p>
      <div className="mt-8 flex gap-4">
        <Link to="/" className="text-brand-700 underline">
          {t("errors.page.home")}
        </Link>
        {known === 413 || known === 400 ? (
          <Link to={location.pathname} className="text-brand-700 underline">
            {t("errors.page.retry")}
          </Link>
        ) : null}
      </div>
    </main>
  );
}
