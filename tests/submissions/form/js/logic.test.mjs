// The browser's logic walk gives what validate_answers gives, on cases pytest writes out
// (tests/submissions/test_form_js.py): the cleaned document, required counts and errors.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { test } from "node:test";

import { indexModel, run } from "../../../../app/static/js/form/logic.js";

const file = process.env.OFFICER_LOGIC_CASES;

test("the browser walk matches validate_answers", { skip: !file && "run through pytest" }, () => {
  for (const item of JSON.parse(readFileSync(file, "utf8"))) {
    const index = indexModel(item.model);
    const got = run(index, item.answers, item.today);
    assert.deepEqual(got.doc, item.expect.doc, item.name);
    assert.equal(got.total, item.expect.total, `${item.name}: required total`);
    assert.equal(got.answered, item.expect.answered, `${item.name}: required answered`);
    const errors = [...got.state].filter(([, entry]) => entry.err).map(([key]) => key).sort();
    assert.deepEqual(errors, item.expect.errors, `${item.name}: errors`);
  }
});
