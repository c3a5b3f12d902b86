// The officer's form: live logic, autosave with a local copy, repeat rows, section steps,
// conflicts and submit. The page works without this script (each section posts normally).
import { hidePanel, labelOf, showConflicts, showElsewhere, showMerged, textOf }
  from "./conflict.js";
import {
  isInput, readField, readText, renumber, rowChain, rowPaths, scopeFor, showDay, syncDom,
  writeField,
} from "./dom.js";
import { indexModel, run } from "./logic.js";
import { merge } from "./merge.js";
import { formatNumber, parseNumber } from "./numbers.js";
import { rowAction } from "./rows.js";
import { Saver } from "./saver.js";
import { applyState, say } from "./show.js";
import { showCarried } from "./carry.js";

const state = JSON.parse(document.getElementById("form-state").textContent);
const index = indexModel(JSON.parse(document.getElementById("form-logic").textContent));
const M = state.messages;
const form = document.getElementById("form");
const panel = document.getElementById("conflict");
const statusLine = document.getElementById("save-status");
const types = new Map([...index.items].map(([name, item]) => [name, item.t]));
const calculated = new Set([...index.items].filter(([, i]) => i.t === "calculate").map(([n]) => n));
const raw = {}; // key -> text typed that is not a valid number yet
const bad = new Map(); // key -> which message explains it
const serverErrors = new Map(); // key -> error the server rendered, until the answer changes
let local = structuredClone(state.answers);
let result = null;
let leaving = false;
const app = {
  form, index, state, M,
  get local() {
    return local;
  },
  refresh: () => refresh(),
};

function byKey(key) {
  return form ? [...form.querySelectorAll(".q")].find((q) => q.dataset.key === key) : null;
}

function scopeOfKey(doc, key, create = false) {
  const parts = key.split("/");
  const chain = parts.slice(0, -1).map((part) => {
    const at = part.lastIndexOf("#");
    return { repeat: part.slice(0, at), id: part.slice(at + 1) };
  });
  return [scopeFor(doc, chain, create), parts[parts.length - 1]];
}

function readInto(q) {
  const key = q.dataset.key;
  const scope = scopeFor(local, rowChain(q), true);
  const read = readField(q, types.get(q.dataset.name));
  if (read.bad) {
    raw[key] = read.raw;
    bad.set(key, read.bad);
  } else {
    delete raw[key];
    bad.delete(key);
  }
  if (read.value === null) delete scope[q.dataset.name];
  else scope[q.dataset.name] = read.value;
}

function errorFor(key, entry) {
  if (bad.has(key)) return say(M[bad.get(key)] ?? M.invalid_number, { limit: byKey(key)?.dataset.max });
  return entry.err ?? serverErrors.get(key) ?? null;
}

function refresh() {
  result = run(index, local, state.today);
  for (const key of result.cleared) {
    const [scope, name] = scopeOfKey(local, key);
    if (scope) delete scope[name];
    const q = byKey(key);
    if (q) writeField(q, null, state.lang);
  }
  if (form) applyState(form, result, errorFor, M);
}

// The whole draft goes to the server, answers of questions hidden right now included: the
// server keeps them for when they apply again and leaves them out of what is submitted.
function cleaned() {
  return structuredClone(local);
}

function savedAt(when) {
  return new Intl.DateTimeFormat("id-ID", {
    hour: "2-digit", minute: "2-digit", hourCycle: "h23", timeZone: state.tz,
  }).format(new Date(when));
}

/** Where a refused save went wrong: "Nama penanggung jawab: Teks memuat …", also at the field. */
function refusal(error) {
  const keys = new Map([...rowPaths(local)].map(([key, path]) => [path, key]));
  const found = Object.entries(error?.fields ?? {}).map(([path, text]) => {
    const at = path.lastIndexOf("].");
    const row = at < 0 ? "" : path.slice(0, at + 1);
    const name = path.slice(at < 0 ? 0 : at + 2);
    const key = row ? `${keys.get(row) ?? row}/${name}` : name;
    serverErrors.set(key, text);
    return `${labelOf(index, key)}: ${text}`;
  });
  if (found.length) refresh();
  return found[0] ?? error?.message ?? "";
}

/** The one state the status line shows (see saver.js), with what to do where needed. */
function showStatus(kind, detail) {
  let text = M[kind === "pending" ? "saving" : kind] ?? "";
  if (kind === "saved" && detail) text = say(M.saved, { time: savedAt(detail) });
  if (kind === "refused") text = say(M.refused, { problem: refusal(detail) });
  if (kind === "offline" && detail?.message) text = `${detail.message} ${M.offline_retry}`;
  statusLine.textContent = text;
  statusLine.dataset.kind = kind;
}

