import { LitElement, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import type {
  AcademicSession,
  Group,
  LoadProgress,
  Organization,
  PlatformContext,
  RoleAssignment,
  RosterGroups,
  User,
} from '@digione/context';
import {
  AnnouncerController,
  LocaleController,
  PlatformLink,
  PopoverController,
  ThemeController,
  VirtualListController,
  baseStyles,
  fire,
  controlStyles,
  uniqueId,
  type CatalogKey,
} from '../shared/index.js';
import { messages } from './messages.js';
import { classPickerStyles } from './class-picker.styles.js';
import { KeySearch } from './search.js';
import {
  buildCatalog,
  buildRows,
  orderEntries,
  rowOfGroup,
  stepOption,
  type Catalog,
  type Entry,
  type Row,
  type RowSet,
  type Section,
} from './model.js';
import { optionDetails, optionLabel } from './labels.js';
import { readMemory, rememberChoice, type PickerMemory } from './storage.js';

/** Detail of `d1-group-change`. */
export interface GroupChangeDetail {
  group: Group;
  /**
   * `user`: chosen now; `restore`: the tab's earlier choice, restored after a reload, or a
   * `value` given from outside (a deep link, the back button) that the store did not have yet.
   */
  source: 'user' | 'restore';
}

/** Fired when the active group changes by the user's choice (or its restore after a reload). */
export type GroupChangeEvent = CustomEvent<GroupChangeDetail>;

/**
 * How well a guardian role fits a child with these groups: 2 at the child's school and naming the
 * child's class (or no class), 1 at the school but naming another class (a sibling's: MPASSid gives
 * a guardian one role per child, told apart by `groupLabel`), 0 elsewhere or not known yet.
 */
const fit = (r: RoleAssignment | null | undefined, groups: readonly Group[] = []): number =>
  r?.role !== 'guardian' || !groups.some((g) => g.schoolId === r.orgId)
    ? 0
    : !r.groupLabel || groups.some((g) => g.schoolId === r.orgId && g.title === r.groupLabel)
      ? 2
      : 1;

/** A pupil a guardian can switch to. */
export interface PupilOption {
  id: string;
  displayName: string;
}

/** Loads the groups for the picker (standalone use); `childId` is the chosen pupil for a guardian. */
export type GroupLoader = (request: {
  childId: string | null;
  signal: AbortSignal;
  onProgress: (progress: LoadProgress) => void;
}) => Promise<RosterGroups>;

type MessageKey = CatalogKey<typeof messages>;
type Status = 'idle' | 'signed-out' | 'loading' | 'ready' | 'error';

/** Options moved by PageUp / PageDown. */
const PAGE = 10;
/** Quiet time before the result count is read out, so typing is not talked over. */
const ANNOUNCE_DELAY = 600;
/** One empty array, so "not given" compares equal between updates. */
const NONE: never[] = [];
const NO_GROUPS: RosterGroups = { groups: [], organizations: [], sessions: [] };
const EMPTY_ROWS: RowSet = { rows: [], count: 0, pos: new Uint32Array(0) };
const RECENT_SECTION: Section = { school: '', session: '', recent: true };

/**
 * Choose the active group (class or teaching group): an ARIA 1.2 combobox over a virtualized
 * listbox, grouped by school and academic session, recent groups first, with Finnish collation
 * and search (å, ä, ö are letters of their own; other accents fold).
 *
 * Inside `<d1-platform>` it loads the signed-in user's groups from the roster service, shows a
 * child switcher first for a guardian, and writes the choice to the store's `activeGroup`. A
 * guardian's `activeRole` follows the chosen child (the guardian role at that child's school), and
 * a role switched elsewhere brings the child at that school.
 * Standalone, give it `groups` (with `organizations` and `sessions` to name schools and sessions)
 * or a `loader`. The choice (and a guardian's child) survives a reload of the tab (session
 * storage, per user).
 *
 * Keys (focus stays in the input): ArrowDown / ArrowUp open and move, Alt+ArrowDown opens,
 * Alt+ArrowUp closes, Home / End and PageUp / PageDown move while open, Enter chooses, Escape
 * closes and a second Escape clears the search, Tab closes without choosing; typing filters.
 *
 * @summary Choose the active group, fast, for any number of groups.
 * @fires {CustomEvent} d1-group-change - `{ group, source }` when the user chooses a group (or after a reload, `source: 'restore'`).
 * @csspart label - The visible label.
 * @csspart input - The combobox input.
 * @csspart listbox - The list of groups.
 * @csspart status - Loading, empty, error and signed-out messages.
 * @cssprop --d1-class-picker-width - Width of the control (default 22rem).
 * @cssprop --d1-class-picker-list-height - Maximum height of the open list (default 22rem).
 * @cssprop --d1-class-picker-bg - Background of the open list.
 * @cssprop --d1-class-picker-background - Background behind the label and field (default: the theme's surface, so text keeps its contrast on any page).
 */
export class D1ClassPicker extends LitElement {
  static override styles = [baseStyles, controlStyles, classPickerStyles];

  static override properties = {
    value: {},
    groups: { attribute: false },
    organizations: { attribute: false },
    sessions: { attribute: false },
    loader: { attribute: false },
    pupils: { attribute: false },
    labelHidden: { type: Boolean, attribute: 'label-hidden', reflect: true },
    _status: { state: true },
    _progress: { state: true },
    _data: { state: true },
    _open: { state: true },
    _text: { state: true },
    _typed: { state: true },
    _activeRow: { state: true },
    _pupilsPending: { state: true },
    _pupils: { state: true },
    _childId: { state: true },
  };

  /**
   * The chosen group's id (`sourcedId`); never shown. It stays as set (a deep link may name a group
   * before the groups load); while no loaded group has it, the field is empty and
   * {@link selectedGroup} is null: read `selectedGroup` to act on a group that is there.
   */
  value: string | null = null;

  /** Groups to choose from (standalone). When set, the platform's roster is not asked. */
  groups?: Group[];

  /** Organisations named by the groups' `schoolId` (standalone). */
  organizations?: Organization[];

  /** Academic sessions named by the groups' `sessionIds` (standalone). */
  sessions?: AcademicSession[];

  /** Loads the groups (standalone, when `groups` is not given): loading, error and retry are shown for it. */
  loader?: GroupLoader;

  /** Pupils of a guardian (standalone): a child switcher is shown first and `loader` gets the chosen `childId`. */
  pupils?: PupilOption[];

  /** Hide the visible label (it stays the accessible name): for tight headers. */
  labelHidden = false;

  // Fields read only as true/false or only after they are first set start unset (undefined): an
  // initial value would be one more assignment in the constructor for nothing.
  private _status: Status = 'idle';
  private _progress?: LoadProgress | null;
  private _data?: RosterGroups | null;
  private _open = false;
  private _text = '';
  /** The text in the input was typed (it filters the list), not put there for the chosen group. */
  private _typed?: boolean;
  private _activeRow = -1;
  private _pupilsPending?: boolean;
  private _pupils: PupilOption[] = [];
  private _childId: string | null = null;

  #l10n = new LocaleController(this, messages);
  #t = this.#l10n.t;
  #announcer = new AnnouncerController(this);
  #uid = uniqueId('d1-class-picker');
  #catalog?: Catalog | null;
  #catalogKey: unknown[] = [];
  /** Made by the first #prepare (before any render): #recent starts unset, so that one always reorders. */
  #entries!: Entry[];
  #search!: KeySearch;
  #rows: RowSet = EMPTY_ROWS;
  #memory: PickerMemory = { selected: null, recent: [] };
  /** Set (never empty) by #setScope before any group can be chosen. */
  #scope!: string;
  #loadKey = '';
  #abort?: AbortController | null;
  #pupilsKey = '';
  #loadSource: unknown;
  #scrollPending?: boolean;
  /** Only the rows in view are rendered; the listbox is the scroller. */
  #list = new VirtualListController<Row>(this, {
    scroller: () => (this._open ? this.renderRoot.querySelector<HTMLElement>('[role="listbox"]') : null),
    items: () => this.#rows.rows,
    // rows are made once per entry and section: the row itself is its key (no string per row)
    key: (row) => row,
    // about 20 rows in the DOM: a short list renders whole, a keystroke renders little
    overscan: 8,
  });
  /**
   * Mirrored from the store by #apply: the signed-in user and whether they act as a guardian.
   * Plain fields: PlatformLink re-renders the host after every state it reports.
   */
  #user?: User | null;
  #guardian?: boolean;
  /**
   * What the store said last (the user's id is #user's). Unset until the first state, which
   * PlatformLink always reports as `attached`: #apply compares with these only after that.
   */
  #storeGroupId?: string | null;
  #storeChildId?: string | null;
  #storeRole?: RoleAssignment | null;
  /** The groups of each child whose groups were loaded: a guardian's role follows the child, and back. */
  #groupsOf = new Map<string, readonly Group[]>();
  #recent?: readonly string[];
  #lastRowsQuery?: string | null;
  #announceTimer?: ReturnType<typeof setTimeout>;
  /** Inside `<d1-platform>`: the store (mirrored by #apply) and the roster service. */
  #platform = new PlatformLink(this, (s, attached) => this.#apply(s, attached));

  constructor() {
    super();
    new ThemeController(this);
    new PopoverController(this, {
      isOpen: () => this._open,
      anchor: () => this.renderRoot.querySelector<HTMLElement>('.field'),
      panel: () => this.renderRoot.querySelector<HTMLElement>('.d1-panel'),
    });
  }

  /** The chosen group, once the groups are loaded and while one of them has the `value` id; else null. */
  get selectedGroup(): Group | null {
    return (this.value && this.#catalog?.byId.get(this.value)?.group) || null;
  }

  /** Load the groups again (after an error, or to pick up changes). */
  reload(): void {
    this.#loadKey = this.#pupilsKey = '';
    this.requestUpdate();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    // an aborted controller may stay: aborting it again does nothing
    this.#abort?.abort();
    this.#loadKey = this.#pupilsKey = '';
    clearTimeout(this.#announceTimer);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    this.#resolvePupils();
    this.#maybeLoad();
    this.#prepare(changed);
  }

  protected override render(): TemplateResult {
    const t = this.#t;
    const expanded = this._open && this.#ready;
    const inputId = `${this.#uid}-input`;
    const listId = `${this.#uid}-list`;
    const statusId = `${this.#uid}-status`;
    const status = this.#renderStatus();
    // the window first: aria-activedescendant may point only at an option this render puts in the
    // DOM (a reference to a missing element is read as nothing)
    const rows = expanded ? this.#list.render((row, i) => this.#renderRow(row, i)) : nothing;
    const active = this.#entryAt(this._activeRow);
    const activeId =
      expanded && active && this.#list.isRendered(this._activeRow) ? this.#optionId(active) : nothing;
    return html`<div class="wrap">
      ${this.#renderPupils()}
      <label class="label" part="label" for=${inputId}>${t('label')}</label>
      <div class="field">
        <input
          id=${inputId}
          class="d1-input"
          part="input"
          type="text"
          role="combobox"
          autocomplete="off"
          autocapitalize="off"
          spellcheck="false"
          aria-autocomplete="list"
          aria-expanded=${String(expanded)}
          aria-controls=${listId}
          aria-activedescendant=${activeId}
          aria-describedby=${status ? statusId : nothing}
          placeholder=${t('placeholder')}
          .value=${this._text}
          @input=${this.#onInput}
          @keydown=${this.#onKeydown}
          @click=${this.#open}
          @focus=${this.#onFocus}
          @blur=${this.#onBlur}
        />
        <button
          class="d1-icon-button"
          type="button"
          tabindex="-1"
          aria-label=${t('toggle')}
          aria-expanded=${String(expanded)}
          aria-controls=${listId}
          @pointerdown=${this.#keepFocus}
          @click=${this.#onToggle}
        >
          <span class="d1-chevron" aria-hidden="true"></span>
        </button>
      </div>
      <div class="d1-panel" ?hidden=${!expanded} @pointerdown=${this.#keepFocus}>
        <div
          id=${listId}
          role="listbox"
          part="listbox"
          tabindex="-1"
          aria-label=${t('listbox')}
          @click=${this.#onListClick}
        >
          ${rows}
        </div>
        ${this.#rows.count === 0 ? html`<p class="message">${t('noMatches')}</p>` : nothing}
      </div>
      ${status ? html`<div id=${statusId} class="status" part="status">${status}</div>` : nothing}
    </div>`;
  }

  protected override updated(): void {
    // bring the active row into view ("nearest" leaves a visible row where it is); a row outside
    // the window is rendered first, and that render points aria-activedescendant at it
    if (this.#scrollPending && this._open) void this.#list.scrollToIndex(this._activeRow);
    this.#scrollPending = false;
  }

  // ---- data ------------------------------------------------------------------------------------

  /** Mirror the store: user, role, the guardian's child and an activeGroup set by someone else. */
  #apply(s: Readonly<PlatformContext>, attached: boolean): void {
    // a newly found store: its first look only adopts what it has
    const userChanged = s.user?.id !== this.#user?.id;
    // a sign-in, the session restored after a reload, or a newly found store
    const fresh = attached || userChanged;
    if (!attached && userChanged) {
      // another person signed in (or out): nothing of the previous one's choice carries over
      this.value = null;
      this._childId = null;
      this._text = '';
      this.#groupsOf.clear();
      this.#close(false);
    }
    this.#user = s.user;
    const role = s.activeRole;
    this.#guardian = role?.role === 'guardian';
    const child = s.activeChildId;
    if (this.#guardian) {
      if (fresh || child !== this.#storeChildId) {
        // a sign-in sets the first child: the child this tab chose last (still theirs) wins, and
        // #resolvePupils writes it back to the store
        const kept = fresh && readMemory(this.#childScope()).selected;
        const id = kept && s.user?.agentIds?.includes(kept) ? kept : child;
        if (id) this._childId = id;
      } else if (role !== this.#storeRole) {
        // a guardian role switched (login bar): the child at that school follows, once known
        // (siblings at one school: the child whose class the role names)
        const fitOf = (id: string | null) => fit(role, this.#groupsOf.get(id ?? ''));
        const ids = s.user?.agentIds ?? [];
        const now = fitOf(this._childId);
        const next =
          this.#groupsOf.has(this._childId!) &&
          now < 2 &&
          (ids.find((id) => fitOf(id) === 2) ??
            (now ? undefined : ids.find((id) => fitOf(id) || !this.#groupsOf.has(id))));
        if (next) this.#setChild(next);
      }
    }
    this.#storeChildId = child;
    this.#storeRole = role;
    const groupId = s.activeGroup?.id ?? null;
    // the first look only adopts a group the store has; later, every change is followed
    if (attached ? groupId : groupId !== this.#storeGroupId) {
      this.value = groupId;
      if (!this._open) this.#restoreText();
    }
    this.#storeGroupId = groupId;
  }

  /** A guardian's children: from the standalone `pupils`, or the roster (names), or the user's agents. */
  #resolvePupils(): void {
    if (this.pupils) {
      // the same array again is no change (lit compares before it updates)
      this._pupils = this.pupils;
    } else if (this.#platform.store && this.#guardian && this.#user) {
      const user = this.#user;
      if (user.id !== this.#pupilsKey) {
        const key = (this.#pupilsKey = user.id);
        // numbered until the roster names them: a sourcedId is never shown
        this._pupils = (user.agentIds ?? []).map((id, i) => ({
          id,
          displayName: this.#t('childN', { n: i + 1 }),
        }));
        const roster = this.#platform.services?.roster;
        if (roster?.childrenOf) {
          this._pupilsPending = true;
          roster
            .childrenOf(user.id)
            .then((kids) => {
              if (this.#pupilsKey !== key) return;
              // a User is a PupilOption (id, displayName)
              if (kids.length || !this._pupils.length) this._pupils = kids;
            })
            .catch((err: unknown) => console.warn('[d1-class-picker] loading the children failed', err))
            .finally(() => {
              if (this.#pupilsKey === key) this._pupilsPending = false;
            });
        }
      }
    } else if (this._pupils.length) {
      this._pupils = [];
      this.#pupilsKey = '';
    }
    if (this._pupils.length && !this._pupils.some((p) => p.id === this._childId)) {
      const remembered = readMemory(this.#childScope()).selected;
      this._childId = this._pupils.find((p) => p.id === remembered)?.id ?? this._pupils[0]!.id;
    }
    const store = this.#platform.store;
    if (this.#guardian && this._childId && store && store.get().activeChildId !== this._childId) {
      store.update({ activeChildId: this._childId });
    }
  }

  /** Start a load when what to load changed (user, child, loader); abort the one before. */
  #maybeLoad(): void {
    if (this.groups) {
      this.#setScope();
      this.#abort?.abort();
      this.#loadKey = 'groups';
      this._status = 'ready';
      return;
    }
    let key = '';
    let run: GroupLoader | null = null;
    const childless = (this.#guardian || !!this.pupils?.length) && !this._childId;
    const roster = this.#platform.services?.roster;
    if (this.loader) {
      key = `loader:${this._childId ?? ''}`;
      run = this.loader;
    } else if (this.#platform.store && this.#user && roster) {
      const forId = this.#guardian ? this._childId : this.#user.id;
      key = `roster:${this.#user.id}:${forId ?? ''}`;
      run = forId ? ({ signal, onProgress }) => roster.groupsForUser(forId, { signal, onProgress }) : null;
    } else if (this.#platform.store && !this.#user) {
      this.#abort?.abort();
      this.#loadKey = '';
      this._status = 'signed-out';
      this._data = null;
      return;
    }
    if (key) this.#setScope();
    // a new loader or roster service loads again, even for the same user
    const source = this.loader ?? roster;
    if (source !== this.#loadSource) {
      this.#loadSource = source;
      this.#loadKey = '';
    }
    if (key === this.#loadKey) return;
    this.#loadKey = key;
    this.#abort?.abort();
    if (childless) {
      // a guardian without (known) children: wait for the roster's answer, then say so
      this._status = this._pupilsPending ? 'loading' : 'ready';
      this._data = NO_GROUPS;
      if (this._pupilsPending) this.#loadKey = '';
      return;
    }
    if (!run) {
      this._status = 'idle';
      return;
    }
    void this.#load(run);
  }

  async #load(run: GroupLoader): Promise<void> {
    const ac = new AbortController();
    const { signal } = ac;
    const childId = this._childId;
    this.#abort = ac;
    this._status = 'loading';
    this._progress = null;
    this._data = null;
    this.#announcer.announce(this.#t('loading'));
    try {
      const data = await run({
        childId,
        signal,
        onProgress: (p) => {
          if (!signal.aborted) this._progress = p;
        },
      });
      if (signal.aborted) return;
      this._data = data;
      this.#followChild(data, childId);
      this._status = 'ready';
      await this.updateComplete;
      this.#announcer.announce(
        this.#entries.length ? this.#t('results', { count: this.#entries.length }) : this.#t('empty'),
      );
    } catch (err) {
      if (signal.aborted) return;
      console.warn('[d1-class-picker] loading the groups failed', err);
      this._status = 'error';
      this.#announcer.announce(this.#t('error'));
    }
  }

  /**
   * A guardian has a role at each child's school: the active one follows the chosen child, so
   * the login bar and a plugin's `school` name that child's (an active role already there stays).
   */
  #followChild(data: RosterGroups, childId: string | null): void {
    const store = this.#platform.store;
    if (!this.#guardian || !store || !childId) return;
    const groups = data.groups;
    this.#groupsOf.set(childId, groups);
    const roles = this.#user?.roles ?? [];
    const role = roles.find((r) => fit(r, groups) === 2) ?? roles.find((r) => fit(r, groups));
    if (role && fit(role, groups) > fit(store.get().activeRole, groups)) store.update({ activeRole: role });
  }

  /** What the memory is kept under: the signed-in user (or "standalone"), and the chosen child. */
  #setScope(): void {
    const scope = `${this.#user?.id ?? 'standalone'}${this._childId ? `:${this._childId}` : ''}`;
    if (scope === this.#scope) return;
    this.#scope = scope;
    this.#memory = readMemory(scope);
  }

  #childScope(): string {
    return `${this.#user?.id ?? 'standalone'}#child`;
  }

  /** Rebuild the sorted catalog when data or language change, the order when recents change, rows per query. */
  #prepare(changed: PropertyValues<this>): void {
    const source = this.groups
      ? { groups: this.groups, organizations: this.organizations ?? NONE, sessions: this.sessions ?? NONE }
      : this._data;
    const lang = this.#l10n.lang;
    const key = [source?.groups, source?.organizations, source?.sessions, lang, this.#scope];
    // a new catalog is ordered again and restores the choice
    const restore = key.some((v, i) => v !== this.#catalogKey[i]);
    if (restore) {
      this.#catalogKey = key;
      this.#catalog = source
        ? buildCatalog(source.groups, source.organizations, source.sessions, lang, this.#t('other'))
        : null;
    }
    if (restore || this.#recent !== this.#memory.recent) {
      this.#recent = this.#memory.recent;
      this.#entries = this.#catalog ? orderEntries(this.#catalog, this.#memory.recent, RECENT_SECTION) : [];
      this.#search = new KeySearch(this.#entries.map((e) => e.key));
      this.#lastRowsQuery = null;
      // no change when none was active (lit compares before it updates)
      this._activeRow = -1;
    }
    if (restore) this.#restore();
    else if (changed.has('value') && !this._open) {
      // a group set from outside after the load (the shell's back button, a vendor's code): the
      // store follows it as it does a deep link's; a cleared value stays cleared (a school switch
      // clears the group on purpose, the tab's earlier choice must not come back then)
      if (this.value) this.#restore();
      else this.#restoreText();
    }
    const query = this._typed ? this._text : '';
    if (this.#lastRowsQuery !== query) {
      this.#lastRowsQuery = query;
      // KeySearch keeps the answers of recent queries (backspace is a lookup); the rows of an
      // answer are objects made once per entry, so building the list is one pass without allocation
      this.#rows = buildRows(this.#entries, this.#search.search(query));
    }
  }

  /**
   * After a load: the value given (a deep link), else the store's, else this tab's earlier choice.
   * The store follows a value it does not have yet, so plugins get the group shown.
   */
  #restore(): void {
    const catalog = this.#catalog;
    if (!catalog) return;
    const store = this.#platform.store;
    const id = this.value || this.#memory.selected;
    const group = id && catalog.byId.get(id)?.group;
    if (group && (!this.value || (store && store.get().activeGroup?.id !== id))) {
      this.value = id;
      store?.update({ activeGroup: group });
      // after this update: listeners added in the same task still hear it
      void this.updateComplete.then(() =>
        fire(this, 'd1-group-change', { group, source: 'restore' } satisfies GroupChangeDetail, false),
      );
    }
    this.#restoreText();
  }

  // ---- rendering -------------------------------------------------------------------------------

  #renderRow(row: Row, i: number): TemplateResult {
    if (row.kind === 'header') {
      const s = row.section;
      // a visual heading only: each option names its own school and session (see optionLabel)
      return html`<div class="d1-section" aria-hidden="true">
        ${s.recent ? this.#t('recent') : s.session ? `${s.school} · ${s.session}` : s.school}
      </div>`;
    }
    const { entry } = row;
    const pos = this.#rows.pos[i];
    const g = entry.group;
    const active = i === this._activeRow;
    const chosen = g.id === this.value;
    // rows exist only while the catalog does
    const catalog = this.#catalog!;
    const details = optionDetails(entry, catalog, this.#t);
    return html`<div
      id=${this.#optionId(entry)}
      class="d1-option"
      role="option"
      aria-selected=${String(active)}
      aria-current=${chosen ? 'true' : nothing}
      aria-setsize=${this.#rows.count}
      aria-posinset=${pos}
      aria-label=${optionLabel(entry, details, catalog.multi)}
      data-row=${i}
      ?data-active=${active}
    >
      <span class="check" aria-hidden="true">${chosen ? '✓' : ''}</span>
      <span class="text">
        <span class="title">${g.title}</span>
        <span class="meta">${details.join(' · ')}</span>
      </span>
    </div>`;
  }

  #renderPupils(): TemplateResult | typeof nothing {
    if (!this._pupils.length) return nothing;
    const label = this.#t('child');
    if (this._pupils.length === 1) {
      return html`<p class="child"><span class="label">${label}:</span> ${this._pupils[0]!.displayName}</p>`;
    }
    const id = `${this.#uid}-child`;
    return html`<div class="child">
      <label class="label" for=${id}>${label}</label>
      <select
        id=${id}
        class="d1-input"
        .value=${this._childId ?? ''}
        @change=${this.#onChild}
        @blur=${this.#onChild}
        @keydown=${this.#onChildKey}
        @pointerdown=${() => (this.#browsing = false)}
      >
        ${this._pupils.map((p) => html`<option value=${p.id} ?selected=${p.id === this._childId}>${p.displayName}</option>`)}
      </select>
    </div>`;
  }

  #renderStatus(): TemplateResult | null {
    const t = this.#t;
    const button = (k: MessageKey) =>
      html`<button class="d1-button" type="button" @click=${this.#onRetry}>${t(k)}</button>`;
    switch (this._status) {
      case 'signed-out':
        return html`<span>${t('signedOut')}</span>`;
      case 'loading': {
        const p = this._progress;
        const text = p && p.total ? t('progress', { loaded: p.loaded, total: p.total }) : t('loading');
        return html`<span class="d1-spinner" aria-hidden="true"></span><span>${text}</span>`;
      }
      case 'error':
        return html`<span class="d1-status" data-severity="error">${t('error')}</span> ${button('retry')}`;
      case 'ready':
        if (this.#entries.length) return null;
        return html`<span>${t('empty')}</span> ${
            this.loader || this.#platform.services?.roster ? button('reload') : nothing
          }`;
      default:
        return null;
    }
  }

  // ---- behaviour -------------------------------------------------------------------------------

  // Event handlers are methods: lit calls a listener with `this` set to the host element, so no
  // bound arrow per handler is made in the constructor.

  #onInput(e: Event): void {
    const text = (e.target as HTMLInputElement).value;
    this._text = text;
    this._typed = true;
    this._open = true;
    this._activeRow = -1;
    this.#scheduleCount();
  }

  #onKeydown(e: KeyboardEvent): void {
    const open = this._open && this.#ready;
    switch (e.key) {
      case 'ArrowDown':
      case 'ArrowUp': {
        e.preventDefault();
        const dir = e.key === 'ArrowDown' ? 1 : -1;
        if (e.altKey) {
          if (dir > 0) this.#open();
          else this.#close(false);
        } else if (open) this.#step(dir);
        else {
          // opening: the chosen group's option, else the first (down) or the last (up)
          this.#open();
          const chosen = rowOfGroup(this.#rows.rows, this.value);
          if (chosen >= 0) this.#move(chosen);
          else this.#step(dir, -1);
        }
        return;
      }
      case 'Home':
      case 'End':
        if (!open || e.shiftKey) return; // closed: the caret moves, as in any text field
        e.preventDefault();
        this.#step(e.key === 'Home' ? 1 : -1, -1);
        return;
      case 'PageDown':
      case 'PageUp':
        if (!open) return;
        e.preventDefault();
        this.#step(e.key === 'PageDown' ? PAGE : -PAGE);
        return;
      case 'Enter': {
        const entry = this.#entryAt(this._activeRow);
        if (!open || !entry) return;
        e.preventDefault();
        this.#choose(entry);
        return;
      }
      case 'Escape':
        if (!this._open && !this._text) return;
        e.preventDefault();
        e.stopPropagation(); // an enclosing dialog must not close too
        if (this._open) this.#close(false);
        else this._text = '';
        return;
      case 'Tab':
        if (this._open) this.#close(true);
        return;
    }
  }

  /** Arriving with the chosen group's title in the field: typing starts a new search. */
  #onFocus(e: FocusEvent): void {
    const input = e.target as HTMLInputElement;
    if (input.value && input.value === this.selectedGroup?.title) input.select();
  }

  #onToggle(): void {
    if (this._open) this.#close(true);
    else this.#open();
    this.renderRoot.querySelector<HTMLInputElement>('input')?.focus();
  }

  // options and the toggle keep focus in the input (pointerdown is cancelled), so a blur means
  // focus really left: close without choosing (closed, no row is active: this only restores the text)
  #onBlur(): void {
    this.#close(true);
  }

  #keepFocus(e: Event): void {
    e.preventDefault();
  }

  #onRetry(): void {
    this.reload();
    // the button goes away with the error; keep the user where the result will appear
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLInputElement>('input')?.focus());
  }

  /**
   * Keys on a closed list change it at once, and a child brings its school and role with it:
   * browsing the children with the arrows (or letters) must not switch at every press (WCAG 3.2.2),
   * so a change made by keys waits for Enter or for leaving the list; a pointer choice is at once.
   */
  #browsing = false;
  #onChildKey(e: KeyboardEvent): void {
    if (!(this.#browsing = e.key != 'Enter')) this.#onChild(e);
  }

  #onChild(e: Event): void {
    if (this.#browsing && e.type == 'change') return;
    const id = (e.target as HTMLSelectElement).value;
    if (id !== this._childId) this.#setChild(id);
  }

  #setChild(id: string): void {
    this._childId = id;
    rememberChoice(this.#childScope(), id);
    // the other child's group must not stay active: tools would show the wrong pupil's class
    this.value = null;
    this._text = '';
    this.#platform.store?.update({ activeChildId: id, activeGroup: null });
  }

  /** One listener for every row: a closure per row would be made again on every render. */
  #onListClick(e: Event): void {
    const el = (e.target as HTMLElement).closest<HTMLElement>('[role="option"]');
    const entry = el && this.#entryAt(Number(el.dataset.row));
    if (entry) this.#choose(entry);
  }

  /** The group of row `i` when that row is an option. */
  #entryAt(i: number): Entry | undefined {
    const row = this.#rows.rows[i];
    return row?.kind === 'option' ? row.entry : undefined;
  }

  /** Loaded, with groups to choose from: the list can open. */
  get #ready(): boolean {
    return this._status === 'ready' && this.#entries.length > 0;
  }

  #open(): void {
    if (this.#ready) this._open = true;
  }

  /** Close; `restore` (Tab, blur, toggle) also puts the chosen group's title back in the input. */
  #close(restore: boolean): void {
    this._open = false;
    this._activeRow = -1;
    if (restore) this.#restoreText();
  }

  #restoreText(): void {
    // a value not (yet) among the loaded groups keeps the text only while they load
    this._text = this.selectedGroup?.title ?? (this.value && !this.#catalog ? this._text : '');
    this._typed = false;
  }

  #choose(entry: Entry): void {
    const group = entry.group;
    const changed = group.id !== this.value;
    this.value = group.id;
    this.#memory = rememberChoice(this.#scope, group.id);
    // closing puts the chosen group's title in the input
    this.#close(true);
    if (!changed) return;
    this.#platform.store?.update({ activeGroup: group });
    fire(this, 'd1-group-change', { group, source: 'user' } satisfies GroupChangeDetail, false);
    this.#announcer.announce(this.#t('chosen', { title: group.title }));
  }

  #scheduleCount(): void {
    clearTimeout(this.#announceTimer);
    this.#announceTimer = setTimeout(() => {
      if (!this._open) return;
      const n = this.#rows.count;
      this.#announcer.announce(n ? this.#t('results', { count: n }) : this.#t('noMatches'));
    }, ANNOUNCE_DELAY);
  }

  /**
   * Move `delta` options from row `from` (headings are skipped), stopping at the ends; from -1 to
   * the first option (delta > 0) or the last.
   */
  #step(delta: number, from = this._activeRow): void {
    this.#move(stepOption(this.#rows.rows, from, delta));
  }

  /**
   * Make row `row` the active option. Only a window of rows is rendered: the row is scrolled in
   * after this update (see `updated`), and rendered first when it is outside the window.
   */
  #move(row: number): void {
    if (row < 0 || row === this._activeRow) return;
    this._activeRow = row;
    this.#scrollPending = true;
  }

  #optionId(entry: Entry): string {
    return `${this.#uid}-o${entry.n}`;
  }

  /** @internal for tests and the benchmark: how many options the listbox has now. */
  get resultCount(): number {
    return this.#rows.count;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'd1-class-picker': D1ClassPicker;
  }
  interface HTMLElementEventMap {
    'd1-group-change': GroupChangeEvent;
  }
}
