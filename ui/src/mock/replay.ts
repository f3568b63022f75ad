// The mock backend: a replay of the core's recorded answers (ui/src/mock/fixtures, written by
// tests/mock_fixtures.rs). It computes no rule of its own — no deadline, status or validation —
// so a UI test checks what the UI does with the core's real answers, and cannot pass against
// a rule the core does not have. A command the core was not recorded answering rejects loudly:
// record it in tests/mock_fixtures.rs rather than answering it here.
import { mockIPC } from '@tauri-apps/api/mocks';

type Args = Record<string, unknown>;
type Entry = { args: Args; ok?: unknown; err?: unknown; then?: string };
/** One recorded state: `$parent`, then the entries of each command (see tests/mock_fixtures.rs). */
type State = { $parent: string | null } & Record<string, Entry[]>;

// One file per state, named by its path (`./fixtures/demo/en.json` is `demo/en`). Loaded
// untyped: TypeScript would otherwise infer a type for every recorded answer.
const FILES = import.meta.glob<State>('./fixtures/**/*.json', { eager: true, import: 'default' });
const STATES: Record<string, State> = Object.fromEntries(
  Object.entries(FILES).map(([path, state]) => [path.replace(/^\.\/fixtures\//, '').replace(/\.json$/, ''), state]),
);

/** The recorded states a backend can start in (`demo/en`, `locked`, …). */
export type StateName = string;

/** Arguments as the recording keys them: sorted keys, `undefined` dropped (as Tauri drops it). */
export function canonical(value: unknown): string {
  return JSON.stringify(value ?? {}, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v as Args).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : v,
  );
}

function asArgs(payload: unknown): Args {
  return typeof payload === 'object' && payload !== null && !Array.isArray(payload) ? (payload as Args) : {};
}

export class ReplayBackend {
  /** Every command the UI made, in order, with its arguments (what tests assert on). */
  calls: { cmd: string; args: Args }[] = [];
  state: StateName;

  constructor(state: StateName = 'demo') {
    if (!STATES[state]) throw new Error(`mock: no recorded state "${state}"`);
    this.state = state;
  }

  /** The recorded entry for `cmd` with `args` in the current state or the nearest ancestor. */
  private lookup(cmd: string, args: Args): Entry | undefined {
    const key = canonical(args);
    for (let name: string | null = this.state; name; name = STATES[name]?.$parent ?? null) {
      const entries = cmd === '$parent' ? undefined : STATES[name]?.[cmd];
      const found = Array.isArray(entries) ? entries.find((e) => canonical(e.args) === key) : undefined;
      if (found) return found;
    }
    return undefined;
  }

  /** What the core answered; a write that succeeded moves to the state it was recorded to lead to. */
  handle(cmd: string, payload: unknown): unknown {
    const args = asArgs(payload);
    this.calls.push({ cmd, args });
    const entry = this.lookup(cmd, args);
    if (!entry) {
      throw new Error(`mock: nothing recorded for ${cmd} ${canonical(args)} in state "${this.state}"`);
    }
    if ('err' in entry) throw structuredClone(entry.err);
    if (entry.then) this.state = entry.then;
    return structuredClone(entry.ok ?? null);
  }

  /** A recorded answer, for a test to pick its record (throws when none was recorded). */
  answer<T>(cmd: string, args: Args = {}): T {
    const entry = this.lookup(cmd, args);
    if (!entry || 'err' in entry) throw new Error(`mock: no ok answer for ${cmd} ${canonical(args)}`);
    return structuredClone(entry.ok) as T;
  }

  /** Plays a recorded write as another window would, without counting it as the UI's call. */
  elsewhere(cmd: string, args: Args): void {
    const calls = this.calls.length;
    this.handle(cmd, args);
    this.calls.length = calls;
  }
}

/** Routes every `invoke` to `backend`; a missing recording rejects the promise. */
export function installReplay(backend: ReplayBackend): ReplayBackend {
  // Events (backup toasts, print progress) are mocked too: nothing in the replay emits them.
  mockIPC((cmd, payload) => backend.handle(cmd, payload), { shouldMockEvents: true });
  return backend;
}
