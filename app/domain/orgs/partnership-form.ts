import { z } from "zod";
import { isCalendarDate } from "~/utils/dates";
import { supportedLocales } from "~/i18n/config";
import { isCountryCode } from "./countries";
import { dataCategoryKinds, isDataCategory, isServiceKind, serviceKinds, type DataCategory, type ServiceKind } from "./inherent-risk";

/**
 * The register fields of a partnership as a form: one zod schema for the browser and the server.
 * Messages are i18n keys. Format checks live here; business rules (status, duplicates) in the
 * use cases.
 */
export const MAX_SITES = 20;
export const MAX_HEADCOUNT = 100_000;
const NAME_MAX = 200;
const PLACE_MAX = 120;

const required = (max: number) =>
  z
    .string({ required_error: "validation.required", invalid_type_error: "validation.required" })
    .trim()
    .min(1, "validation.required")
    .max(max, "validation.tooLong");

const optionalText = (max: number) => z.string().trim().max(max, "validation.tooLong").optional();

const calendarDate = z.string().trim().refine(isCalendarDate, "validation.date");

const upper = (value: string | undefined) => value?.trim().toUpperCase();

/**
 * One row of the sites table. A row left entirely empty is allowed (the form offers spare rows
 * without JavaScript) and dropped; errors keep the row's index, so they show on the right row.
 */
const siteRow = z
  .object({
    name: optionalText(PLACE_MAX),
    city: optionalText(PLACE_MAX),
    country: z.string().trim().max(100, "validation.tooLong").optional(),
  })
  .superRefine((row, ctx) => {
    if (!row.name && !row.city && !row.country) return;
    if (!row.name) ctx.addIssue({ code: "custom", path: ["name"], message: "validation.required" });
    if (!row.city) ctx.addIssue({ code: "custom", path: ["city"], message: "validation.required" });
    if (!row.country) ctx.addIssue({ code: "custom", path: ["country"], message: "validation.required" });
    else if (!isCountryCode(upper(row.country))) {
      ctx.addIssue({ code: "custom", path: ["country"], message: "validation.countryCode" });
    }
  });

export interface SiteValue {
  name: string;
  city: string;
  country: string;
}

const sites = z
  .array(siteRow.optional(), { invalid_type_error: "validation.invalidChoice" })
  .max(MAX_SITES, "orgs:validation.tooManySites")
  .default([])
  .transform((rows): SiteValue[] =>
    rows
      .filter((row) => row && (row.name || row.city || row.country))
      .map((row) => ({ name: row!.name!, city: row!.city!, country: upper(row!.country)! })),
  );

/** Extra country codes, typed as "BE, DE" or "be de". */
const extraCountries = z
  .string()
  .max(300, "validation.tooLong")
  .optional()
  .transform((value) =>
    (value ?? "")
      .split(/[\s,;]+/)
      .map((code) => code.trim().toUpperCase())
      .filter(Boolean),
  )
  .superRefine((codes, ctx) => {
    if (codes.some((code) => !isCountryCode(code))) ctx.addIssue({ code: "custom", message: "validation.countryCode" });
  });

function choiceList<T extends string>(isKnown: (v: string) => v is T, unknownKey: string, emptyKey: string, max: number) {
  return z
    .array(z.string().max(40, "validation.tooLong"), { invalid_type_error: "validation.invalidChoice" })
    .max(max, unknownKey)
    .default([])
    .superRefine((values, ctx) => {
      if (values.some((v) => !isKnown(v))) ctx.addIssue({ code: "custom", message: unknownKey });
      else if (values.length === 0) ctx.addIssue({ code: "custom", message: emptyKey });
    })
    .transform((values) => [...new Set(values)] as T[]);
}

const registerShape = {
  vendorDisplayName: required(NAME_MAX),
  services: choiceList<ServiceKind>(isServiceKind, "orgs:validation.unknownService", "orgs:validation.chooseService", serviceKinds.length),
  dataCategories: choiceList<DataCategory>(
    isDataCategory,
    "orgs:validation.unknownDataCategory",
    "orgs:validation.chooseDataCategory",
    dataCategoryKinds.length,
  ),
  sites,
  extraCountries,
  agentHeadcount: z
    .number({ invalid_type_error: "validation.number" })
    .int("validation.number")
    .min(0, "validation.numberRange")
    .max(MAX_HEADCOUNT, "validation.numberRange")
    .optional(),
  /** Empty: take the suggested tier. */
  riskTier: z
    .number({ invalid_type_error: "orgs:validation.tier" })
    .int("orgs:validation.tier")
    .min(1, "orgs:validation.tier")
    .max(3, "orgs:validation.tier")
    .optional(),
};

/**
 * The contract dates, checked against each other. Kept apart from the other fields and joined
 * with an intersection, so the date order is reported even when other fields fail too (an
 * object-level refinement would not run then).
 */
const contractPeriod = z
  .object({ contractStart: calendarDate.optional(), contractEnd: calendarDate.optional() })
  .superRefine((value, ctx) => {
    const { contractStart: start, contractEnd: end } = value;
    // yyyy-mm-dd strings compare in calendar order.
    if (start && end && isCalendarDate(start) && isCalendarDate(end) && end < start) {
      ctx.addIssue({ code: "custom", path: ["contractEnd"], message: "validation.dateOrder" });
    }
  });

export const registerSchema = z.object(registerShape).and(contractPeriod);

export const invitePartnerSchema = z
  .object({
    ...registerShape,
    email: z
      .string({ required_error: "validation.required" })
      .trim()
      .max(254, "validation.tooLong")
      .email("validation.email")
      .transform((email) => email.toLowerCase()),
    locale: z.enum(supportedLocales, { errorMap: () => ({ message: "validation.invalidChoice" }) }),
  })
  .and(contractPeriod);

export const updatePartnershipSchema = z
  .object({
    ...registerShape,
    intent: z.literal("update"),
    version: z.number({ required_error: "validation.required", invalid_type_error: "validation.number" }).int().min(1),
  })
  .and(contractPeriod);

export type RegisterValues = z.output<typeof registerSchema>;
export type InvitePartnerValues = z.output<typeof invitePartnerSchema>;
export type UpdatePartnershipValues = z.output<typeof updatePartnershipSchema>;

/** The countries a partnership works from: its sites' countries, then the extra ones, once each. */
export function countriesOf(values: { sites: readonly { country: string }[]; extraCountries: readonly string[] }): string[] {
  return [...new Set([...values.sites.map((s) => s.country.toUpperCase()), ...values.extraCountries])];
}

/** The extra countries to show in the form: the stored ones no site accounts for. */
export function extraCountriesOf(countries: readonly string[], siteList: readonly { country: string }[]): string[] {
  const fromSites = new Set(siteList.map((s) => s.country));
  return countries.filter((c) => !fromSites.has(c));
}

/** How many site rows the form shows: the filled ones plus spare rows, at least five. */
export function siteRowCount(filled: number): number {
  return Math.min(MAX_SITES, Math.max(5, filled + 2));
}
