// What the Vitest suites share: a replay of the core's recorded answers per test, the clock at
// the recorded instant, and clean global state between tests.
import { clearMocks, mockIPC } from '@tauri-apps/api/mocks';
import { afterEach, beforeEach, vi } from 'vitest';
import { setEraDates, setLocale } from '../i18n/i18n.svelte';
import { app, resetListView, resetRequestListView } from '../lib/app.svelte';
import type { RequestRules } from '../bindings/RequestRules';
import type { RequestTrack } from '../bindings/RequestTrack';
import type { RequestType } from '../bindings/RequestType';
import { ReplayBackend, type StateName } from './replay';

/** The instant tests/mock_fixtures.rs pins the core's clock to; forms date their defaults by it. */
export const RECORDED_AT = '2026-04-01T09:00:00Z';
/** The recorded "today" (the core's date at the pinned instant). */
export const RECORDED_TODAY = '2026-04-01';
/** The passphrase of the recorded encrypted registers. */
export const RECORDED_PASSPHRASE = 'correct horse 台帳 battery';

export type MockOptions = {
  /** The recorded state the register starts in: `demo`, `empty`, `setup`, `locked`, `demo/en`, … */
  scenario?: StateName;
};

export type MockBackend = ReplayBackend;

export function useBackend(options: MockOptions = {}): ReplayBackend {
  return useBackendWith(new ReplayBackend(options.scenario ?? 'demo'), {});
}

/**
 * Replays `backend`, except the commands `overrides` answers (throw to reject). Overrides are
 * for what the shell does around the core — dialogs, files, events — never for a core rule.
 */
export function useBackendWith(
  backend: ReplayBackend,
  overrides: Record<string, (args: unknown) => unknown>,
): ReplayBackend {
  mockIPC((cmd, payload) => {
    const override = overrides[cmd];
    if (override) {
      backend.calls.push({ cmd, args: (payload ?? {}) as Record<string, unknown> });
      return override(payload);
    }
    return backend.handle(cmd, payload);
  });
  return backend;
}

export function resetState(): void {
  clearMocks();
  resetListView();
  resetRequestListView();
  setLocale('ja');
  setEraDates(false);
  app.status = null;
  app.organisation = null;
  app.route = { name: 'holdings' };
  app.toast = null;
}

// Forms fill today's date in; the recorded writes were made on the recorded day.
beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(new Date(RECORDED_AT));
});
afterEach(() => {
  vi.useRealTimers();
  resetState();
});

export function commandsCalled(backend: ReplayBackend): string[] {
  return backend.calls.map((c) => c.cmd);
}

/** The rules the core attaches to a request view of this track and type (recorded). */
export function recordedRules(track: RequestTrack, requestType: RequestType): RequestRules {
  return new ReplayBackend('catalogue').answer<RequestRules>('$request_rules', { track, requestType });
}
