// Show what the logic decided: hide what does not apply, mark what is required, show errors,
// hide choices a filter excludes, fill calculations, update progress and the section list.
import { formatNumber } from "./numbers.js";
import { rowChain, scopeFor } from "./dom.js";

function say(template, values) {
  return template.replace(/\{(\w+)\}/g, (all, name) => String(values[name] ?? all));
}

function showChoices(q, offered) {
  for (const input of q.querySelectorAll("input[type=radio], input[type=checkbox]")) {
    const on = offered.has(input.value);
    input.disabled = !on;
    input.closest("label").hidden = !on;
  }
  for (const option of q.querySelectorAll("option")) {
    if (!option.value) continue;
    option.hidden = option.disabled = !offered.has(option.value);
  }
}

function showCalculation(q, doc) {
  const scope = scopeFor(doc, rowChain(q));
  const value = scope ? scope[q.dataset.name] : null;
  const output = q.querySelector("output");
  if (!output) return;
  output.textContent = typeof value === "number" ? formatNumber(value) : (value ?? "–");
}

function showQuestion(q, entry, errorText, doc) {
  const required = !!entry.req;
  const marker = q.querySelector(".req");
  if (marker) marker.hidden = !required;
  const control = q.querySelector("input:not([type=radio]):not([type=checkbox]), textarea, select");
  if (control) {
    if (required) control.setAttribute("aria-required", "true");
    else control.removeAttribute("aria-required");
  }
  if (entry.offered) showChoices(q, entry.offered);
  if (q.dataset.w === "calculate") showCalculation(q, doc);
  const error = q.querySelector(":scope > .err");
  if (error) {
    error.textContent = errorText ?? "";
    error.hidden = !errorText;
    q.classList.toggle("has-error", !!errorText);
    const input = q.querySelector("input, textarea, select");
    if (input) input.setAttribute("aria-invalid", errorText ? "true" : "false");
  }
}

/** Apply one logic run to the page. `errors(key, entry)` picks the message to show. */
export function applyState(form, result, errors, messages) {
  for (const el of form.querySelectorAll("[data-key]")) {
    const entry = result.state.get(el.dataset.key);
    if (!entry) continue;
    el.hidden = !entry.rel;
    if (el.classList.contains("q")) showQuestion(el, entry, errors(el.dataset.key, entry), result.doc);
    if (el.classList.contains("repeat")) {
      const add = el.querySelector(":scope > .add");
      const rows = el.querySelector(":scope > .rows").children.length;
      if (add) add.disabled = entry.max !== undefined && rows >= entry.max;
    }
  }
  for (const item of document.querySelectorAll(".steps li[data-section]")) {
    const name = item.dataset.section;
    const applies = result.state.get(`§${name}`)?.rel ?? true;
    item.classList.toggle("na", !applies);
    const left = item.querySelector("[data-missing]");
    const count = result.missing[name] ?? 0;
    if (left) left.textContent = !applies ? "" : count ? say(messages.missing, { count }) : "✓";
  }
  const bar = document.getElementById("progress");
  if (bar) {
    bar.max = result.total;
    bar.value = result.answered;
    document.getElementById("progress-text").textContent =
      say(messages.progress, { answered: result.answered, total: result.total });
  }
}

export { say };
