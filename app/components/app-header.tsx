import { Form, Link, useLocation, useParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import type { RootData } from "~/root";

/**
 * The bar on every page: product name, organization switcher, notifications, profile and sign
 * out; for visitors who are not signed in, the language choice.
 */
export function AppHeader({ data }: { data: RootData | null }) {
  const { t } = useTranslation();
  const params = useParams();
  const location = useLocation();
  const current = data?.organizations.find((o) => o.id === params.orgId);
  return (
    <header className="border-b border-slate-200 bg-white">
      <div className="mx-auto flex max-w-7xl flex-wrap items-center gap-4 px-4 py-3">
        <Link to="/" className="flex items-center gap-2 font-semibold text-brand-900">
          <img src="/favicon.svg" alt="" className="h-7 w-7" />
          {t("app.name")}
        </Link>
        {data?.user ? (
          <>
            <OrganizationSwitcher organizations={data.organizations} currentId={current?.id} />
            <nav aria-label={t("nav.account")} className="ml-auto flex items-center gap-3 text-sm">
              {data.devMailbox ? (
                <Link to="/dev/mailbox" className="text-slate-600 hover:text-brand-700">
                  {t("nav.devMailbox")}
                </Link>
              ) : null}
              <Link to="/notifications" className="relative text-slate-700 hover:text-brand-700">
                {t("nav.notifications")}
                {data.unreadCount > 0 ? (
                  <span className="ml-1 rounded-full bg-red-600 px-1.5 py-0.5 text-xs font-semibold text-white">
                    <span className="sr-only">{t("nav.unread", { count: data.unreadCount })}</span>
                    <span aria-hidden>{data.unreadCount}</span>
                  </span>
                ) : null}
              </Link>
              <Link to="/profile" className="text-slate-700 hover:text-brand-700">
                {data.user.name}
              </Link>
              <Form method="post" action="/sign-out">
                <button type="submit" className="text-slate-700 hover:text-brand-700">
                  {t("nav.signOut")}
                </button>
              </Form>
            </nav>
          </>
        ) : (
          <Form method="post" action="/set-language" className="ml-auto flex items-center gap-2 text-sm">
            <input type="hidden" name="redirectTo" value={location.pathname + location.search} />
            <span className="sr-only">{t("nav.language")}</span>
            <button name="locale" value="nl" className={data?.locale === "nl" ? "font-semibold" : "text-slate-600"} aria-pressed={data?.locale === "nl"}>
              Nederlands
            </button>
            <span aria-hidden>|</span>
            <button name="locale" value="en" className={data?.locale === "en" ? "font-semibold" : "text-slate-600"} aria-pressed={data?.locale === "en"}>
              English
            </button>
          </Form>
        )}
      </div>
    </header>
  );
}

function OrganizationSwitcher({
  organizations,
  currentId,
}: {
  organizations: RootData["organizations"];
  currentId?: string;
}) {
  const { t } = useTranslation();
  const current = organizations.find((o) => o.id === currentId);
  if (organizations.length === 0) return null;
  return (
    <details className="relative">
      <summary className="cursor-pointer list-none rounded-md border border-slate-300 px-3 py-1.5 text-sm hover:bg-slate-50">
        <span className="sr-only">{t("nav.switchOrganization")}: </span>
        {current ? current.name : t("nav.chooseOrganization")} ▾
      </summary>
      <ul className="absolute z-20 mt-1 w-80 rounded-md border border-slate-200 bg-white py-1 shadow-lg">
        {organizations.map((o) => (
          <li key={o.id}>
            <Link
              to={o.href}
              className="block px-3 py-2 text-sm hover:bg-slate-50"
              aria-current={o.id === currentId ? "page" : undefined}
            >
              <span className="font-medium">{o.name}</span>
              <span className="block text-xs text-slate-500">
                {t(`organizationKind.${o.kind}`)} · {t(`roles.${o.role}`)}
              </span>
            </Link>
          </li>
        ))}
      </ul>
    </details>
  );
}
