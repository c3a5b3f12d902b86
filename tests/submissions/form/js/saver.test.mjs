// Autosave: statuses, the local copy kept until acknowledged, retries, stale saves, sessions.
import assert from "node:assert/strict";
import { beforeEach, mock, test } from "node:test";

import { Saver } from "../../../../app/static/js/form/saver.js";

const store = new Map();
globalThis.localStorage = {
  getItem: (key) => (store.has(key) ? store.get(key) : null),
  setItem: (key, value) => store.set(key, String(value)),
  removeItem: (key) => store.delete(key),
};

function reply(status, body) {
  return async () => ({ status, json: async () => body });
}

function saver(overrides = {}) {
  const seen = { statuses: [], saved: [], conflicts: [], requests: [] };
  const doc = { pj_nama: "Andi" };
  const instance = new Saver({
    url: "/api/v1/rounds/1/submission", csrf: "token", version: 3, base: {}, key: "k",
    local: () => ({ doc, raw: {} }), cleaned: () => doc,
    onStatus: (kind) => seen.statuses.push(kind),
    onSaved: (version) => seen.saved.push(version),
    onConflict: (error) => seen.conflicts.push(error),
    ...overrides,
  });
  return { instance, seen, doc };
}

function respond(...replies) {
  const requests = [];
  globalThis.fetch = async (url, init) => {
    requests.push({ url, init, body: JSON.parse(init.body) });
    const next = replies.shift();
    if (next === "offline") throw new TypeError("Failed to fetch");
    return next();
  };
  return requests;
}

beforeEach(() => store.clear());

test("a change is kept locally, sent with its version and CSRF token, then forgotten", async () => {
  const requests = respond(reply(200, { version: 4, saved_at: "2026-11-27T06:32:00Z" }));
  const { instance, seen } = saver();
  instance.touch(10_000);
  assert.deepEqual(JSON.parse(store.get("k")).local, { pj_nama: "Andi" });
  assert.equal(await instance.flush(), true);
  assert.equal(requests[0].init.method, "PUT");
  assert.equal(requests[0].init.headers["X-CSRF-Token"], "token");
  assert.deepEqual(requests[0].body, { version: 3, answers: { pj_nama: "Andi" } });
  assert.deepEqual(seen.statuses, ["pending", "saving", "saved"]);
  assert.deepEqual(seen.saved, [4]);
  assert.equal(instance.version, 4);
  assert.equal(store.has("k"), false);
});

test("offline, the local copy is kept and the save retried", async () => {
  mock.timers.enable({ apis: ["setTimeout"] });
  try {
    const requests = respond("offline", reply(200, { version: 4, saved_at: "2026-11-27T06:32:00Z" }));
    const { instance, seen } = saver();
    instance.touch(0);
    await instance.flush();
    assert.equal(seen.statuses.at(-1), "offline");
    assert.equal(instance.dirty, true);
    assert.ok(store.has("k"));
    mock.timers.tick(1000);
    await instance.flush();
    assert.equal(requests.length, 2);
    assert.equal(seen.statuses.at(-1), "saved");
    assert.equal(store.has("k"), false);
  } finally {
    mock.timers.reset();
  }
});

test("a stale save pauses and hands the current answers over; nothing more is sent", async () => {
  const current = { version: 7, status: "draft", answers: { a: 1 } };
  const error = { status: 409, code: "submission.stale", current };
  const requests = respond(reply(409, { error }));
  const { instance, seen } = saver();
  instance.touch(0);
  await instance.flush();
  assert.deepEqual(seen.conflicts, [current]);
  instance.touch(0);
  assert.equal(await instance.flush(), false);
  assert.equal(requests.length, 1);
  assert.ok(store.has("k"));
});

test("an ended session or a closed round stops saving but keeps the input", async () => {
  for (const [status, code, kind] of [[401, "error.unauthorized", "session"],
    [409, "submission.round_closed", "closed"]]) {
    store.clear();
    respond(reply(status, { error: { code } }));
    const { instance, seen } = saver();
    instance.touch(0);
    await instance.flush();
    assert.equal(instance.stopped, kind);
    assert.equal(seen.statuses.at(-1), kind);
    assert.ok(store.has("k"));
  }
});

test("a stash left by an earlier page is read back; garbage is ignored", () => {
  store.set("k", JSON.stringify({ v: 2, base: {}, local: { a: 1 }, raw: {} }));
  assert.deepEqual(Saver.stashed("k").local, { a: 1 });
  store.set("k", "{not json");
  assert.equal(Saver.stashed("k"), null);
});

test("a storage fault (503) reads as offline; any other failure as failed; both retry", async () => {
  mock.timers.enable({ apis: ["setTimeout"] });
  try {
    for (const [status, kind] of [[503, "offline"], [500, "failed"], [502, "failed"]]) {
      store.clear();
      const requests = respond(reply(status, { error: { code: "error.unavailable" } }),
        reply(200, { version: 4, saved_at: "2026-11-27T06:32:00Z" }));
      const { instance, seen } = saver();
      instance.touch(0);
      await instance.flush();
      assert.equal(seen.statuses.at(-1), kind);
      instance.touch(10_000); // typing meanwhile: the state stays honest
      assert.equal(seen.statuses.at(-1), kind);
      mock.timers.tick(10_000);
      await instance.flush();
      assert.equal(requests.length, 2);
      assert.equal(seen.statuses.at(-1), "saved");
    }
  } finally {
    mock.timers.reset();
  }
});

test("a refused save (422) says so, keeps the input and is retried by the next edit", async () => {
  const error = { code: "submission.refused", fields: { pj_nama: "Teks memuat …" } };
  const requests = respond(reply(422, { error }),
    reply(200, { version: 4, saved_at: "2026-11-27T06:32:00Z" }));
  const seenErrors = [];
  const { instance, seen } = saver({
    onStatus: (kind, detail) => { seen.statuses.push(kind); seenErrors.push(detail); },
  });
  instance.touch(0);
  await instance.flush();
  assert.equal(seen.statuses.at(-1), "refused");
  assert.deepEqual(seenErrors.at(-1), error);
  assert.equal(instance.stopped, null);
  assert.ok(store.has("k"));
  instance.touch(0);
  await instance.flush();
  assert.equal(requests.length, 2);
  assert.equal(seen.statuses.at(-1), "saved");
});

test("a stale save shows the conflict state", async () => {
  respond(reply(409, { error: { status: 409, code: "submission.stale",
    current: { version: 7, status: "draft", answers: {} } } }));
  const { instance, seen } = saver();
  instance.touch(0);
  await instance.flush();
  assert.equal(seen.statuses.at(-1), "conflict");
  assert.equal(instance.paused, true);
});
