// Small statistics for the harness.
export function median(xs) {
  if (!xs.length) return null;
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

/** Coefficient of variation (sample standard deviation / mean); 0 for fewer than two values. */
export function cv(xs) {
  if (xs.length < 2) return 0;
  const mean = xs.reduce((a, b) => a + b, 0) / xs.length;
  const v = xs.reduce((a, b) => a + (b - mean) ** 2, 0) / (xs.length - 1);
  return mean > 0 ? Math.sqrt(v) / mean : 0;
}

/** Exponent k in time ∝ size^k from two (bytes, ms) points. */
export function exponent([b1, t1], [b2, t2]) {
  if (!(b2 > b1) || !(t1 > 0) || !(t2 > 0)) return null;
  return Math.log(t2 / t1) / Math.log(b2 / b1);
}
