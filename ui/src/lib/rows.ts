import type { Attachment } from 'svelte/attachments';

/** A click anywhere on a list row opens its record (rows carry `data-id`); the row's own
 * buttons, links and inputs keep their meaning, so they are left alone. */
export function openOnRowClick(open: (id: number) => void): Attachment<HTMLElement> {
  return (tbody) => {
    const onClick = (e: MouseEvent) => {
      const target = e.target;
      if (!(target instanceof Element) || target.closest('button, a, input')) return;
      const row = target.closest<HTMLElement>('tr[data-id]');
      if (row?.dataset.id) open(Number(row.dataset.id));
    };
    tbody.addEventListener('click', onClick);
    return () => tbody.removeEventListener('click', onClick);
  };
}
