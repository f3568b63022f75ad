// Application-wide state: what the backend said at startup, the organisation, the current
// screen and the transient toast. Screens load their own records through the API.
import type { Organisation } from '../bindings/Organisation';
import type { StartupStatus } from '../bindings/StartupStatus';
import { startupStatus } from '../api/commands';
import { setEraDates, type MessageKey, type Params } from '../i18n/i18n.svelte';
import type { SectionKind } from '../api/sectionRecords';

export type Route =
  | { name: 'dashboard' }
  | { name: 'requests' }
  | { name: 'request'; id: number }
  | { name: 'newRequest' }
  | { name: 'editRequest'; id: number }
  | { name: 'complaints' }
  | { name: 'complaint'; id: number }
  | { name: 'newComplaint' }
  | { name: 'holdings' }
  | { name: 'holding'; id: number }
  | { name: 'new' }
  | { name: 'edit'; id: number }
  | { name: 'organisation' }
  | { name: 'settings' }
  | { name: 'sectionList'; kind: SectionKind }
  | { name: 'sectionRecord'; kind: SectionKind; id: number }
  | { name: 'sectionNew'; kind: SectionKind; holdingId?: number }
  | { name: 'sectionEdit'; kind: SectionKind; id: number }
  | { name: 'quality' }
  | { name: 'subcontractors' }
  | { name: 'subcontractor'; id: number }
  | { name: 'newSubcontractor'; parentId?: number }
  | { name: 'editSubcontractor'; id: number }
  | { name: 'jointUses' }
  | { name: 'jointUse'; id: number }
  | { name: 'newJointUse' }
  | { name: 'editJointUse'; id: number }
  | { name: 'transfers' }
  | { name: 'transfer'; id: number }
  | { name: 'newTransfer'; subcontractorId?: number }
  | { name: 'editTransfer'; id: number }
  | { name: 'incidents' }
  | { name: 'incident'; id: number }
  | { name: 'newIncident' }
  | { name: 'editIncident'; id: number }
  | { name: 'print' }
  | { name: 'changeLog' }
  | { name: 'management' };

/** A message key rather than text, so that a toast follows a language switch while shown. */
export type Toast = { id: number; key: MessageKey; params?: Params; tone: 'ok' | 'error' };

export const app = $state<{
  status: StartupStatus | null;
  organisation: Organisation | null;
  route: Route;
  toast: Toast | null;
}>({
  status: null,
  organisation: null,
  route: { name: 'dashboard' },
  toast: null,
});

/** How long after it appears a toast still goes with the user to the next screen: a save shows
 * 保存しました and opens the saved record at once, and the message belongs there; a toast the user
 * has already seen leaves with its screen instead of covering the buttons of the next. */
const TOAST_CARRIED_MS = 1000;

export function navigate(route: Route): void {
  if (app.toast && Date.now() - toastShownAt > TOAST_CARRIED_MS) dismissToast();
  app.route = route;
  if (typeof document !== 'undefined') {
    document.getElementById('main-content')?.scrollTo?.({ top: 0 });
  }
}

let toastSeq = 0;
let toastShownAt = 0;
let toastTimer: ReturnType<typeof setTimeout> | undefined;

export function showToast(
  key: MessageKey,
  params?: Params,
  tone: Toast['tone'] = 'ok',
  ms = 3500,
): void {
  toastSeq += 1;
  app.toast = { id: toastSeq, key, params, tone };
  toastShownAt = Date.now();
  clearTimeout(toastTimer);
  const id = toastSeq;
  toastTimer = setTimeout(() => {
    if (app.toast?.id === id) app.toast = null;
  }, ms);
}

/** Removes the toast at once, e.g. a lingering 保存しました when a form reports errors. */
export function dismissToast(): void {
  clearTimeout(toastTimer);
  app.toast = null;
}

/** The list screen's filters and sort order, kept while the user visits a record. */
export type SortKey =
  | 'ledgerNo'
  | 'name'
  | 'department'
  | 'items'
  | 'approxCount'
  | 'medium'
  | 'retention'
  | 'lastReview';

export type ListView = {
  query: string;
  department: string;
  sensitive: boolean;
  myNumber: boolean;
  overdue: boolean;
  sortKey: SortKey;
  sortDir: 'asc' | 'desc';
};

function defaultListView(): ListView {
  return {
    query: '',
    department: '',
    sensitive: false,
    myNumber: false,
    overdue: false,
    sortKey: 'ledgerNo',
    sortDir: 'asc',
  };
}

export const listView = $state<ListView>(defaultListView());

export function resetListView(): void {
  Object.assign(listView, defaultListView());
}

export function clearListFilters(): void {
  const { sortKey, sortDir } = listView;
  Object.assign(listView, defaultListView(), { sortKey, sortDir });
}

/** Reads the startup status again (after the demo or an import filled the register). */
export async function refreshStatus(): Promise<StartupStatus> {
  const status = await startupStatus();
  app.status = status;
  app.organisation = status.organisation;
  setEraDates(status.eraDates);
  return status;
}

/** The request list's filters, kept while the user visits a request. */
export type RequestListView = { status: string; type: string; overdue: boolean };

export const requestListView = $state<RequestListView>({ status: 'open', type: '', overdue: false });

export function resetRequestListView(): void {
  Object.assign(requestListView, { status: 'open', type: '', overdue: false });
}
