// Indonesian numbers and dates, as officers type and read them. Mirrors
// app/submissions/form/formats.py (parse_number, format_number, format_day); the shared vectors in
// tests/submissions/number_vectors.json hold the two equal.
import { formatNumber as xpathNumber } from "../expressions.js";

const MAX_INPUT = 40;
const GROUPED = /^[0-9]{1,3}(?:\.[0-9]{3})+$/;
const PLAIN = /^[0-9]+$/;
const POINT = /^(?:[0-9]*\.[0-9]+|[0-9]+\.)$/;
const SPACES = /[\s\u00a0\u202f]+/g;
const MONTHS = {
  id: "Januari Februari Maret April Mei Juni Juli Agustus September Oktober November Desember",
  en: "January February March April May June July August September October November December",
};

/** The number typed ("1.500.000", "2,5", "Rp 250.000,-"), or null when it is not one. */
export function parseNumber(text) {
  let body = String(text ?? "").replace(SPACES, "");
  if (body.length > MAX_INPUT) return null;
  body = body.replace(/^rp/i, "");
  if (body.endsWith(",-")) body = body.slice(0, -2);
  let sign = "";
  if (body.startsWith("-")) [sign, body] = ["-", body.slice(1)];
  const at = body.indexOf(",");
  if (at >= 0) {
    const whole = body.slice(0, at);
    const fraction = body.slice(at + 1);
    if (!(whole === "" || GROUPED.test(whole) || PLAIN.test(whole)) || !PLAIN.test(fraction)) {
      return null;
    }
    return Number(`${sign}${whole.replaceAll(".", "")}.${fraction}`);
  }
  if (GROUPED.test(body) || PLAIN.test(body)) return Number(sign + body.replaceAll(".", ""));
  if (POINT.test(body)) return Number(sign + body);
  return null;
}

/** Indonesian digits: 1500000 -> "1.500.000", 2.5 -> "2,5" (no rounding, no exponent). */
export function formatNumber(value) {
  let text = xpathNumber(Number(value));
  let sign = "";
  if (text.startsWith("-")) [sign, text] = ["-", text.slice(1)];
  const [whole, fraction] = text.split(".");
  const grouped = whole.replace(/\B(?=(?:[0-9]{3})+$)/g, ".");
  return sign + grouped + (fraction ? `,${fraction}` : "");
}

/** A stored date in words: "17 Agustus 2026" ("17 August 2026" in English). */
export function formatDay(iso, lang) {
  const match = /^([0-9]{4})-([0-9]{2})-([0-9]{2})$/.exec(String(iso ?? ""));
  if (!match) return "";
  const names = (MONTHS[lang] ?? MONTHS.id).split(" ");
  const month = names[Number(match[2]) - 1];
  return month ? `${Number(match[3])} ${month} ${Number(match[1])}` : "";
}
