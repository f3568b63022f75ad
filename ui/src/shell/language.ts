import type { Language } from '../bindings/Language';
import { setLanguage } from '../api/commands';
import { setLocale } from '../i18n/i18n.svelte';
import { showToast } from '../lib/app.svelte';

/** Switches the UI at once, then persists the choice; a failure to persist is reported. */
export async function chooseLanguage(lang: Language): Promise<void> {
  setLocale(lang);
  try {
    await setLanguage(lang);
  } catch {
    showToast('toast.languageNotSaved', undefined, 'error');
  }
}
