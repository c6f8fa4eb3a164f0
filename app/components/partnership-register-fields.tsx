import { getInputProps, getSelectProps, type FieldMetadata } from "@conform-to/react";
import { useTranslation } from "react-i18next";
import { CheckboxGroup, controlClass, FieldErrors, SelectField, TextField } from "~/components/ui/field";
import { countryCodes, countryName } from "~/domain/orgs/countries";
import { dataCategoryKinds, riskReasons, riskTiers, serviceKinds, suggestRiskTier } from "~/domain/orgs/inherent-risk";
import { MAX_HEADCOUNT, siteRowCount } from "~/domain/orgs/partnership-form";
import { RiskReasonList, useIsHydrated } from "./partnership-facts";

// Loosely typed on purpose: the invite form and the edit form share these fields but differ in
// the rest of their schema.
type AnyField = FieldMetadata<any, any, string[]>;
export type RegisterFields = Record<
  | "vendorDisplayName"
  | "services"
  | "dataCategories"
  | "sites"
  | "extraCountries"
  | "agentHeadcount"
  | "contractStart"
  | "contractEnd"
  | "riskTier",
  AnyField
>;

const asList = (value: unknown): string[] =>
  Array.isArray(value) ? value.filter((v): v is string => typeof v === "string") : typeof value === "string" ? [value] : [];

type SiteValue = { name?: string; city?: string; country?: string } | undefined;

/** Form values of list fields may be sparse (sites[3] without sites[1]); make the holes explicit. */
const rowsOf = (value: unknown): SiteValue[] => (Array.isArray(value) ? Array.from(value as SiteValue[]) : []);

/** The risk profile the form currently describes, for the live tier suggestion. */
function currentProfile(fields: RegisterFields) {
  const siteCountries = rowsOf(fields.sites.value).map((s) => (typeof s?.country === "string" ? s.country : ""));
  const extra = typeof fields.extraCountries.value === "string" ? fields.extraCountries.value.split(/[\s,;]+/) : [];
  const countries = [...siteCountries, ...extra].map((c) => c.trim().toUpperCase()).filter((c) => c.length === 2);
  const headcount = Number(fields.agentHeadcount.value);
  return {
    services: asList(fields.services.value),
    dataCategories: asList(fields.dataCategories.value),
    countries,
    agentHeadcount: fields.agentHeadcount.value && Number.isFinite(headcount) ? headcount : null,
  };
}

/**
 * The register fields of a partnership (invite and edit forms). Works without JavaScript: spare
 * site rows are rendered, and an empty tier means "take the suggestion" on the server. With
 * JavaScript, the suggested tier and its reasons follow what is typed.
 */
