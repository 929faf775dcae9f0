// Seeded pseudo-random numbers for the sample generator and the bootstrap: same seed ⇒ same stream.
// sfc32 (Chris Doty-Humphrey's Small Fast Counting generator, PractRand-clean), seeded through
// splitmix32 so that nearby seeds give unrelated streams. Never Math.random: outputs must reproduce.

/** A function returning uniform numbers in [0, 1). */
export type Random = () => number;

function splitmix32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x9e3779b9) >>> 0;
    let z = state;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
    return (z ^ (z >>> 16)) >>> 0;
  };
}

/**
 * The seeded stream, from its `skip`th number on: the same numbers as drawing and dropping the first
 * `skip`, in a fraction of the time (a thread of the bootstrap starts at its first replicate).
 */
export function seededRandom(seed: number, skip = 0): Random {
  const init = splitmix32(seed);
  // The state a, b, c, d lives in a typed array, which keeps each word as 32 bits and wraps sums
  // modulo 2³² as the >>> 0 below do: in a closure's variables every word of 2³⁰ or more would be
  // boxed in a new heap number at each draw, which the bootstrap's billion draws pay for in time and
  // garbage collection. The stream is the same, word for word.
  const state = new Uint32Array([init(), init(), init(), init()]);
  skipAhead(state, skip);
  return () => {
    const a = state[0]!;
    const b = state[1]!;
    const c = state[2]!;
    const d = state[3]!;
    const t = (((a + b) >>> 0) + d) >>> 0;
    state[3] = d + 1;
    state[0] = b ^ (b >>> 9);
    state[1] = c + (c << 3);
    state[2] = ((c << 21) | (c >>> 11)) + t;
    return t / 4294967296;
  };
}

/** Steps sfc32's `state` `steps` times, as drawing would: the step of seededRandom without the division. */
function skipAhead(state: Uint32Array, steps: number): void {
  for (let step = 0; step < steps; step++) {
    const a = state[0]!;
    const b = state[1]!;
    const c = state[2]!;
    const d = state[3]!;
    state[3] = d + 1;
    state[0] = b ^ (b >>> 9);
    state[1] = c + (c << 3);
    state[2] = ((c << 21) | (c >>> 11)) + ((((a + b) >>> 0) + d) >>> 0);
  }
}

/** A uniform integer in [0, n). */
export function randomInt(random: Random, n: number): number {
  return Math.floor(random() * n);
}
