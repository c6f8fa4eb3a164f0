export const supportedLocales = ["nl", "en"] as const;
export type Locale = (typeof supportedLocales)[number];
export const fallbackLocale: Locale = "en";
export const namespaces = ["common", "auth", "account", "orgs", "audit", "emails", "questionnaires", "requests", "evidence", "agreements", "subprocessors", "training"] as const;
export const defaultNamespace = "common";

export function isLocale(value: unknown): value is Locale {
  return typeof value === "string" && (supportedLocales as readonly string[]).includes(value);
}

/** Base options shared by the server's per-request instances and the browser's one instance. */
export const i18nOptions = {
  supportedLngs: [...supportedLocales],
  fallbackLng: fallbackLocale,
  defaultNS: defaultNamespace,
  ns: [...namespaces],
  interpolation: { escapeValue: false },
  returnNull: false,
} as const;
