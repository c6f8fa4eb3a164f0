import { createCookie } from "@remix-run/node";
import { createInstance, type TFunction } from "i18next";
import { addFormatters } from "./formatters";
import { RemixI18Next } from "remix-i18next/server";
import { fallbackLocale, i18nOptions, isLocale, supportedLocales, type Locale } from "./config";
import { resources } from "./resources";

/** Remembers the language an anonymous visitor picked (signed-in users keep it in their profile). */
export const localeCookie = createCookie("lng", { path: "/", sameSite: "lax", maxAge: 60 * 60 * 24 * 365 });

const detector = new RemixI18Next({
  detection: {
    supportedLanguages: [...supportedLocales],
    fallbackLanguage: fallbackLocale,
    cookie: localeCookie,
    order: ["cookie", "header"],
  },
  i18next: { ...i18nOptions, resources },
});

/** The profile's language first, then the visitor's choice, then the browser's. */
export async function resolveLocale(request: Request, profileLocale?: string | null): Promise<Locale> {
  if (isLocale(profileLocale)) return profileLocale;
  const detected = await detector.getLocale(request);
  return isLocale(detected) ? detected : fallbackLocale;
}

const instances = new Map<Locale, ReturnType<typeof createInstance>>();

/**
 * One i18next instance per language, made once: server renders only read from it and never
 * change its language, so requests can share it.
 */
export async function createI18nInstance(locale: Locale) {
  let instance = instances.get(locale);
  if (!instance) {
    instance = createInstance();
    await instance.init({ ...i18nOptions, lng: locale, resources });
    addFormatters(instance);
    instances.set(locale, instance);
  }
  return instance;
}

/** A translation function for one language, for e-mails and server-made messages. */
export async function translator(locale: Locale): Promise<TFunction> {
  return (await createI18nInstance(locale)).t;
}
