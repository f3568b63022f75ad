import { describe, expect, it, vi } from 'vitest';
import { handleEnter, isImeComposing } from './keys';

function keydown(init: KeyboardEventInit, keyCode?: number): KeyboardEvent {
  const event = new KeyboardEvent('keydown', { bubbles: true, cancelable: true, ...init });
  if (keyCode !== undefined) Object.defineProperty(event, 'keyCode', { value: keyCode });
  return event;
}

function fire(event: KeyboardEvent, action: () => void): KeyboardEvent {
  const input = document.createElement('input');
  input.type = 'text';
  document.body.append(input);
  input.addEventListener('keydown', (e) => handleEnter(e, action));
  input.dispatchEvent(event);
  input.remove();
  return event;
}

describe('Enter handling under an IME', () => {
  it('recognises a composing Enter by isComposing or by keyCode 229', () => {
    expect(isImeComposing(keydown({ key: 'Enter', isComposing: true }))).toBe(true);
    expect(isImeComposing(keydown({ key: 'Enter' }, 229))).toBe(true);
    expect(isImeComposing(keydown({ key: 'Enter' }))).toBe(false);
  });

  it('does not act on, or cancel, the Enter that confirms a conversion', () => {
    const action = vi.fn();
    expect(fire(keydown({ key: 'Enter', isComposing: true }), action).defaultPrevented).toBe(false);
    expect(fire(keydown({ key: 'Enter' }, 229), action).defaultPrevented).toBe(false);
    expect(action).not.toHaveBeenCalled();
  });

  it('acts on a plain Enter and keeps it from submitting the form', () => {
    const action = vi.fn();
    expect(fire(keydown({ key: 'Enter' }), action).defaultPrevented).toBe(true);
    expect(fire(keydown({ key: 'a' }), action).defaultPrevented).toBe(false);
    expect(action).toHaveBeenCalledTimes(1);
  });
});
