// Repeat rows in the browser: add (a new stable id, defaults), remove (after a second click),
// and move up or down. The page and the answers document change together.
import { evaluate } from "../expressions.js";
import { newRow, renumber, rowChain, scopeFor, syncDom } from "./dom.js";
import { context } from "./logic.js";

/** A new row id: 32 hex digits, like the server's uuid4().hex (works without HTTPS too). */
export function newId() {
  return [...crypto.getRandomValues(new Uint8Array(16))]
    .map((b) => b.toString(16).padStart(2, "0")).join("");
}

function framesFor(doc, chain) {
  const frames = [];
  let scope = doc;
  for (const { repeat, id } of chain) {
    const rows = scope[repeat] ?? [];
    const at = rows.findIndex((row) => row._id === id);
    frames.push({ repeat, row: rows[at], index: at + 1 });
    scope = rows[at];
  }
  return frames;
}

function defaults(app, name, row, frames) {
  for (const item of app.index.items.get(name).i) {
    if (item.k !== "q") continue;
    if (item.d !== undefined) {
      row[item.n] = item.t === "select_multiple" ? item.d.split(" ") : item.d;
    } else if (item.dx) {
      try {
        row[item.n] = evaluate(item.dx, context(app.index, app.local, frames, app.state.today));
      } catch {
        // a default that cannot be computed is simply left empty
      }
    }
  }
}

function addRow(app, repeat) {
  const chain = rowChain(repeat);
  const scope = scopeFor(app.local, chain, true);
  const name = repeat.dataset.name;
  scope[name] = Array.isArray(scope[name]) ? scope[name] : [];
  const row = { _id: newId() };
  const frames = [...framesFor(app.local, chain), { repeat: name, row, index: scope[name].length + 1 }];
  defaults(app, name, row, frames);
  scope[name].push(row);
  const el = newRow(repeat, row._id);
  repeat.querySelector(":scope > .rows").append(el);
  syncDom(el, row, app.state.lang, el);
  return el;
}

function armed(button, message) {
  if (button.dataset.armed) return true;
  button.dataset.armed = button.textContent;
  button.textContent = message;
  setTimeout(() => {
    if (button.isConnected && button.dataset.armed) {
      button.textContent = button.dataset.armed;
      delete button.dataset.armed;
    }
  }, 5000);
  return false;
}

/** Apply a row button (add, remove, up, down); true when the answers changed. */
export function rowAction(app, verb, button) {
  let focus = button;
  if (verb === "add") {
    focus = addRow(app, button.closest(".repeat")).querySelector("input, textarea, select");
  } else {
    const row = button.closest(".row");
    const rows = scopeFor(app.local, rowChain(row).slice(0, -1), true)[row.dataset.repeat] ?? [];
    const at = rows.findIndex((item) => item._id === row.dataset.row);
    if (verb === "remove") {
      if (!armed(button, app.M.confirm_remove)) return false;
      focus = row.closest(".repeat").querySelector(":scope > .add");
      rows.splice(at, 1);
      row.remove();
    } else {
      const to = verb === "up" ? at - 1 : at + 1;
      if (at < 0 || to < 0 || to >= rows.length) return false;
      [rows[at], rows[to]] = [rows[to], rows[at]];
      if (verb === "up") row.previousElementSibling.before(row);
      else row.nextElementSibling.after(row);
    }
  }
  renumber(app.form, app.local);
  app.refresh();
  focus?.focus();
  return true;
}
