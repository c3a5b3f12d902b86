// Indonesian numbers and dates in the browser, against the vectors the Python side also runs.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { test } from "node:test";

import { formatDay, formatNumber, parseNumber } from "../../../../app/static/js/form/numbers.js";

const vectors = JSON.parse(readFileSync(new URL("../number_vectors.json", import.meta.url)));

test("parses what officers type", () => {
  for (const [text, expected] of vectors.parse) assert.equal(parseNumber(text), expected, text);
});

test("formats numbers the Indonesian way", () => {
  for (const [value, expected] of vectors.format) assert.equal(formatNumber(value), expected);
});

test("writes dates with month names", () => {
  for (const [iso, lang, expected] of vectors.day) assert.equal(formatDay(iso, lang), expected);
});
