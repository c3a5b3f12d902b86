// The form's logic in the browser: relevance, calculations, required, constraints, choice
// filters and repeat_count, walked over the answers document exactly as validate_answers
// (app/questionnaires/answers/validate.py) walks it: a calculate-only pass, then the full pass, where
// answers of questions that do not apply are dropped. The model comes from form_logic.py.
import { evaluate, evaluateBoolean } from "../expressions.js";

const CHOICE_PREFIX = "_choice.";

/** Where every name lives: its enclosing repeats, and whether it is itself a repeat. */
export function indexModel(model) {
  const paths = new Map();
  const repeats = new Set();
  const labels = new Map();
  const items = new Map();
  const visit = (list, path) => {
    for (const item of list) {
      paths.set(item.n, path);
      items.set(item.n, item);
      if (item.lb) labels.set(item.n, item.lb);
      if (item.k === "r") {
        repeats.add(item.n);
        visit(item.i, [...path, item.n]);
      } else if (item.k === "g") {
        visit(item.i, path);
      }
    }
  };
  for (const section of model.s) visit(section.i, []);
  return { model, paths, repeats, labels, items };
}

export function isEmpty(value) {
  if (value === null || value === undefined) return true;
  if (typeof value === "string") return value.trim() === "";
  return Array.isArray(value) && value.length === 0;
}

function rowsBelow(scope, names) {
  let rows = [scope];
  for (const name of names) rows = rows.flatMap((row) => row[name] ?? []);
  return rows;
}

/** The evaluation context at a position (mirrors AnswerContext.value in answers.py). */
export function context(index, root, frames, today, extra = {}) {
  return {
    current: extra.current ?? null,
    position: frames.length ? frames[frames.length - 1].index : null,
    today,
    value(name) {
      if (name.startsWith(CHOICE_PREFIX)) {
        const column = name.slice(CHOICE_PREFIX.length);
        if (!extra.choice) return "";
        return column === "name" ? extra.choice[0] : (extra.choice[1][column] ?? "");
      }
      const path = index.paths.get(name);
      if (path === undefined) return null;
      let depth = 0;
      while (depth < path.length && depth < frames.length && path[depth] === frames[depth].repeat) {
        depth += 1;
      }
      const scope = depth ? frames[depth - 1].row : root;
      if (index.repeats.has(name)) return rowsBelow(scope, [...path.slice(depth), name]);
      if (depth === path.length) return scope[name] ?? null;
      return rowsBelow(scope, path.slice(depth)).map((row) => row[name] ?? null);
    },
  };
}

function safe(compute, fallback) {
  try {
    return compute();
  } catch {
    return fallback;
  }
}

/** Walk the form over a copy of `answers`. Returns the cleaned document to save and, by key,
 * what applies: {rel, req, err, offered, max}; plus required counts overall and per section. */
export function run(index, answers, today) {
  const walker = new Walker(index, retire(structuredClone(answers)), today);
  walker.pass(true);
  walker.pass(false);
  return walker.result();
}

const CARRIED = new Set(["pending", "same", "changed", "retired"]);

/** Take out the carried rows marked "tidak berlaku lagi" (answers/carried.py's retire). */
function retire(doc) {
  for (const value of Object.values(doc)) {
    if (!Array.isArray(value)) continue;
    for (let at = value.length - 1; at >= 0; at -= 1) {
      if (value[at]?._carry === "retired") value.splice(at, 1);
    }
    for (const row of value) if (row && typeof row === "object") retire(row);
  }
  return doc;
}

class Walker {
  constructor(index, doc, today) {
    Object.assign(this, { index, doc, today });
    this.state = new Map();
    this.cleared = [];
    this.total = 0;
    this.answered = 0;
    this.missing = {};
  }

  result() {
    const { doc, state, cleared, total, answered, missing } = this;
    return { doc, state, cleared, total, answered, missing };
  }

