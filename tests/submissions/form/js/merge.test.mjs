// Three-way merge after a stale save: nothing either side typed is lost or silently replaced.
import assert from "node:assert/strict";
import { test } from "node:test";

import { merge, same } from "../../../../app/static/js/form/merge.js";

test("an answer changed on one side only takes that side", () => {
  const base = { a: "1", b: "1" };
  const out = merge(base, { a: "mine", b: "1" }, { a: "1", b: "theirs" });
  assert.deepEqual(out.doc, { a: "mine", b: "theirs" });
  assert.deepEqual(out.conflicts, []);
  assert.deepEqual(out.changed, ["b"]);
});

test("an answer both sides changed keeps mine and is reported", () => {
  const out = merge({ a: "1" }, { a: "mine" }, { a: "theirs" });
  assert.deepEqual(out.doc, { a: "mine" });
  assert.deepEqual(out.conflicts, [{ key: "a", mine: "mine", theirs: "theirs" }]);
});

test("rows merge by id: edits inside rows, rows added on both sides", () => {
  const base = { r: [{ _id: "x", t: "1", n: 1 }] };
  const mine = { r: [{ _id: "x", t: "mine", n: 1 }, { _id: "m", t: "new mine" }] };
  const theirs = { r: [{ _id: "x", t: "1", n: 2 }, { _id: "t", t: "new theirs" }] };
  const out = merge(base, mine, theirs);
  assert.deepEqual(out.doc.r.map((row) => row._id), ["x", "m", "t"]);
  assert.deepEqual(out.doc.r[0], { _id: "x", t: "mine", n: 2 });
  assert.deepEqual(out.conflicts, []);
  assert.deepEqual(out.changed.sort(), ["r#t", "r#x/n"]);
});

test("a row removed elsewhere but edited here is kept, and said so", () => {
  const base = { r: [{ _id: "x", t: "1" }, { _id: "y", t: "1" }] };
  const mine = { r: [{ _id: "x", t: "edited" }, { _id: "y", t: "1" }] };
  const theirs = { r: [] };
  const out = merge(base, mine, theirs);
  assert.deepEqual(out.doc.r, [{ _id: "x", t: "edited" }]);
  assert.deepEqual(out.conflicts, [{ key: "r#x", mine: "row", theirs: null }]);
});

test("calculated fields take the other side without a conflict", () => {
  const out = merge({ total: 1 }, { total: 2 }, { total: 3 }, new Set(["total"]));
  assert.deepEqual(out.doc, { total: 3 });
  assert.deepEqual(out.conflicts, []);
});

test("same() ignores key order and treats missing as empty", () => {
  assert.ok(same({ a: 1, b: [1, 2] }, { b: [1, 2], a: 1 }));
  assert.ok(same({ a: null }, {}));
  assert.ok(!same([1, 2], [2, 1]));
});
