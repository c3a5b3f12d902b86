// What the server accepts (app/questionnaires/answers/bounds.py), checked as the officer types so the
// form never sends what would be refused: such input stays on this device with its message.
// tests/submissions/form/js/bounds.test.mjs holds the two equal on shared cases.

const REFUSED = /\0|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
const REMOVED = /[\x01-\x08\x0b-\x1f\x7f-\x9f\ufffe\uffff]/g;
export const MAX_NUMBER = 1e15;
const MAX_DIGITS = 15;

/** Whether a text holds NUL or a lone surrogate (refused). */
export function textProblem(text) {
  return REFUSED.test(text);
}

/** The text as stored: control characters but tab and newline removed, then NFC. */
export function cleanText(text) {
  return text.replace(REMOVED, "").normalize("NFC");
}

/** Why a number is refused ("number_range", "number_digits") or null. */
export function numberProblem(value) {
  if (!Number.isFinite(value)) return "invalid_number";
  if (Math.abs(value) > MAX_NUMBER) return "number_range";
  if (value === 0) return null;
  const [mantissa, exponent] = Math.abs(value).toExponential().split("e");
  const digits = mantissa.replace(".", "").replace(/0+$/, "").length;
  const decimals = digits - 1 - Number(exponent);
  return digits > MAX_DIGITS || decimals > MAX_DIGITS ? "number_digits" : null;
}

/** Whether an ISO date lies outside 1900-01-01 .. 9999-12-31. */
export function dateProblem(iso) {
  const match = /^([0-9]{4,})-[0-9]{2}-[0-9]{2}$/.exec(iso);
  return !match || Number(match[1]) < 1900 || Number(match[1]) > 9999;
}
