/** The seeded PRNG lives in src/lib so the simulators share it; the generators import it here. */
export { mulberry32, pick, pickWeighted, randomInt, type Random } from '../../src/lib/random';
