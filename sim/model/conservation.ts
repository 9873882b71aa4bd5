/**
 * The model's own count of people, kept beside the observer's results so that a broken
 * rule cannot hide: everyone who arrived is in the system, housed or gone, and every
 * facility's taken places equal the persons there. Counts include the warm-up.
 */
import { ARRIVAL, endLocations, facilityLocation, locationCount } from './location.ts';

export class Conservation {
  /** Persons at each location now. */
  private readonly at: Float64Array;
  private readonly ends: ReturnType<typeof endLocations>;
  private arrivedTotal = 0;
  private housedTotal = 0;
  private exitedTotal = 0;

  /** @param facilityNames the scenario's facility ids, in order (for messages) */
  constructor(private readonly facilityNames: readonly string[]) {
    this.at = new Float64Array(locationCount(facilityNames.length));
    this.ends = endLocations(facilityNames.length);
  }

  arrived(): void {
    this.arrivedTotal++;
    this.at[ARRIVAL]++;
  }

  housed(): void {
    this.housedTotal++;
  }

  exited(): void {
    this.exitedTotal++;
  }

  moved(from: number, to: number): void {
    this.at[from]--;
    this.at[to]++;
  }

  /**
   * Everything that breaks conservation, given each facility's taken places; empty when
   * all is well.
   */
  problems(occupied: readonly number[]): string[] {
    const out: string[] = [];
    const { housed, selfResolved, gaveUp, exit } = this.ends;
    let inSystem = 0;
    for (let i = 0; i < housed; i++) inSystem += this.at[i];
    const exited = this.at[selfResolved] + this.at[gaveUp] + this.at[exit];
    if (this.arrivedTotal !== inSystem + this.housedTotal + this.exitedTotal) {
      out.push(
        `arrived ${this.arrivedTotal} ≠ in system ${inSystem} + housed ${this.housedTotal} + exited ${this.exitedTotal}`,
      );
    }
    if (this.at[housed] !== this.housedTotal) out.push('housed count differs from housed node');
    if (exited !== this.exitedTotal) out.push('exit count differs from exit nodes');
    if (this.at[ARRIVAL] !== 0) out.push(`${this.at[ARRIVAL]} person(s) stuck at arrival`);
    for (let i = 0; i < this.facilityNames.length; i++) {
      const o = occupied[i];
      const there = this.at[facilityLocation(i)];
      if (o !== there || o < 0) {
        out.push(`facility ${this.facilityNames[i]}: ${o} places taken but ${there} persons there`);
      }
    }
    return out;
  }
}
