// The conflict panel: which answers changed elsewhere, with the other value beside the
// officer's own (which stays in the form), and a choice per answer. Text is set with
// textContent only, so answers can never become markup.

import { formatDay, formatNumber } from "./numbers.js";

function element(tag, className, text) {
  const el = document.createElement(tag);
  if (className) el.className = className;
  if (text !== undefined) el.textContent = text;
  return el;
}

/** Changes from elsewhere that merged cleanly: a notice listing them. */
export function showMerged(panel, names, messages) {
  panel.replaceChildren();
  panel.className = "conflict merged";
  panel.append(element("p", "", `${messages.conflict_auto} ${names.join(", ")}`));
  panel.hidden = false;
}

/** Answers both sides changed. `onUse(key)` takes the other version of one answer; `onKeep()`
 * saves the officer's version of the rest. */
export function showConflicts(panel, conflicts, { labelOf, textOf, onUse, onKeep, messages }) {
  panel.replaceChildren();
  panel.className = "conflict";
  panel.setAttribute("role", "alert");
  panel.append(element("p", "conflict-title", messages.conflict_title));
  const list = element("ul");
  for (const conflict of conflicts) {
    const item = element("li");
    item.dataset.key = conflict.key;
    item.append(element("strong", "", labelOf(conflict.key)), " ");
    if (conflict.mine === "row" || conflict.theirs === "row") {
      item.append(element("span", "", `(${messages.conflict_row})`));
    } else {
      item.append(element("span", "", `${messages.conflict_other} `),
        element("q", "other-value", textOf(conflict.key, conflict.theirs)), " ");
      const use = element("button", "secondary", messages.conflict_use);
      use.type = "button";
      use.addEventListener("click", () => {
        onUse(conflict.key, conflict.theirs);
        item.remove();
        if (!list.children.length) onKeep();
      });
      item.append(use);
    }
    list.append(item);
  }
  const keep = element("button", "primary-inline", messages.conflict_keep);
  keep.type = "button";
  keep.id = "conflict-keep";
  keep.addEventListener("click", () => onKeep());
  panel.append(list, keep);
  panel.hidden = false;
}

export function hidePanel(panel) {
  panel.hidden = true;
  panel.replaceChildren();
}

/** "Perkiraan biaya (Kebutuhan)" for a key such as "kebutuhan#ab12/biaya". */
export function labelOf(index, key) {
  const parts = key.split("/");
  const last = parts[parts.length - 1];
  const name = last.includes("#") ? last.slice(0, last.lastIndexOf("#")) : last;
  const rows = parts.slice(0, -1).map((part) => {
    const repeat = part.slice(0, part.lastIndexOf("#"));
    return index.labels.get(repeat) ?? repeat;
  });
  const label = index.labels.get(name) ?? name;
  return rows.length ? `${label} (${rows.join(" › ")})` : label;
}

/** A value as the officer reads it (choice labels from the question `q` when on this page). */
export function textOf(q, value, lang) {
  if (value === null || value === undefined || value === "") return "–";
  const codes = Array.isArray(value) ? value : [value];
  if (q && ["radio", "checkbox", "select"].includes(q.dataset.w)) {
    const names = new Map([...q.querySelectorAll("input, option")]
      .map((el) => [el.value, (el.closest("label") ?? el).textContent.trim()]));
    return codes.map((code) => names.get(String(code)) ?? code).join(", ");
  }
  if (typeof value === "number") return formatNumber(value);
  if (/^\d{4}-\d{2}-\d{2}$/.test(String(value))) return formatDay(value, lang);
  return codes.join(", ");
}

/** Under a question: the value saved elsewhere, beside the officer's own. */
export function showElsewhere(q, text, messages) {
  if (!q) return;
  let note = q.querySelector(":scope > .elsewhere");
  if (!note) {
    note = element("p", "elsewhere");
    q.querySelector(":scope > .err").after(note);
  }
  note.textContent = `${messages.conflict_other} ${text}`;
}
