import type { Attachment } from 'svelte/attachments';

// Enter-key handling shared by every form. A Japanese IME confirms a conversion with Enter;
// WebKit fires `compositionend` before that keydown, so `isComposing` alone is false there and
// only `keyCode === 229` gives it away. Every Enter handler goes through `handleEnter`.

/** True for the Enter that confirms an IME conversion, which must never act on the form. */
export function isImeComposing(e: KeyboardEvent): boolean {
  return e.isComposing || e.keyCode === 229;
}

const TEXT_INPUT_TYPES = new Set([
  'text',
  'search',
  'email',
  'tel',
  'url',
  'number',
  'date',
  'password',
]);

/** A single-line text field, where the browser would submit the form on Enter. */
export function isTextField(target: EventTarget | null): target is HTMLInputElement {
  return target instanceof HTMLInputElement && TEXT_INPUT_TYPES.has(target.type);
}

/**
 * Runs `action` for an Enter pressed in a text field, unless an IME is composing or another
 * handler already took the key. Enter in a text field never submits the form: forms are long,
 * and a Japanese typist presses Enter constantly.
 */
export function handleEnter(e: KeyboardEvent, action: (input: HTMLInputElement) => void): void {
  if (e.key !== 'Enter' || e.defaultPrevented) return;
  if (e.isComposing || e.keyCode === 229) return;
  if (!isTextField(e.target)) return;
  e.preventDefault();
  action(e.target);
}

function isHidden(el: HTMLElement): boolean {
  const closed = el.closest('details:not([open])');
  return closed !== null && el.closest('summary') === null;
}

/** Moves the focus to the next field of the same form (the Japanese business-app convention). */
export function focusNextField(from: HTMLElement): void {
  const form = from.closest('form');
  if (!form) return;
  const fields = Array.from(
    form.querySelectorAll<HTMLElement>('input:not([type="hidden"]), select, textarea'),
  ).filter((el) => !(el as HTMLInputElement).disabled && !isHidden(el));
  const index = fields.indexOf(from);
  fields[index + 1]?.focus();
}

/**
 * The keydown handler for a whole form: Enter moves to the next field. Fields with their own
 * Enter action (list rows) carry `data-enter="own"` and are left to it.
 */
export function enterMovesToNextField(e: KeyboardEvent): void {
  const target = e.target;
  if (target instanceof HTMLElement && target.dataset.enter === 'own') return;
  if (
    e.key === 'Enter' &&
    !isImeComposing(e) &&
    target instanceof HTMLInputElement &&
    (target.type === 'checkbox' || target.type === 'radio')
  ) {
    e.preventDefault(); // some engines submit the form from a checkbox too
    return;
  }
  handleEnter(e, focusNextField);
}

/** Attaches `enterMovesToNextField` to a form (`{@attach enterNavigation}`). */
export const enterNavigation: Attachment<HTMLElement> = (element) => {
  element.addEventListener('keydown', enterMovesToNextField);
  return () => element.removeEventListener('keydown', enterMovesToNextField);
};
