/**
 * A source of uniform random numbers in [0, 1). Every random draw in sim/ comes from
 * such a source, made by {@link import('./streams.ts').stream}; never the platform's unseeded generator.
 */
export type RandomSource = () => number;