const saver = new Saver({
  url: state.save,
  csrf: document.querySelector('meta[name="csrf-token"]').content,
  version: state.version,
  base: state.answers,
  key: `survei.form.${state.round}.${state.user}`,
  local: () => ({ doc: local, raw }),
  cleaned,
  onStatus: showStatus,
  onSaved: (version) => {
    const field = document.getElementById("version");
    if (field) field.value = version;
    const badge = document.getElementById("status-badge");
    if (badge?.classList.contains("st-not_started")) {
      badge.className = "badge st-draft";
      badge.textContent = M.status_draft;
    }
  },
  // Merged from what the page holds now, not from what was sent: typing while the stale save
  // was on its way is kept.
  onConflict: (error) => resolveStale(error, cleaned(), saver.base),
});

// ---- conflicts -----------------------------------------------------------------------------

function adopt(doc) {
  local = doc;
  if (form) {
    syncDom(form, local, state.lang);
    for (const [key, text] of Object.entries(raw)) {
      const control = byKey(key)?.querySelector("input, textarea");
      if (control) control.value = text;
    }
    renumber(form, local);
  }
  refresh();
}

function resolveStale(theirs, mine, base) {
  saver.pause();
  if (!["draft", "needs_revision", "not_started"].includes(theirs.status)) {
    saver.stop("closed");
    statusLine.textContent = M.conflict_submitted;
    return;
  }
  const merged = merge(base, mine, theirs.answers, calculated);
  saver.version = theirs.version;
  saver.base = theirs.answers;
  adopt(merged.doc);
  const label = (key) => labelOf(index, key);
  const text = (key, value) => textOf(byKey(key), value, state.lang);
  if (!merged.conflicts.length) {
    if (merged.changed.length) showMerged(panel, merged.changed.map(label), M);
    saver.resume();
    saver.touch(0);
    return;
  }
  for (const c of merged.conflicts) showElsewhere(byKey(c.key), text(c.key, c.theirs), M);
  saver.touch(0); // keep the merged input locally; sending waits for the officer
  showStatus("conflict");
  showConflicts(panel, merged.conflicts, {
    labelOf: label, textOf: text, messages: M,
    onUse: (key, value) => {
      const [scope, name] = scopeOfKey(local, key, true);
      if (value === null || value === undefined) delete scope[name];
      else scope[name] = value;
      const q = byKey(key);
      if (q) {
        writeField(q, value ?? null, state.lang);
        q.querySelector(":scope > .elsewhere")?.remove();
      }
      refresh();
    },
    onKeep: () => {
      hidePanel(panel);
      form?.querySelectorAll(".elsewhere").forEach((note) => note.remove());
      saver.resume();
      saver.touch(0); // everything typed meanwhile goes with it
    },
  });
  panel.tabIndex = -1;
  panel.scrollIntoView({ block: "start" });
  panel.focus({ preventScroll: true });
}

// ---- events ----------------------------------------------------------------------------------

function edited(target, delay) {
  const q = target.closest(".q");
  if (!q || !isInput(q) || !form.contains(q)) return;
  serverErrors.delete(q.dataset.key);
  readInto(q);
  if (q.dataset.w === "date") showDay(q, state.lang);
  showCarried(q, scopeFor(local, rowChain(q))?.[q.dataset.name] ?? null);
  refresh();
  saver.touch(delay);
}

/** Say on the status line why the page stays, and where to look. */
function stay(message, focus) {
  statusLine.textContent = message;
  statusLine.dataset.kind = "blocked";
  (focus ?? statusLine).focus?.({ preventScroll: false });
}

async function go(href) {
  if (saver.paused && !panel.hidden) {
    stay(M.nav_conflict, panel);
    return;
  }
  const saved = await saver.flush();
  if (!saved && !saver.stopped && saver.trouble === "offline") {
    stay(M.nav_offline); // the next page would not load; the input is on this device
    return;
  }
  // Saved, or kept on this device (the next page picks it up and sends it again).
  leaving = true;
  window.location.href = href;
}

