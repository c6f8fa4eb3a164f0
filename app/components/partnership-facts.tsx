import { useEffect, useState, type ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { countryName } from "~/domain/orgs/countries";
import { formatCalendarDate, formatNumber } from "~/utils/dates";
import { TierBadge } from "./partnership-badges";

export interface PartnershipFactsView {
  services: string[];
  dataCategories: string[];
  sites: { name: string; city: string; country: string }[];
  countries: string[];
  agentHeadcount: number | null;
  riskTier: number;
  riskReasons: string[];
  contractStart: string | null;
  contractEnd: string | null;
}

/**
 * Country names come from the runtime's ICU data, which differs between Node and browsers; a
 * name rendered on the server could then fail hydration. So the server and the first browser
 * render show codes, and names follow once hydrated.
 */
export function useIsHydrated() {
  const [isHydrated, setIsHydrated] = useState(false);
  useEffect(() => setIsHydrated(true), []);
  return isHydrated;
}

function Country({ code, withCode = false }: { code: string; withCode?: boolean }) {
  const { i18n } = useTranslation();
  const isHydrated = useIsHydrated();
  if (!isHydrated) return <>{code}</>;
  const name = countryName(code, i18n.language);
  return <>{withCode && name !== code ? `${name} (${code})` : name}</>;
}

function Fact({ label, children }: { label: ReactNode; children: ReactNode }) {
  return (
    <div className="py-2 sm:grid sm:grid-cols-3 sm:gap-4">
      <dt className="text-sm font-medium text-slate-600">{label}</dt>
      <dd className="mt-1 text-sm text-slate-900 sm:col-span-2 sm:mt-0">{children}</dd>
    </div>
  );
}

/** The register facts of a partnership, read-only; the same for the client and the vendor. */
export function PartnershipFacts({ facts }: { facts: PartnershipFactsView }) {
  const { t, i18n } = useTranslation("orgs");
  const locale = i18n.language;
  const none = <span className="text-slate-500">{t("facts.none")}</span>;
  return (
    <dl className="divide-y divide-slate-100">
      <Fact label={t("fields.services")}>
        {facts.services.length ? facts.services.map((s) => t(`services.${s}`)).join(", ") : none}
      </Fact>
      <Fact label={t("fields.dataCategories")}>
        {facts.dataCategories.length ? (
          <ul className="list-inside list-disc">
            {facts.dataCategories.map((c) => (
              <li key={c}>{t(`dataCategories.${c}`)}</li>
            ))}
          </ul>
        ) : (
          none
        )}
      </Fact>
      <Fact label={t("fields.sites")}>
        {facts.sites.length ? (
          <ul className="space-y-0.5">
            {facts.sites.map((site, i) => (
              <li key={`${site.name}-${i}`}>
                {site.name} · {site.city} · <Country code={site.country} />
              </li>
            ))}
          </ul>
        ) : (
          none
        )}
      </Fact>
      <Fact label={t("fields.countries")}>
        {facts.countries.length
          ? facts.countries.map((c, i) => (
              <span key={c}>
                {i > 0 ? ", " : null}
                <Country code={c} withCode />
              </span>
            ))
          : none}
      </Fact>
      <Fact label={t("fields.agentHeadcount")}>
        {facts.agentHeadcount === null ? none : formatNumber(facts.agentHeadcount, locale)}
      </Fact>
      <Fact label={t("fields.contract")}>
        {facts.contractStart || facts.contractEnd
          ? t("facts.contractPeriod", {
              start: formatCalendarDate(facts.contractStart, locale) || "…",
              end: formatCalendarDate(facts.contractEnd, locale) || "…",
            })
          : none}
      </Fact>
      <Fact label={t("fields.riskTier")}>
        <TierBadge tier={facts.riskTier} />
        <RiskReasonList reasons={facts.riskReasons} />
      </Fact>
    </dl>
  );
}

export function RiskReasonList({ reasons }: { reasons: readonly string[] }) {
  const { t } = useTranslation("orgs");
  if (reasons.length === 0) return <p className="mt-1 text-sm text-slate-600">{t("riskReasons.none")}</p>;
  return (
    <ul className="mt-1 list-inside list-disc text-sm text-slate-700">
      {reasons.map((r) => (
        <li key={r}>{t(`riskReasons.${r}`)}</li>
      ))}
    </ul>
  );
}
