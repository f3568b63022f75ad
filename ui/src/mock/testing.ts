// Helpers shared by the Vitest suites: a fresh mock backend and clean global state per test.
import { clearMocks, mockIPC } from '@tauri-apps/api/mocks';
import { afterEach } from 'vitest';
import { setLocale } from '../i18n/i18n.svelte';
import { app, resetListView, resetRequestListView } from '../lib/app.svelte';
import { MockBackend, installMockBackend, type MockOptions } from './backend';

export function useBackend(options: MockOptions = {}): MockBackend {
  return installMockBackend(new MockBackend(options));
}

/** Routes commands to `backend`, except those `overrides` answers (throw to reject). */
export function useBackendWith(
  backend: MockBackend,
  overrides: Record<string, (args: unknown) => unknown>,
): MockBackend {
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
  app.status = null;
  app.organisation = null;
  app.route = { name: 'holdings' };
  app.toast = null;
}

afterEach(resetState);

export function commandsCalled(backend: MockBackend): string[] {
  return backend.calls.map((c) => c.cmd);
}
