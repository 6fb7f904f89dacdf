// The app's number formats (English grouping, as in the vendor's docs: 131,072), each made on first use: the first
// Intl object a page makes loads the locale data, about 30 ms here, which the first screen should not wait for.

let integerFormat: Intl.NumberFormat | undefined;
let oneDecimalFormat: Intl.NumberFormat | undefined;

/** A whole number with thousands separators: 131072 → "131,072". */
export function formatInteger(value: number): string {
  integerFormat ??= new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });
  return integerFormat.format(value);
}

/** A number to at most one decimal, with thousands separators: 1234.56 → "1,234.6". */
export function formatOneDecimal(value: number): string {
  oneDecimalFormat ??= new Intl.NumberFormat('en-US', { maximumFractionDigits: 1 });
  return oneDecimalFormat.format(value);
}
