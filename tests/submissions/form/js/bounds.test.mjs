// The browser's copy of the boundary rule, against the vectors the Python side also runs.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { test } from "node:test";

import { cleanText, dateProblem, numberProblem, textProblem }
  from "../../../../app/static/js/form/bounds.js";

const vectors = JSON.parse(readFileSync(new URL("../bounds_vectors.json", import.meta.url)));

test("numbers: the same bounds as the server", () => {
  for (const [value, problem] of vectors.numbers) assert.equal(numberProblem(value), problem, value);
});

test("text: refused, or normalised as the server stores it", () => {
  for (const [text, refused, stored] of vectors.texts) {
    assert.equal(textProblem(text), refused, JSON.stringify(text));
    if (!refused) assert.equal(cleanText(text), stored);
  }
});

test("dates: the calendar Excel holds", () => {
  for (const [iso, refused] of vectors.dates) assert.equal(dateProblem(iso), refused, iso);
});
