// Shows the validator's problems where they are: each at the control or group whose
// `data-path` matches its path (or the nearest enclosing one), plus a summary list that
// leads to each field. Clears all earlier marks first.
import type { Problem } from '../../sim/scenario/validate.ts';
import { formatPath } from '../../sim/scenario/validate.ts';
import type { Lang } from '../../sim/results/verdict.ts';
import { cssString, h } from '../dom.ts';
import type { T } from '../i18n/index.ts';
import { sentence } from '../../sim/scenario/problem-words/index.ts';
import type { Path } from './json-path.ts';

/** A problem and the element it was marked at. */
export interface MarkedProblem {
  problem: Problem;
  message: string;
  target: HTMLElement;
  /** Readable location: the labels of the enclosing parts, outermost first. */
  labels: string[];
}

const isControl = (el: Element) => el.matches('input, select, textarea, button');

/** The control at `where`, else any element marked with it (a row, a group, a field). */
function byPath(root: HTMLElement, where: string): HTMLElement | null {
  const attr = `[data-path="${cssString(where)}"]`;
  return (
    root.querySelector<HTMLElement>(`input${attr}, select${attr}, textarea${attr}`) ??
    root.querySelector<HTMLElement>(attr)
  );
}

/** The nearest element whose path is `path` or an ancestor path of it, and that path's length. */
function locate(root: HTMLElement, path: Path): { el: HTMLElement; depth: number } {
  for (let k = path.length; k > 0; k--) {
    const el = byPath(root, formatPath(path.slice(0, k)));
    if (el) return { el, depth: k };
  }
  return { el: root, depth: 0 };
}

function labelsOf(target: HTMLElement, root: HTMLElement): string[] {
  const labels: string[] = [];
  for (let el: HTMLElement | null = target; el && el !== root; el = el.parentElement) {
    const label =
      el.dataset.label ??
      (el.classList.contains('editor-group') ? el.querySelector('h3')?.textContent : null);
    if (label && labels[0] !== label) labels.unshift(label);
  }
  return labels;
}

/**
 * The words for a place in the scenario: the steps of `path` after its first `from` segments
 * ("Gewichten › 4"), or undefined when there are none to name.
 */
export type PlaceWords = (path: Path, from: number) => string | undefined;

/**
 * Removes every mark, then marks `problems` in the editor at `root`. `place` names, in the
 * editor's words, the part of a problem's place below the field that lists it, and the place
 * of a problem inside another; without it, those parts are written as paths.
 */
export function markProblems(
  root: HTMLElement,
  problems: Problem[],
  lang: Lang,
  place?: PlaceWords,
): MarkedProblem[] {
  root.querySelectorAll('.invalid').forEach((el) => el.classList.remove('invalid'));
  root.querySelectorAll('.has-problem').forEach((el) => el.classList.remove('has-problem'));
  root.querySelectorAll('[aria-invalid]').forEach((el) => el.removeAttribute('aria-invalid'));
  root.querySelectorAll('.errors').forEach((el) => el.replaceChildren());
  return problems.map((problem) => {
    const { el: target, depth } = locate(root, problem.path);
    let container: HTMLElement = target;
    const own = target.classList.contains('field')
      ? target.querySelector<HTMLElement>(':scope > input, :scope > select, :scope > textarea')
      : null;
    own?.setAttribute('aria-invalid', 'true');
    if (!isControl(target)) target.classList.add('invalid');
    if (isControl(target)) {
      target.setAttribute('aria-invalid', 'true');
      container =
        target.closest<HTMLElement>(
          '[data-jpath], [data-path]:not(input):not(select):not(textarea)',
        ) ?? root;
    }
    while (container !== root && !container.querySelector(':scope > .errors')) {
      container = container.parentElement?.closest<HTMLElement>('[data-path]') ?? root;
    }
    container.classList.add('invalid');
    const containerPath: Path = container.dataset.jpath
      ? (JSON.parse(container.dataset.jpath) as Path)
      : problem.path.slice(0, isControl(target) ? problem.path.length : depth);
    const rest = problem.path.slice(containerPath.length);
    const message = sentence(problem, lang, place && ((q) => place(q.path, 0) ?? q.where));
    const below = rest.length
      ? (place?.(problem.path, containerPath.length) ?? formatPath(rest))
      : '';
    const list = container.querySelector(':scope > .errors');
    if (list) list.append(h('li', {}, below ? `${below}: ${message}` : message));
    for (let d = container.closest('details'); d; d = d.parentElement?.closest('details') ?? null) {
      d.classList.add('has-problem');
    }
    return { problem, message, target, labels: labelsOf(target, root) };
  });
}

/** Opens the parts around `target` and focuses its control. */
export function reveal(target: HTMLElement): void {
  for (let d = target.closest('details'); d; d = d.parentElement?.closest('details') ?? null)
    d.open = true;
  const control = isControl(target)
    ? target
    : target.querySelector<HTMLElement>('input, select, textarea, button');
  (control ?? target).focus();
  (control ?? target).scrollIntoView({ block: 'center' });
}

/** The summary of problems: a count and a list whose entries lead to their fields. */
export function problemSummary(marked: MarkedProblem[], t: T): HTMLElement | null {
  if (marked.length === 0) return null;
  return h(
    'div',
    { class: 'problems' },
    h('h3', {}, t('problemsTitle', { n: marked.length })),
    h(
      'ul',
      {},
      ...marked.map((m) => {
        const go = h(
          'button',
          { type: 'button', class: 'link', title: t('problemGoTo') },
          m.labels.join(' › ') || t('placeScenario'),
        );
        go.addEventListener('click', () => reveal(m.target));
        // The path stays out of sight (users meet the editor's words only), for tests and support.
        return h(
          'li',
          { 'data-where': m.problem.where },
          go,
          h('span', { class: 'problem-message' }, ` — ${m.message}`),
        );
      }),
    ),
  );
}
