// Answers carried from an earlier round (app/carry/): beside each, "same as last year" or
// "Tahun lalu: …" as the officer types; a row's status shows on the row (retired rows fold).

function same(now, last) {
  if (Array.isArray(now) && Array.isArray(last)) {
    return JSON.stringify([...now].map(String).sort()) === JSON.stringify([...last].map(String).sort());
  }
  return now === last || (typeof now === "number" && typeof last === "number" && now === last);
}

/** Update the carried mark of question `q` for its value now (null when empty). */
export function showCarried(q, value) {
  if (q.dataset.w === "carry") {
    const row = q.closest(".row");
    if (row) row.dataset.carry = value ?? "pending";
    const error = q.querySelector(":scope > .err");
    if (error && value && value !== "pending") error.hidden = true;
    return;
  }
  if (q.dataset.last === undefined) return;
  const unchanged = same(value, JSON.parse(q.dataset.last));
  q.querySelector(".carried .c-same").hidden = !unchanged;
  q.querySelector(".carried .c-changed").hidden = unchanged;
}
