// How numbers are shown: as the source prints them, two decimals in brackets.

/** A vector or row as the source prints it: two decimals in brackets, "[-0.40, 0.20]". */
export function formatVector(values, decimals = 2) {
  return `[${Array.from(values, (v) => formatNumber(v, decimals)).join(', ')}]`;
}

/** One number with a fixed number of decimals; -0.00 shows as 0.00, non-finite as inf / nan. */
export function formatNumber(value, decimals = 2) {
  if (Number.isNaN(value)) return 'nan';
  if (!Number.isFinite(value)) return value > 0 ? 'inf' : '-inf';
  const text = value.toFixed(decimals);
  return Number(text) === 0 ? (0).toFixed(decimals) : text;
}

/** Column labels 0, 1, ..., n - 1. */
export function indexLabels(n) {
  return Array.from({ length: n }, (_, i) => String(i));
}