/** A link to a problem or a comment: put the cursor in that question, its label in view. */
function focusHash() {
  if (!window.location.hash) return;
  const target = document.getElementById(decodeURIComponent(window.location.hash.slice(1)));
  if (!target) return;
  target.scrollIntoView({ block: "start" });
  target.querySelector("input:not([type=hidden]), textarea, select")
    ?.focus({ preventScroll: true });
}

function onSubmit(event) {
  event.preventDefault();
  const button = event.submitter;
  const [verb] = (button?.value ?? "stay").split(":");
  if (["add", "remove", "up", "down"].includes(verb)) {
    if (rowAction(app, verb, button)) saver.touch(300);
  } else if (verb === "stay") {
    saver.flush();
  } else if (button?.dataset.href) {
    go(button.dataset.href);
  }
}

async function onFinalSubmit(event) {
  event.preventDefault();
  const saved = await saver.flush();
  if (!saved) {
    statusLine.textContent = M.unsaved_submit;
    return;
  }
  document.getElementById("version").value = saver.version;
  leaving = true;
  event.target.submit();
}

/** An answer as compared with another: a checkbox's choices in any order are the same. */
function comparable(value) {
  return JSON.stringify(Array.isArray(value) ? [...value].sort() : value ?? null);
}

/** Read every question; those whose field differs from the answers the page came with were
 * typed before this script ran (a slow phone), or put back by the browser: they are kept and
 * saved like any other input. */
function readPage() {
  const early = [];
  for (const q of form?.querySelectorAll(".q") ?? []) {
    const error = q.querySelector(":scope > .err");
    if (error && error.textContent.trim()) serverErrors.set(q.dataset.key, error.textContent);
    if (!isInput(q)) continue;
    const value = () => scopeFor(local, rowChain(q))?.[q.dataset.name];
    const served = comparable(value());
    readInto(q);
    const typed = q.dataset.key in raw || comparable(value()) !== served;
    if (typed && q.dataset.w !== "carry") early.push({ q, value: value(), text: raw[q.dataset.key] });
  }
  return early;
}

/** Put early input back over a stash from an earlier visit (it is newer than the stash). */
function reapply(early) {
  for (const { q, value, text } of early) {
    writeField(q, value ?? null, state.lang);
    const control = q.querySelector("input, textarea");
    if (text !== undefined && control) control.value = text;
    readInto(q);
  }
  refresh();
}

function start() {
  const early = readPage();
  const stash = state.editable ? Saver.stashed(saver.key) : null;
  if (stash) {
    Object.assign(raw, stash.raw ?? {});
    for (const key of Object.keys(raw)) {
      const q = byKey(key);
      if (q) bad.set(key, readText(q, types.get(q.dataset.name), raw[key]).bad ?? "invalid_number");
    }
    if (stash.v >= state.version) {
      adopt(stash.local);
      saver.touch(0);
    } else {
      const mine = stash.local;
      resolveStale({ version: state.version, answers: state.answers, status: state.status },
        mine, stash.base ?? {});
    }
  } else {
    refresh();
    if (state.saved_at) showStatus("saved", state.saved_at);
  }
  if (early.length && state.editable) {
    if (stash) reapply(early);
    saver.touch(0); // sent now (with a merge), or kept here while a conflict waits
  }
  if (!state.editable) saver.stop("closed");
  // After the browser's own scroll to the fragment, which would otherwise take the focus back.
  if (document.readyState === "complete") focusHash();
  else window.addEventListener("load", () => setTimeout(focusHash, 0), { once: true });
}

start();
form?.addEventListener("input", (event) => edited(event.target, 800));
form?.addEventListener("change", (event) => edited(event.target, 400));
form?.addEventListener("submit", onSubmit);
form?.addEventListener("focusout", (event) => {
  const q = event.target.closest?.(".q");
  if (q?.dataset.w !== "number") return;
  const number = parseNumber(event.target.value);
  if (number !== null) event.target.value = q.dataset.plain ? String(number) : formatNumber(number);
});
document.getElementById("submit-form")?.addEventListener("submit", onFinalSubmit);
for (const link of document.querySelectorAll(".steps a, a.back")) {
  link.addEventListener("click", (event) => {
    event.preventDefault();
    go(link.href);
  });
}
window.addEventListener("online", () => saver.schedule(0));
window.addEventListener("offline", () => {
  if (saver.dirty && !saver.stopped && !saver.paused) showStatus("offline");
});
window.addEventListener("hashchange", focusHash);
window.addEventListener("beforeunload", (event) => {
  if (saver.dirty && !leaving) {
    event.preventDefault();
    event.returnValue = "";
  }
});
