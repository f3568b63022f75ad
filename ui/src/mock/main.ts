// Mock mode: the real UI against the core's recorded answers (./replay.ts), for looking at
// screens without Rust. Used only through mock.html (`npm run mock`, `npm run build:mock`);
// index.html never loads it. Only what tests/mock_fixtures.rs recorded can be shown: a screen
// that needs another answer fails with the command named, and is recorded there.
//
// Query parameters:
//   scenario=demo|empty|setup|locked|new|unencrypted|unopenable|tooNew|demo/en   (a recorded state)
//   lang=en   the demo with English saved as its language
//   route=dashboard|requests|complaints|newRequest|newComplaint|holdings|new|organisation|settings|
//         holding-<id>|edit-<id>|request-<id>|editRequest-<id>|complaint-<id>|
//         subcontractors|jointUses|transfers|newSubcontractor|newJointUse|newTransfer|
//         subcontractor-<id>|jointUse-<id>|transfer-<id>|edit{Subcontractor,JointUse,Transfer}-<id>
//   click=<testid>,<testid>,…   (clicked in order once the screen is up, e.g. holding-save)
//   scroll=<testid>   scrolls that element into view afterwards
import { mount, tick } from 'svelte';
import '../styles/global.css';
import App from '../App.svelte';
import { app, type Route } from '../lib/app.svelte';
import { installReplay, ReplayBackend } from './replay';

const params = new URLSearchParams(location.search);
const scenario = params.get('scenario') ?? (params.get('lang') === 'en' ? 'demo/en' : 'demo');

const backend = installReplay(new ReplayBackend(scenario));
(window as unknown as { mockBackend: ReplayBackend }).mockBackend = backend;

/** Subcontractor, joint-use and transfer screens: `subcontractor-3`, `jointUses`, … */
function parseSharingRoute(value: string): Route | null {
  const match = /^(subcontractor|editSubcontractor|jointUse|editJointUse|transfer|editTransfer)-(\d+)$/.exec(value);
  if (match) return { name: match[1] as 'subcontractor', id: Number(match[2]) };
  switch (value) {
    case 'subcontractors':
    case 'newSubcontractor':
    case 'jointUses':
    case 'newJointUse':
    case 'transfers':
    case 'newTransfer':
      return { name: value };
    default:
      return null;
  }
}

function parseRoute(value: string | null): Route {
  if (!value) return { name: 'dashboard' };
  const sharing = parseSharingRoute(value);
  if (sharing) return sharing;
  const match = /^(holding|edit|request|editRequest|complaint)-(\d+)$/.exec(value);
  if (match) {
    const id = Number(match[2]);
    switch (match[1]) {
      case 'edit':
        return { name: 'edit', id };
      case 'request':
        return { name: 'request', id };
      case 'editRequest':
        return { name: 'editRequest', id };
      case 'complaint':
        return { name: 'complaint', id };
      default:
        return { name: 'holding', id };
    }
  }
  switch (value) {
    case 'new':
    case 'organisation':
    case 'settings':
    case 'holdings':
    case 'requests':
    case 'complaints':
    case 'newRequest':
    case 'newComplaint':
      return { name: value };
    default:
      return { name: 'dashboard' };
  }
}
app.route = parseRoute(params.get('route'));

const target = document.getElementById('app');
if (!target) throw new Error('missing #app');
mount(App, { target });

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const clicks = (params.get('click') ?? '').split(',').filter(Boolean);
void (async () => {
  for (const testid of clicks) {
    for (let i = 0; i < 50; i += 1) {
      const el = document.querySelector<HTMLElement>(`[data-testid="${testid}"]`);
      if (el) {
        el.click();
        break;
      }
      await sleep(20);
    }
    await tick();
    await sleep(60);
  }
  const scrollTo = params.get('scroll');
  if (scrollTo) {
    await sleep(150);
    document.querySelector(`[data-testid="${scrollTo}"]`)?.scrollIntoView({ block: 'start' });
  }
})();
