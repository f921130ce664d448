/**
 * What the picker remembers for the browser tab: the chosen group and the recently chosen ones,
 * per user (and per child for a guardian). Session storage only: it ends with the tab, holds
 * opaque ids (never names), and is functional, so it needs no consent.
 * @module
 */

/** Remembered for one scope. */
export interface PickerMemory {
  selected: string | null;
  /** Most recent first. */
  recent: string[];
}

const PREFIX = 'd1-class-picker:v1:';
/** How many recent groups are listed first. */
export const RECENT_LIMIT = 5;

// Every use of sessionStorage is inside a try: blocked storage (sandboxed frames, privacy modes)
// throws on access, and a missing one (no DOM) too; neither may break the picker.

/** Reads the memory for `scope`; a missing or damaged entry reads as empty. */
export function readMemory(scope: string): PickerMemory {
  const empty: PickerMemory = { selected: null, recent: [] };
  try {
    const raw = sessionStorage.getItem(PREFIX + scope);
    if (!raw) return empty;
    const v = JSON.parse(raw) as Partial<PickerMemory>;
    return {
      selected: typeof v.selected === 'string' ? v.selected : null,
      recent: Array.isArray(v.recent)
        ? v.recent.filter((x): x is string => typeof x === 'string').slice(0, RECENT_LIMIT)
        : [],
    };
  } catch {
    return empty;
  }
}

/** Records a choice: it becomes the selection and the most recent group. */
export function rememberChoice(scope: string, groupId: string): PickerMemory {
  const before = readMemory(scope);
  const next: PickerMemory = {
    selected: groupId,
    recent: [groupId, ...before.recent.filter((id) => id !== groupId)].slice(0, RECENT_LIMIT),
  };
  try {
    sessionStorage.setItem(PREFIX + scope, JSON.stringify(next));
  } catch {
    // quota or blocked storage: the choice still applies for this page
  }
  return next;
}

/** Forgets `scope` (tests, sign-out). */
export function forgetMemory(scope: string): void {
  try {
    sessionStorage.removeItem(PREFIX + scope);
  } catch {
    /* nothing to forget */
  }
}
