// The page and the answers document: read and write controls, keep repeat rows in step with
// the document, and show what the logic decided (hidden, required, errors, filtered choices).
import { cleanText, dateProblem, numberProblem, textProblem } from "./bounds.js";
import { formatDay, formatNumber, parseNumber } from "./numbers.js";

const INPUT_WIDGETS = new Set(["text", "textarea", "number", "date", "radio", "select", "checkbox",
  "carry"]);

/** The rows an element sits in, outermost first: [{repeat, id}]. */
export function rowChain(element) {
  const chain = [];
  for (let row = element.closest(".row"); row; row = row.parentElement.closest(".row")) {
    chain.unshift({ repeat: row.dataset.repeat, id: row.dataset.row });
  }
  return chain;
}

/** The object holding an element's answers: the document itself or one of its rows. */
export function scopeFor(doc, chain, create = false) {
  let scope = doc;
  for (const { repeat, id } of chain) {
    if (!Array.isArray(scope[repeat])) {
      if (!create) return null;
      scope[repeat] = [];
    }
    let row = scope[repeat].find((item) => item._id === id);
    if (!row) {
      if (!create) return null;
      row = { _id: id };
      scope[repeat].push(row);
    }
    scope = row;
  }
  return scope;
}

/** Read a question's control: {value} (typed, null when empty) or {bad, raw} for input the
 * server would refuse (app/questionnaires/answers/bounds.py): it stays on this device until fixed. */
export function readField(q, type) {
  const widget = q.dataset.w;
  if (widget === "radio") return { value: q.querySelector("input:checked")?.value ?? null };
  // A carried row's status (app/carry/): not chosen yet is "pending", never no status.
  if (widget === "carry") return { value: q.querySelector("input:checked")?.value ?? "pending" };
  if (widget === "checkbox") {
    const codes = [...q.querySelectorAll("input:checked")].map((input) => input.value);
    return { value: codes.length ? codes : null };
  }
  return readText(q, type, q.querySelector("input, textarea, select").value);
}

/** What a typed text means for a question (as readField). */
export function readText(q, type, text) {
  const widget = q.dataset.w;
  if (text.trim() === "") return { value: null };
  const bad = (why) => ({ value: null, bad: why, raw: text });
  if (widget === "date") return dateProblem(text) ? bad("date_range") : { value: text };
  if (widget !== "number") {
    if (textProblem(text)) return bad("text_invalid");
    const value = cleanText(text);
    return value.length > Number(q.dataset.max || Infinity) ? bad("too_long") : { value };
  }
  const number = parseNumber(text);
  if (number === null) return bad("invalid_number");
  if (type === "integer" && !Number.isInteger(number)) return bad("invalid_integer");
  const problem = numberProblem(number);
  return problem ? bad(problem) : { value: number };
}

/** Show a value in a question's control (numbers the Indonesian way, dates in words). */
export function writeField(q, value, lang) {
  const widget = q.dataset.w;
  if (widget === "radio" || widget === "checkbox" || widget === "carry") {
    const codes = new Set(Array.isArray(value) ? value : value === null || value === undefined ? [] : [String(value)]);
    for (const input of q.querySelectorAll("input")) input.checked = codes.has(input.value);
    return;
  }
  const control = q.querySelector("input, textarea, select");
  if (!control) return;
  if (value === null || value === undefined) control.value = "";
  else if (widget === "number" && typeof value === "number") {
    control.value = q.dataset.plain ? String(value) : formatNumber(value);
  }
  else control.value = String(value);
  if (widget === "date") showDay(q, lang);
}

export function showDay(q, lang) {
  const words = q.querySelector(".day");
  if (words) words.textContent = formatDay(q.querySelector("input").value, lang);
}

export function isInput(q) {
  return INPUT_WIDGETS.has(q.dataset.w);
}

/** Elements whose nearest enclosing row is `row` (null: outside any row), among `selector`. */
function direct(root, selector, row) {
  return [...root.querySelectorAll(selector)].filter((el) => el.closest(".row") === row);
}

/** A new row element: a clone of the repeat's <template> with the row id put into every
 * attribute and text that holds the placeholder. The id only ever becomes attribute or text
 * content, never markup, whatever it holds (a colleague's row merged in after a conflict). */
export function newRow(repeat, id) {
  const template = repeat.querySelector(":scope > template");
  const row = template.content.firstElementChild.cloneNode(true);
  fillPlaceholder(row, template.dataset.placeholder, id);
  return row;
}

function fillPlaceholder(root, placeholder, id) {
  const elements = root.nodeType === Node.ELEMENT_NODE ? [root] : [];
  elements.push(...root.querySelectorAll("*"));
  for (const el of elements) {
    for (const attr of [...el.attributes]) {
      if (attr.value.includes(placeholder)) {
        el.setAttribute(attr.name, attr.value.replaceAll(placeholder, id));
      }
    }
    if (el.localName === "template") fillPlaceholder(el.content, placeholder, id);
  }
  const texts = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  for (let node = texts.nextNode(); node; node = texts.nextNode()) {
    if (node.data.includes(placeholder)) node.data = node.data.replaceAll(placeholder, id);
  }
}

/** Make the rows and controls under `root` show `scope` (the document or one row). */
export function syncDom(root, scope, lang, row = null) {
  for (const repeat of direct(root, ".repeat", row)) {
    const wanted = Array.isArray(scope[repeat.dataset.name]) ? scope[repeat.dataset.name] : [];
    const holder = repeat.querySelector(":scope > .rows");
    const present = new Map([...holder.children].map((el) => [el.dataset.row, el]));
    for (const item of wanted) {
      const el = present.get(item._id) ?? newRow(repeat, item._id);
      present.delete(item._id);
      holder.append(el);
      syncDom(el, item, lang, el);
    }
    for (const el of present.values()) el.remove();
  }
  for (const q of direct(root, ".q", row)) {
    if (isInput(q)) writeField(q, scope[q.dataset.name] ?? null, lang);
  }
}

/** Row key -> row path ("kebutuhan#ab12" -> "kebutuhan[2]") for the document's rows. */
export function rowPaths(doc, scope = "", prefix = "", found = new Map()) {
  for (const [name, value] of Object.entries(doc)) {
    if (!Array.isArray(value)) continue;
    value.forEach((row, at) => {
      if (row === null || typeof row !== "object" || typeof row._id !== "string") return;
      const key = `${scope}${name}#${row._id}`;
      const path = `${prefix}${name}[${at + 1}]`;
      found.set(key, path);
      rowPaths(row, `${key}/`, `${path}.`, found);
    });
  }
  return found;
}

/** Give every question, repeat and row the anchor id of its current path; number the rows. */
export function renumber(form, doc) {
  const paths = rowPaths(doc);
  for (const el of form.querySelectorAll(".q, .repeat, .row")) {
    const key = el.dataset.key;
    if (!key) continue;
    let path = paths.get(key);
    if (!path) {
      const at = key.lastIndexOf("/");
      path = at < 0 ? key : `${paths.get(key.slice(0, at)) ?? key.slice(0, at)}.${key.slice(at + 1)}`;
    }
    el.id = `q-${path}`;
    if (el.classList.contains("row")) {
      const number = el.querySelector(":scope > .row-head .n");
      if (number) number.textContent = /\[([0-9]+)\]$/.exec(path)?.[1] ?? "";
    }
  }
  for (const repeat of form.querySelectorAll(".repeat")) {
    const empty = repeat.querySelector(":scope > .no-rows");
    if (empty) empty.hidden = repeat.querySelector(":scope > .rows").children.length > 0;
  }
}
