// @ts-check
// The bench's clock and the arithmetic of its figures: gzip size, KB, percentile, rounding.
import zlib from 'node:zlib';

export const nowMs = () => Number(process.hrtime.bigint()) / 1e6;
export const sleep = (/** @type {number} */ ms) => new Promise((resolve) => setTimeout(resolve, ms));
export const gzipSize = (/** @type {Buffer | string} */ data) => zlib.gzipSync(data, { level: 9 }).length;
export const kb = (/** @type {number} */ bytes) => Math.round(bytes / 102.4) / 10;
/** @param {number[]} values @param {number} fraction */
export function percentile(values, fraction) {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil(fraction * sorted.length) - 1)] ?? null;
}
export const round = (/** @type {number | null | undefined} */ value, digits = 0) =>
  value === null || value === undefined || !Number.isFinite(value)
    ? null
    : Math.round(value * 10 ** digits) / 10 ** digits;
