// The keyboard shortcuts of the main frame, in one table: the help overlay (`?`) lists them
// from here, so what it shows is what the keys do.
import { isTextField } from '../lib/keys';

/** The sidebar entries a shortcut opens (the Layout's `Section` names). */
export type ShortcutTarget =
  | 'dashboard'
  | 'holdings'
  | 'requests'
  | 'complaints'
  | 'incidents'
  | 'organisation'
  | 'settings'
  | 'print';

/** Alt + the letter: Alt, because a plain letter is text in every field and an IME's input. */
export const SHORTCUTS: readonly { key: string; target: ShortcutTarget }[] = [
  { key: 'd', target: 'dashboard' },
  { key: 'h', target: 'holdings' },
  { key: 'r', target: 'requests' },
  { key: 'c', target: 'complaints' },
  { key: 'i', target: 'incidents' },
  { key: 'o', target: 'organisation' },
  { key: 's', target: 'settings' },
  { key: 'p', target: 'print' },
];

function typingIn(target: EventTarget | null): boolean {
  return (
    isTextField(target) ||
    target instanceof HTMLTextAreaElement ||
    target instanceof HTMLSelectElement ||
    (target instanceof HTMLElement && target.isContentEditable)
  );
}

export type ShortcutAction =
  | { kind: 'help' }
  | { kind: 'search' }
  | { kind: 'go'; target: ShortcutTarget }
  | null;

/** What a key press asks for, or null: `?` outside a text field opens the help, `/` outside
 * a text field or Ctrl+K anywhere puts the caret in the search box, Alt + a letter opens a
 * section anywhere; nothing while an IME composes. */
export function shortcutFor(e: KeyboardEvent): ShortcutAction {
  if (e.isComposing || e.keyCode === 229) return null;
  if ((e.ctrlKey || e.metaKey) && !e.altKey && !e.shiftKey && e.code === 'KeyK') return { kind: 'search' };
  if (e.ctrlKey || e.metaKey) return null;
  if (e.key === '?' && !e.altKey && !typingIn(e.target)) return { kind: 'help' };
  if (e.key === '/' && !e.altKey && !typingIn(e.target)) return { kind: 'search' };
  if (!e.altKey || e.shiftKey) return null;
  // `code` rather than `key`: Alt + a letter gives other characters on some layouts.
  const letter = /^Key([A-Z])$/.exec(e.code)?.[1]?.toLowerCase();
  const found = SHORTCUTS.find((s) => s.key === letter);
  return found ? { kind: 'go', target: found.target } : null;
}
