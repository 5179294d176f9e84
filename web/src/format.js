// How numbers are shown: as the source prints them, two decimals in brackets.

/** A vector or row as the source prints it: two decimals in brackets, "[-0.40, 0.20]". */
export function formatVector(values, decimals = 2) {
  return `[${Array.from(values, (v) => formatNumber(v, decimals)).join(', ')}]`;
}

/**
 * One number with a fixed number of decimals; -0.00 shows as 0.00, non-finite as inf / nan, and
 * a million or more in powers of ten ("1.00e+30") rather than thirty digits.
 */
export function formatNumber(value, decimals = 2) {
  if (Number.isNaN(value)) return 'nan';
  if (!Number.isFinite(value)) return value > 0 ? 'inf' : '-inf';
  if (Math.abs(value) >= 1e6) return value.toExponential(decimals);
  const text = value.toFixed(decimals);
  return Number(text) === 0 ? (0).toFixed(decimals) : text;
}

/** A count with thousands separated, as the source prints them: "617,558,016". */
const countFormat = new Intl.NumberFormat('en-US');
export const formatCount = (n) => countFormat.format(n);

/** Column labels 0, 1, ..., n - 1. */
export function indexLabels(n) {
  return Array.from({ length: n }, (_, i) => String(i));
}

/** How a token is shown: a space as ␣ and a line break as ⏎, glyphs that DejaVu and system fonts have. */
export const visibleToken = (token) => token.replace(/ /g, '␣').replace(/\n/g, '⏎');
