/**
 * Where a person is in their episode, and the only moves between those states. Every
 * change of a person's state goes through {@link transition}, which refuses a move the
 * chain does not allow: a model error then stops the run at once, naming the move.
 *
 *   arrival ─┬─> AwaitingTriage ─┬─> WaitingForPlace ──> InStay ─┬─> HousingReady ──> Housed
 *            │                   ├─> InStay                      └─> Left
 *            │                   ├─> HousingReady
 *            │                   └─> Left (self-resolved, gave up, triaged to exit)
 *            ├─> WaitingForPlace / InStay  (pre-triaged entry, e.g. central BW access)
 *            └─> InStay (initial occupant of a 24-hour, BW or training place)
 *
 * A relapse is a new episode: the housed person returns as a new arrival.
 */

/** The states of a person's episode (stored as small integers in the people table). */
export const PersonState = {
  /** Just made, not yet placed anywhere. */
  Arriving: 0,
  /** Entered at a crisis shelter (in a place or in the street queue), not yet triaged. */
  AwaitingTriage: 1,
  /** Triaged (or pre-triaged) to a 24-hour, BW or training place that is not free yet. */
  WaitingForPlace: 2,
  /** In a place of their pathway; the stay is running. */
  InStay: 3,
  /** Ready for a home: waiting for a contingent unit or the regular market. */
  HousingReady: 4,
  /** Moved into a home: the episode has ended. */
  Housed: 5,
  /** Left the chain otherwise (own solution, gave up, triaged to exit, left after a stay). */
  Left: 6,
} as const;
export type PersonState = (typeof PersonState)[keyof typeof PersonState];

const NAMES = Object.keys(PersonState) as (keyof typeof PersonState)[];

const bit = (...states: PersonState[]) => states.reduce<number>((m, s) => m | (1 << s), 0);

/** ALLOWED[from] has bit `to` set when the move from → to may happen. */
const ALLOWED: readonly number[] = [
  /* Arriving */ bit(PersonState.AwaitingTriage, PersonState.WaitingForPlace, PersonState.InStay),
  /* AwaitingTriage */ bit(
    PersonState.WaitingForPlace,
    PersonState.InStay,
    PersonState.HousingReady,
    PersonState.Left,
  ),
  /* WaitingForPlace */ bit(PersonState.InStay),
  /* InStay */ bit(PersonState.HousingReady, PersonState.Left),
  /* HousingReady */ bit(PersonState.Housed),
  /* Housed */ 0,
  /* Left */ 0,
];

/** Whether a person in `state` has ended their episode (housed or left). */
export function isDone(state: number): boolean {
  return state >= PersonState.Housed;
}

/**
 * The state after moving from `from` to `to`.
 * @throws Error naming both states when the chain does not allow that move.
 */
export function transition(from: number, to: PersonState): PersonState {
  if ((ALLOWED[from] & (1 << to)) === 0) {
    throw new Error(`a person cannot move from ${NAMES[from]} to ${NAMES[to]}`);
  }
  return to;
}
