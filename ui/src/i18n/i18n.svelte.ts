// The message catalogue and the current language. `t` reads `locale.lang`, so every template
// that calls it re-renders when the language changes.
import ja from './ja.json';
import en from './en.json';
import type { Language } from '../bindings/Language';

/** Every message key; derived from ja.json, so a key missing there is a type error. */
export type MessageKey = keyof typeof ja;
export type Params = Record<string, string | number>;

// Typing en.json against ja.json's keys makes a key missing from en.json a type error too.
const catalogues: Record<Language, Record<MessageKey, string>> = { ja, en };

export const LANGUAGES: readonly Language[] = ['ja', 'en'];

export const locale = $state<{ lang: Language }>({ lang: 'ja' });

export function setLocale(lang: Language): void {
  locale.lang = lang;
  if (typeof document !== 'undefined') document.documentElement.lang = lang;
}

/** Whether dates are shown with the Japanese era (令和8年4月1日): the organisation's setting,
 * which the core defaults to on for public bodies. English screens never show era dates. */
export const dateDisplay = $state<{ era: boolean }>({ era: false });

export function setEraDates(era: boolean): void {
  dateDisplay.era = era;
}

export function isMessageKey(key: string): key is MessageKey {
  return Object.prototype.hasOwnProperty.call(ja, key);
}

export function interpolate(text: string, params: Params): string {
  return text.replace(/\{(\w+)\}/g, (whole, name: string) =>
    Object.prototype.hasOwnProperty.call(params, name) ? String(params[name]) : whole,
  );
}

/** The message for `key` in the current language, with `{param}` placeholders filled in. */
export function t(key: MessageKey, params?: Params): string {
  const text = catalogues[locale.lang][key];
  return params ? interpolate(text, params) : text;
}

/** The raw catalogues, for the parity test. */
export const CATALOGUES = catalogues;
