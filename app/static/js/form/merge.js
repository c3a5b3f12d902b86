// Three-way merge of answers documents, for a save refused as stale (409). `base` is what the
// server had when this page last saved, `mine` what the officer has now, `theirs` what the
// server has now. An answer only one side changed takes that side's value; an answer both
// changed differently keeps mine and is reported as a conflict, so nothing is overwritten
// silently. Rows are matched by their stable `_id`.

export function same(a, b) {
  if (a === b) return true;
  if (a === null || b === null || a === undefined || b === undefined) {
    return (a ?? null) === (b ?? null);
  }
  if (Array.isArray(a) || Array.isArray(b)) {
    return Array.isArray(a) && Array.isArray(b) && a.length === b.length &&
      a.every((item, i) => same(item, b[i]));
  }
  if (typeof a === "object" && typeof b === "object") {
    const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
    return [...keys].every((key) => same(a[key] ?? null, b[key] ?? null));
  }
  return false;
}

function isRows(value) {
  return Array.isArray(value) && value.length > 0 && value.every(
    (row) => row !== null && typeof row === "object" && !Array.isArray(row) && "_id" in row);
}

class Merger {
  constructor(ignore) {
    this.ignore = ignore;
    this.conflicts = [];
    this.changed = [];
  }

  scope(base, mine, theirs, prefix) {
    const out = {};
    const keys = new Set([...Object.keys(base), ...Object.keys(mine), ...Object.keys(theirs)]);
    for (const key of keys) {
      const [b, m, t] = [base[key] ?? null, mine[key] ?? null, theirs[key] ?? null];
      let value;
      if (key === "_id") value = m ?? t;
      else if (this.ignore.has(key)) value = t;
      else if (isRows(b) || isRows(m) || isRows(t)) value = this.rows(b ?? [], m ?? [], t ?? [], prefix + key);
      else value = this.answer(b, m, t, prefix + key);
      if (value !== null && !(Array.isArray(value) && value.length === 0 && key !== "_id")) {
        out[key] = value;
      }
    }
    return out;
  }

  answer(b, m, t, key) {
    if (same(m, t)) return m;
    if (same(m, b)) {
      this.changed.push(key);
      return t;
    }
    if (same(t, b)) return m;
    this.changed.push(key);
    this.conflicts.push({ key, mine: m, theirs: t });
    return m;
  }

  rows(base, mine, theirs, key) {
    const byId = (rows) => new Map(rows.map((row) => [row._id, row]));
    const [b, t] = [byId(base), byId(theirs)];
    const mineIds = new Set(mine.map((row) => row._id));
    const out = [];
    for (const row of mine) {
      const rowKey = `${key}#${row._id}`;
      if (t.has(row._id)) {
        out.push(this.scope(b.get(row._id) ?? {}, row, t.get(row._id), `${rowKey}/`));
      } else if (!b.has(row._id)) {
        out.push(row); // added here
      } else if (same(row, b.get(row._id))) {
        this.changed.push(rowKey); // removed elsewhere, untouched here: gone
      } else {
        out.push(row); // removed elsewhere but edited here: kept, and said so
        this.changed.push(rowKey);
        this.conflicts.push({ key: rowKey, mine: "row", theirs: null });
      }
    }
    for (const row of theirs) {
      if (mineIds.has(row._id)) continue;
      const rowKey = `${key}#${row._id}`;
      if (!b.has(row._id)) {
        out.push(row); // added elsewhere
        this.changed.push(rowKey);
      } else if (!same(row, b.get(row._id))) {
        out.push(row); // removed here but edited elsewhere: their edit is not lost
        this.changed.push(rowKey);
        this.conflicts.push({ key: rowKey, mine: null, theirs: "row" });
      }
    }
    return out;
  }
}

/** Merge `mine` and `theirs` over `base`; `ignore` names calculated fields (theirs wins).
 * Returns {doc, conflicts: [{key, mine, theirs}], changed: [key]} (keys as on the page). */
export function merge(base, mine, theirs, ignore = new Set()) {
  const merger = new Merger(ignore);
  const doc = merger.scope(base ?? {}, mine ?? {}, theirs ?? {}, "");
  return { doc, conflicts: merger.conflicts, changed: merger.changed };
}
