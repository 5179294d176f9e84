// Reading a number the reader typed. inf, -inf and nan are accepted on purpose: the one-hot
// section shows what they do to a product.
import { formatNumber } from './format.js';

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

/**
 * Why the core cannot hold a typed number as typed, or '' when it can: its matrices hold
 * float32, so a number past about 3.4e38 becomes inf and one below about 1.4e-45 becomes 0.
 * Returns { held } (the number the core holds) and that `reason`.
 */
export function heldByCore(core, value, text) {
  const held = core.scope(() => core.matrix([[value]]).toArray()[0]);
  const typed = `“${String(text).trim().slice(0, 24)}”`;
  if (Number.isFinite(value) && !Number.isFinite(held)) return { held, reason: `${typed} is past float32's largest number (about 3.4e38)` };
  if (value !== 0 && held === 0) return { held, reason: `${typed} is below float32's smallest number (about 1.4e-45)` };
  return { held, reason: '' };
}

/** A sentence saying what the core holds for a typed number it cannot hold as typed ('' if it can). `where` names the cell: "W[3][0]". */
export function heldNote(core, value, text, where) {
  const { held, reason } = heldByCore(core, value, text);
  return reason && `${reason}: ${where} holds ${formatNumber(held)}.`;
}
