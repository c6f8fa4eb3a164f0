import { NavLink } from "@remix-run/react";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import type { SideShellData } from "~/domain/orgs/navigation";

const itemClass = "block rounded-md px-3 py-2 text-sm whitespace-nowrap";
const idle = `${itemClass} text-slate-700 hover:bg-slate-100 hover:text-slate-900`;
const active = `${itemClass} bg-brand-50 font-medium text-brand-900`;

/**
 * The two-column frame of every page of a side: the organization, the user's role and the
 * side's navigation on the left (a scrollable row on small screens), the page on the right.
 */
export function SideShell({ data, children }: { data: SideShellData; children: ReactNode }) {
  const { t } = useTranslation(["common", "orgs"]);
  return (
    <div className="mx-auto max-w-7xl px-4 py-6 lg:grid lg:grid-cols-[15rem_minmax(0,1fr)] lg:gap-8">
      <aside className="mb-6 lg:mb-0">
        <div className="mb-4 border-b border-slate-200 pb-4">
          <p className="text-xs font-medium uppercase tracking-wide text-slate-500">{t(`organizationKind.${data.organization.kind}`)}</p>
          <p className="mt-0.5 font-semibold text-slate-900">{data.organization.name}</p>
          <p className="mt-0.5 text-sm text-slate-600">{t("orgs:shell.role", { role: t(`roles.${data.role}`) })}</p>
        </div>
        <nav aria-label={t("nav.sections")}>
          <ul className="flex gap-1 overflow-x-auto pb-1 lg:flex-col lg:overflow-visible lg:pb-0">
            {data.nav.map((item) => (
              <li key={item.key}>
                {item.isAnchor ? (
                  <a href={item.href} className={idle}>
                    {t(item.labelKey)}
                  </a>
                ) : (
                  <NavLink to={item.href} end={item.end} className={({ isActive }) => (isActive ? active : idle)}>
                    {t(item.labelKey)}
                  </NavLink>
                )}
              </li>
            ))}
          </ul>
        </nav>
      </aside>
      <main id="main" className="min-w-0">
        {children}
      </main>
    </div>
  );
}
