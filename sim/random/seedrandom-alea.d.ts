// Types for seedrandom's stand-alone Alea module, which @types/seedrandom does not cover.
// Only what sim/random uses is declared; the module is CommonJS (`module.exports = impl`).

declare module 'seedrandom/lib/alea.js' {
  /** A seeded Alea generator: uniform numbers in [0, 1) with 32 bits of randomness. */
  interface AleaPrng {
    (): number;
    /** Uniform in [0, 1) with 53 bits of randomness (two draws). */
    double(): number;
    /** Signed 32-bit integer. */
    int32(): number;
    /** Same as calling the generator. */
    quick(): number;
  }
  /** Make an Alea generator; the seed string is hashed with Baagøe's Mash. */
  function alea(seed: string): AleaPrng;
  export default alea;
}
