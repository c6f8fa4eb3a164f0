import { createCookie } from "@remix-run/node";
import { createInstance, type TFunction } from "i18next";
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

export async function createI18nInstance(locale: Locale) {
  const instance = createInstance();
  await instance.init({ ...i18nOptions, lng: locale, resources });
  return instance;
}

const fixed = new Map<Locale, TFunction>();

/** A translation function for one language, for e-mails and server-made messages. */
export async function translator(locale: Locale): Promise<TFunction> {
  let t = fixed.get(locale);
  if (!t) {
    t = (await createI18nInstance(locale)).t;
    fixed.set(locale, t);
  }
  return t;
}
