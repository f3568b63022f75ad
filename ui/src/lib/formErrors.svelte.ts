// The field errors of one form: what its inline messages and its ErrorSummary show, and the
// way they come and go. Every form keys its fields' element ids differently, so it says how.
import { tick } from 'svelte';
import type { FieldError } from '../bindings/FieldError';
import { dismissToast } from './app.svelte';
import { errorsByPath, focusFirstInvalid } from './fields';

export class FormErrors {
  list = $state<FieldError[]>([]);
  form = $state<HTMLFormElement | null>(null);
  summary = $state<HTMLElement | null>(null);
  #byPath = $derived(errorsByPath(this.list));
  #idFor: (path: string) => string;

  constructor(idFor: (path: string) => string) {
    this.#idFor = idFor;
  }

  // Arrow properties: the forms hand these on as callbacks (TextList's errorFor, oninput).

  at = (path: string): FieldError | undefined => this.#byPath.get(path);

  /** Also an error below `path`, for a control that stands for a whole list (`holdingIds[1]`). */
  within = (path: string): FieldError | undefined =>
    this.#byPath.get(path) ??
    this.list.find((e) => e.field.startsWith(`${path}[`) || e.field.startsWith(`${path}.`));

  show = async (list: FieldError[]): Promise<void> => {
    this.list = list;
    dismissToast(); // an earlier 保存しました must not stand next to 「まだ保存していません」
    await tick();
    focusFirstInvalid(this.form, this.summary);
  };

  /** Editing a field clears its error; the next save checks everything again. */
  clearOf = (e: Event): void => {
    const target = e.target;
    if (!(target instanceof HTMLElement) || !target.id) return;
    if (this.list.some((err) => this.#idFor(err.field) === target.id)) {
      this.list = this.list.filter((err) => this.#idFor(err.field) !== target.id);
    }
  };

  /** Rows moved or removed: errors about that list no longer point at the right rows. */
  clearList = (path: string): void => {
    this.list = this.list.filter((e) => e.field !== path && !e.field.startsWith(`${path}[`));
  };

  clear(): void {
    this.list = [];
  }
}
