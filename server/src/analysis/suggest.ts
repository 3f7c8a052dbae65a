// "Did you mean" for flag keys: the closest defined key by edit distance, where a difference only in
// case or separators (new_checkout, newCheckout, New-Checkout) counts as closer than any typo.

/** The candidate closest to `key`, or undefined when none is close enough to be a likely typo. */
export function closestKey(key: string, candidates: Iterable<string>): string | undefined {
  const normalisedKey = normaliseKey(key);
  // About one edit in three characters, as TypeScript's own spelling suggestions allow.
  const maxDistance = Math.max(1, Math.floor(normalisedKey.length * 0.34));
  let best: { candidate: string; distance: number; rawDistance: number } | undefined;
  for (const candidate of candidates) {
    if (candidate === key) continue;
    const normalisedCandidate = normaliseKey(candidate);
    if (Math.abs(normalisedCandidate.length - normalisedKey.length) > maxDistance) continue;
    const distance = editDistance(normalisedKey, normalisedCandidate, maxDistance);
    if (distance > maxDistance) continue;
    const rawDistance = editDistance(key, candidate, Number.POSITIVE_INFINITY);
    if (best === undefined || isCloser({ candidate, distance, rawDistance }, best)) {
      best = { candidate, distance, rawDistance };
    }
  }
  return best?.candidate;
}

/** Lower case, with camelCase humps, `_`, `.` and spaces all turned into `-`. */
export function normaliseKey(key: string): string {
  return key
    .replace(/([a-z0-9])([A-Z])/g, '$1-$2')
    .toLowerCase()
    .replace(/[\s_.-]+/g, '-');
}

interface Candidate {
  candidate: string;
  distance: number;
  rawDistance: number;
}

// Ties go to the smaller edit of the text as written, then to the alphabetically first key,
// so the same workspace always gets the same suggestion.
function isCloser(a: Candidate, b: Candidate): boolean {
  if (a.distance !== b.distance) return a.distance < b.distance;
  if (a.rawDistance !== b.rawDistance) return a.rawDistance < b.rawDistance;
  return a.candidate < b.candidate;
}

/**
 * Optimal string alignment distance: insertions, deletions, substitutions and swaps of two
 * neighbouring characters each cost one. Stops early once every path exceeds `limit`.
 */
export function editDistance(a: string, b: string, limit: number): number {
  let beforePrevious: number[] = [];
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let rowMinimum = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let value = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        value = Math.min(value, beforePrevious[j - 2] + 1);
      }
      current.push(value);
      rowMinimum = Math.min(rowMinimum, value);
    }
    if (rowMinimum > limit) return rowMinimum;
    beforePrevious = previous;
    previous = current;
  }
  return previous[b.length];
}
