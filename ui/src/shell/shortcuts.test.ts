import { describe, expect, it } from 'vitest';
import { fireEvent, render, screen } from '@testing-library/svelte';
import { useBackend } from '../mock/testing';
import { app } from '../lib/app.svelte';
import { errorMessage } from '../lib/fields';
import { shortcutFor } from './shortcuts';
import Layout from './Layout.svelte';
import type { Organisation } from '../bindings/Organisation';

const key = (init: KeyboardEventInit, target?: EventTarget) => {
  const event = new KeyboardEvent('keydown', init);
  if (target) Object.defineProperty(event, 'target', { value: target });
  return event;
};

describe('keyboard shortcuts', () => {
  it('opens the help with ? outside a text field, never while typing or composing', () => {
    expect(shortcutFor(key({ key: '?' }))).toEqual({ kind: 'help' });
    const input = document.createElement('input');
    input.type = 'text';
    expect(shortcutFor(key({ key: '?' }, input))).toBeNull();
    expect(shortcutFor(key({ key: '?', isComposing: true }))).toBeNull();
  });

  it('puts the caret in the search box with / outside a text field or Ctrl+K anywhere', () => {
    expect(shortcutFor(key({ key: '/' }))).toEqual({ kind: 'search' });
    const input = document.createElement('input');
    input.type = 'text';
    expect(shortcutFor(key({ key: '/' }, input))).toBeNull();
    expect(shortcutFor(key({ key: 'k', code: 'KeyK', ctrlKey: true }, input))).toEqual({ kind: 'search' });
    expect(shortcutFor(key({ key: 'k', code: 'KeyK', ctrlKey: true, isComposing: true }))).toBeNull();
    expect(shortcutFor(key({ key: 'c', code: 'KeyC', ctrlKey: true }))).toBeNull();
  });

  it('opens a section with Alt and a letter, by the physical key', () => {
    expect(shortcutFor(key({ key: '˙', code: 'KeyH', altKey: true }))).toEqual({ kind: 'go', target: 'holdings' });
    expect(shortcutFor(key({ key: 'h', code: 'KeyH' }))).toBeNull();
    expect(shortcutFor(key({ key: 'q', code: 'KeyQ', altKey: true }))).toBeNull();
  });

  it('groups the sidebar and lists the shortcuts in an overlay', async () => {
    const backend = useBackend({ scenario: 'demo' });
    const organisation = backend.answer<{ organisation: Organisation }>('startup_status').organisation;
    app.organisation = organisation;
    render(Layout, { organisation });
    expect(screen.getByText('請求・事案')).toBeTruthy();
    expect(screen.getByTestId('nav-print')).toBeTruthy();
    await fireEvent.keyDown(window, { key: '?' });
    const help = await screen.findByTestId('shortcut-help');
    expect(help.textContent).toContain('個人情報管理台帳');
    await fireEvent.click(screen.getByTestId('shortcut-help-close'));
    expect(screen.queryByTestId('shortcut-help')).toBeNull();
    await fireEvent.keyDown(window, { key: 'r', code: 'KeyR', altKey: true });
    expect(app.route.name).toBe('requests');
  });
});

describe('field errors comparing two dates', () => {
  it('name the other date in the user language, never the core English', () => {
    const error = { field: 'decision.decidedOn', code: 'dateOrder' as const, limit: null, other: 'identity.checkedOn', message: 'the decision is dated …' };
    expect(errorMessage(error)).toBe('「確認日」以降の日付を入力してください');
    // An unknown path is not shown: the generic message instead.
    expect(errorMessage({ ...error, other: 'noSuchField' })).toBe('前の日付より後の日付を入力してください');
  });
});
