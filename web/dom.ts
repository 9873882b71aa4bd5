// A tiny element builder for the app's DOM. Sets attributes and listeners only — never a
// `style` attribute (the Content-Security-Policy forbids inline styles; use classes or CSSOM).

/** A child of an element: a node, text, or nothing (skipped). */
export type Child = Node | string | number | null | undefined | false;

/** Attributes (string/number/boolean; false and undefined are left out) plus listeners. */
export type Props = Record<string, string | number | boolean | undefined | null> & {
  on?: { [K in keyof HTMLElementEventMap]?: (event: HTMLElementEventMap[K]) => void };
};

/** The page's element with this id (the page is ours: the id is there). */
export function byId<T extends HTMLElement = HTMLElement>(id: string): T {
  return document.getElementById(id) as T;
}

/** Appends children (skipping null/undefined/false) to `el` and returns `el`. */
export function append<T extends Node>(el: T, ...children: Child[]): T {
  for (const c of children) {
    if (c === null || c === undefined || c === false) continue;
    el.appendChild(typeof c === 'object' ? c : document.createTextNode(String(c)));
  }
  return el;
}

/**
 * Creates an HTML element: `h('button', { class: 'x', on: { click } }, 'Text')`.
 * Boolean attributes are set when true and left out when false.
 */
export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  props: Props = {},
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  for (const [name, value] of Object.entries(props)) {
    if (name === 'on') continue;
    if (value === undefined || value === null || value === false) continue;
    if (name === 'style') throw new Error('inline style attributes are not allowed (CSP)');
    el.setAttribute(name, value === true ? '' : String(value));
  }
  if (props.on) {
    for (const [type, fn] of Object.entries(props.on)) {
      el.addEventListener(type, fn as EventListener);
    }
  }
  return append(el, ...children);
}

/** Removes every child of `el`, then appends `children`. */
export function replaceChildren(el: Element, ...children: Child[]): void {
  el.replaceChildren();
  append(el, ...children);
}

/** A string usable in an element id, derived from any text (e.g. a JSON path). */
export function idFor(prefix: string, text: string): string {
  return `${prefix}-${text.replace(/[^A-Za-z0-9_-]/g, (c) => `_${c.charCodeAt(0).toString(16)}`)}`;
}

/** Resolves on the next animation frame (or a timeout where frames do not run). */
export function nextFrame(): Promise<void> {
  return new Promise((resolve) => {
    if (typeof requestAnimationFrame === 'function' && !document.hidden) {
      requestAnimationFrame(() => setTimeout(resolve, 0));
    } else setTimeout(resolve, 0);
  });
}

/** Escapes text for a double-quoted CSS attribute selector value, e.g. `[data-path="…"]`. */
export function cssString(text: string): string {
  return text.replace(/["\\]/g, '\\$&').replace(/\n/g, '\\a ');
}

/** One body row of a {@link resultTable}: its attributes, its heading and its cells. */
export interface TableRow {
  attrs: Props;
  heading: Child;
  cells: Child[];
}

/**
 * A table of results that scrolls sideways on a narrow screen: a heading per column, then
 * per row a row heading and its cells.
 */
export function resultTable(columns: Child[], rows: TableRow[]): HTMLDivElement {
  return h(
    'div',
    { class: 'table-wrap' },
    h(
      'table',
      { class: 'diffs' },
      h('thead', {}, h('tr', {}, ...columns.map((c) => h('th', { scope: 'col' }, c)))),
      h(
        'tbody',
        {},
        ...rows.map((r) =>
          h(
            'tr',
            r.attrs,
            h('th', { scope: 'row' }, r.heading),
            ...r.cells.map((c) => h('td', {}, c)),
          ),
        ),
      ),
    ),
  );
}