  pass(calcOnly) {
    this.calcOnly = calcOnly;
    for (const section of this.index.model.s) {
      this.section = section.n;
      const ctx = context(this.index, this.doc, [], this.today);
      const rel = calcOnly || this.relevant(section.r, ctx);
      if (!calcOnly) this.state.set(`§${section.n}`, { rel });
      if (rel) this.items(section.i, this.doc, [], "");
      else this.drop(section.i, this.doc);
    }
  }

  relevant(ast, ctx) {
    return !ast || safe(() => evaluateBoolean(ast, ctx), true);
  }

  items(items, scope, frames, prefix) {
    for (const item of items) {
      const key = prefix + item.n;
      const ctx = context(this.index, this.doc, frames, this.today);
      const rel = this.calcOnly || this.relevant(item.r, ctx);
      if (!this.calcOnly) this.state.set(key, { rel });
      if (item.k === "n") continue;
      if (!rel) this.drop([item], scope);
      else if (item.k === "g") this.items(item.i, scope, frames, prefix);
      else if (item.k === "r") this.repeat(item, scope, frames, prefix, ctx);
      else if (item.t === "calculate") this.calculate(item, scope, ctx);
      else if (!this.calcOnly) this.question(item, scope, frames, key, ctx);
    }
  }

  drop(items, scope) {
    for (const item of items) {
      if (item.k === "g") this.drop(item.i, scope);
      else if (item.k !== "n") delete scope[item.n];
    }
  }

  repeat(item, scope, frames, prefix, ctx) {
    const rows = Array.isArray(scope[item.n]) ? scope[item.n] : [];
    if (!this.calcOnly && item.rc) {
      const limit = safe(() => evaluate(item.rc, ctx), null);
      if (typeof limit === "number" && Number.isFinite(limit)) {
        this.state.get(prefix + item.n).max = Math.max(Math.trunc(limit), 0);
      }
    }
    rows.forEach((row, at) => {
      if (!this.calcOnly && CARRIED.has(row._carry)) this.carried(row);
      const here = [...frames, { repeat: item.n, row, index: at + 1 }];
      this.items(item.i, row, here, `${prefix}${item.n}#${row._id}/`);
    });
  }

  /** A carried row counts as one required answer, given once confirmed (validate.py). */
  carried(row) {
    this.total += 1;
    if (row._carry !== "pending") this.answered += 1;
    else this.missing[this.section] = (this.missing[this.section] ?? 0) + 1;
  }

  calculate(item, scope, ctx) {
    let value = safe(() => evaluate(item.x, ctx), null);
    if (typeof value === "number" && !Number.isFinite(value)) value = null;
    if (isEmpty(value)) delete scope[item.n];
    else scope[item.n] = value;
  }

  question(item, scope, frames, key, ctx) {
    const entry = this.state.get(key);
    let value = scope[item.n] ?? null;
    if (item.f) {
      entry.offered = this.offered(item, frames);
      const chosen = Array.isArray(value) ? value : value === null ? [] : [String(value)];
      if (chosen.some((code) => !entry.offered.has(code))) {
        delete scope[item.n];
        value = null;
        this.cleared.push(key);
      }
    }
    const req = item.q === true || (!!item.q && safe(() => evaluateBoolean(item.q, ctx), false));
    entry.req = req;
    if (req) {
      const given = !isEmpty(value);
      this.total += 1;
      this.answered += given ? 1 : 0;
      if (!given) this.missing[this.section] = (this.missing[this.section] ?? 0) + 1;
    }
    if (!isEmpty(value) && item.c) {
      const here = context(this.index, this.doc, frames, this.today, { current: value });
      if (!safe(() => evaluateBoolean(item.c, here), false)) entry.err = item.m;
    }
  }

  offered(item, frames) {
    const codes = new Set();
    for (const choice of this.index.model.c[item.l] ?? []) {
      const ctx = context(this.index, this.doc, frames, this.today, { choice });
      if (safe(() => evaluateBoolean(item.f, ctx), false)) codes.add(choice[0]);
    }
    return codes;
  }
}
