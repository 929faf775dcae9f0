// Small random draws the generator is built from. All take the seeded stream as their first argument
// so that the same seed replays the same data.
import type { Random } from "../random.ts";

/** x limited to [0, 1]. */
export function clampUnit(x: number): number {
  return Math.min(1, Math.max(0, x));
}

/**
 * Symmetric triangular noise on (−halfWidth, halfWidth): bell-shaped enough for survey answers and
 * scores, but bounded, so a rare draw never throws a commune's figures far off.
 */
export function centredNoise(random: Random, halfWidth: number): number {
  return (random() + random() - 1) * halfWidth;
}

/**
 * The index of one of `levels` (ascending) for a target value in [levels[0], levels[last]]: one of the
 * two levels around the target, the upper one with probability proportional to the distance from the
 * lower. The expected level then equals the target exactly, so answer options and score steps do not
 * bias a commune's figures up or down.
 */
export function roundToLevel(random: Random, target: number, levels: readonly number[]): number {
  const upper = levels.findIndex((level) => level >= target);
  if (upper === -1) return levels.length - 1;
  if (upper === 0) return 0;
  const low = levels[upper - 1]!;
  const high = levels[upper]!;
  return random() * (high - low) < target - low ? upper : upper - 1;
}

/** A uniformly shuffled copy (Fisher–Yates). */
export function shuffled<T>(random: Random, items: readonly T[]): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

/** A seed for an independent stream, so one part of the data can change without shifting the others. */
export function derivedSeed(random: Random): number {
  return Math.floor(random() * 4294967296);
}
