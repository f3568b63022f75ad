// Locking and unlocking in the UI. Locking drops everything the screens showed: the register
// view unmounts, the organisation and the list filters (which may hold a name typed in a
// search) are cleared, and only the unlock screen remains.
import type { StartupStatus } from '../bindings/StartupStatus';
import { lockRegister, onRegisterLocked } from '../api/commands';
import { setEraDates, setLocale } from '../i18n/i18n.svelte';
import { app, dismissToast, resetListView, resetRequestListView } from '../lib/app.svelte';

/** Takes the status the backend returned after unlocking (or creating, or restoring). */
export function applyStatus(status: StartupStatus): void {
  if (status.language) setLocale(status.language);
  setEraDates(status.eraDates);
  app.organisation = status.organisation;
  app.status = status;
}

/** The register is locked: forget what was shown. */
export function becameLocked(): void {
  if (!app.status) return;
  app.status = {
    ...app.status,
    lockState: 'locked',
    organisation: null,
    chainHead: null,
    verification: null,
    error: null,
  };
  app.organisation = null;
  resetListView();
  resetRequestListView();
  dismissToast();
}

export async function lockNow(): Promise<void> {
  try {
    await lockRegister();
  } finally {
    becameLocked();
  }
}

onRegisterLocked(becameLocked);

const ACTIVITY_EVENTS = ['pointerdown', 'pointermove', 'keydown', 'wheel', 'touchstart'] as const;

/**
 * Locks after `minutes` without input (0: never). Returns the function that stops watching.
 * Checked every few seconds rather than with one long timer, which a suspended laptop would
 * fire late.
 */
export function watchIdle(minutes: number, now: () => number = Date.now): () => void {
  if (minutes <= 0 || typeof window === 'undefined') return () => {};
  let last = now();
  const touch = (): void => {
    last = now();
  };
  for (const name of ACTIVITY_EVENTS) window.addEventListener(name, touch, { passive: true });
  const timer = setInterval(() => {
    if (now() - last >= minutes * 60_000) void lockNow();
  }, 5_000);
  return () => {
    clearInterval(timer);
    for (const name of ACTIVITY_EVENTS) window.removeEventListener(name, touch);
  };
}
