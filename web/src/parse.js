// Reading a number the reader typed. inf, -inf and nan are accepted on purpose: the one-hot
// section shows what they do to a product.

const decimal = /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i;

/** { value } for text that is a number, or { error } saying why it is not. */
export function parseNumber(text) {
  const t = String(text).trim().toLowerCase();
  if (t === '') return { error: 'an empty cell is not a number' };
  if (t === 'nan') return { value: NaN };
  if (/^[+]?inf(inity)?$/.test(t)) return { value: Infinity };
  if (/^-inf(inity)?$/.test(t)) return { value: -Infinity };
  if (!decimal.test(t)) return { error: `“${text}” is not a number` };
  return { value: Number(t) };
}