export function PartnershipRegisterFields({ fields }: { fields: RegisterFields }) {
  const { t, i18n } = useTranslation(["orgs", "common"]);
  const locale = i18n.language;
  // Names from the browser's own ICU data, added after hydration (see useIsHydrated).
  const isHydrated = useIsHydrated();
  const reasons = riskReasons(currentProfile(fields));
  const suggested = suggestRiskTier(reasons);
  const initialSites = rowsOf(fields.sites.initialValue);
  // Enough rows for every row that was filled in (its index, not just the count), plus spares.
  const lastFilled = initialSites.reduce((last, s, i) => (s && (s.name || s.city || s.country) ? i : last), -1);
  const rows = siteRowCount(lastFilled + 1);
  const siteErrors = fields.sites.allErrors;
  const rowError = (i: number, part: "name" | "city" | "country") => siteErrors[`${fields.sites.name}[${i}].${part}`];

  return (
    <div className="space-y-6">
      <TextField
        label={t("orgs:fields.vendorDisplayName")}
        hint={t("orgs:hints.vendorDisplayName")}
        errors={fields.vendorDisplayName.errors}
        {...getInputProps(fields.vendorDisplayName, { type: "text" })}
        key={fields.vendorDisplayName.key}
      />
      <CheckboxGroup
        name={fields.services.name}
        legend={t("orgs:fields.services")}
        options={serviceKinds.map((s) => ({ value: s, label: t(`orgs:services.${s}`) }))}
        defaultValue={asList(fields.services.initialValue)}
        errors={fields.services.errors}
      />
      <CheckboxGroup
        name={fields.dataCategories.name}
        legend={t("orgs:fields.dataCategories")}
        options={dataCategoryKinds.map((c) => ({ value: c, label: t(`orgs:dataCategories.${c}`) }))}
        defaultValue={asList(fields.dataCategories.initialValue)}
        errors={fields.dataCategories.errors}
      />

      <fieldset className="space-y-2" aria-describedby={fields.sites.errors?.length ? `${fields.sites.id}-error` : `${fields.sites.id}-hint`}>
        <legend className="text-sm font-medium text-slate-800">{t("orgs:fields.sites")}</legend>
        <p id={`${fields.sites.id}-hint`} className="text-xs text-slate-500">
          {t("orgs:hints.sites")}
        </p>
        <datalist id="country-codes">
          {(isHydrated ? countryCodes : []).map((code) => (
            <option key={code} value={code}>
              {countryName(code, locale)}
            </option>
          ))}
        </datalist>
        <div className="space-y-3">
          <div aria-hidden className="hidden gap-2 text-xs font-medium text-slate-600 sm:grid sm:grid-cols-[2fr_2fr_1fr]">
            <span>{t("orgs:fields.siteNameColumn")}</span>
            <span>{t("orgs:fields.siteCityColumn")}</span>
            <span>{t("orgs:fields.siteCountryColumn")}</span>
          </div>
          {Array.from({ length: rows }, (_, i) => {
            const site = initialSites[i];
            const id = `${fields.sites.id}-${i}`;
            return (
              <div key={`${fields.sites.key ?? ""}-${i}`} className="grid gap-2 sm:grid-cols-[2fr_2fr_1fr]">
                <SiteInput id={`${id}-name`} name={`${fields.sites.name}[${i}].name`} label={t("orgs:fields.siteName", { n: i + 1 })} defaultValue={site?.name} errors={rowError(i, "name")} />
                <SiteInput id={`${id}-city`} name={`${fields.sites.name}[${i}].city`} label={t("orgs:fields.siteCity", { n: i + 1 })} defaultValue={site?.city} errors={rowError(i, "city")} />
                <SiteInput
                  id={`${id}-country`}
                  name={`${fields.sites.name}[${i}].country`}
                  label={t("orgs:fields.siteCountry", { n: i + 1 })}
                  defaultValue={site?.country}
                  errors={rowError(i, "country")}
                  country
                />
              </div>
            );
          })}
        </div>
        {fields.sites.errors?.length ? (
          <ul id={`${fields.sites.id}-error`} className="text-sm text-red-700" role="alert">
            {fields.sites.errors.map((e) => (
              <li key={e}>{t(e)}</li>
            ))}
          </ul>
        ) : null}
      </fieldset>

      <div className="grid gap-4 sm:grid-cols-2">
        <TextField
          label={t("orgs:fields.extraCountries")}
          hint={t("orgs:hints.extraCountries")}
          errors={fields.extraCountries.errors}
          {...getInputProps(fields.extraCountries, { type: "text" })}
          key={fields.extraCountries.key}
        />
        <TextField
          label={t("orgs:fields.agentHeadcount")}
          errors={fields.agentHeadcount.errors}
          inputMode="numeric"
          {...getInputProps(fields.agentHeadcount, { type: "number" })}
          min={0}
          max={MAX_HEADCOUNT}
          key={fields.agentHeadcount.key}
        />
        <TextField
          label={t("orgs:fields.contractStart")}
          errors={fields.contractStart.errors}
          {...getInputProps(fields.contractStart, { type: "date" })}
          key={fields.contractStart.key}
        />
        <TextField
          label={t("orgs:fields.contractEnd")}
          errors={fields.contractEnd.errors}
          {...getInputProps(fields.contractEnd, { type: "date" })}
          key={fields.contractEnd.key}
        />
      </div>

      <div className="rounded-md border border-slate-200 bg-slate-50 p-4">
        <p className="text-sm font-medium text-slate-800" aria-live="polite">
          {t("orgs:tier.suggestion", { tier: t(`orgs:tier.label.${suggested}`) })}
        </p>
        <RiskReasonList reasons={reasons} />
        <div className="mt-3 max-w-sm">
          <SelectField
            label={t("orgs:fields.riskTier")}
            hint={t("orgs:hints.riskTier")}
            errors={fields.riskTier.errors}
            {...getSelectProps(fields.riskTier)}
            key={fields.riskTier.key}
          >
            <option value="">{t("orgs:tier.useSuggestion")}</option>
            {riskTiers.map((tier) => (
              <option key={tier} value={String(tier)}>
                {t(`orgs:tier.label.${tier}`)}
              </option>
            ))}
          </SelectField>
        </div>
      </div>
    </div>
  );
}

function SiteInput({
  id,
  name,
  label,
  defaultValue,
  errors,
  country = false,
}: {
  id: string;
  name: string;
  label: string;
  defaultValue?: string;
  errors?: string[];
  country?: boolean;
}) {
  return (
    <div className="space-y-1">
      <label htmlFor={id} className="sr-only">
        {label}
      </label>
      <input
        id={id}
        name={name}
        defaultValue={defaultValue ?? ""}
        placeholder={country ? "NL" : label}
        className={controlClass}
        aria-invalid={errors?.length ? true : undefined}
        aria-describedby={errors?.length ? `${id}-error` : undefined}
        {...(country ? { list: "country-codes", maxLength: 2, autoCapitalize: "characters", spellCheck: false } : { maxLength: 120 })}
      />
      <FieldErrors id={`${id}-error`} errors={errors} />
    </div>
  );
}
