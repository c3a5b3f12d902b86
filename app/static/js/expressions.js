// Browser evaluator of the XLSForm expression AST produced by app/questionnaires/expressions.
// The browser never parses: the server ships the JSON AST. Every rule here mirrors the Python
// evaluator (values.py, evaluate.py, functions.py, regex.py); tests/js/expressions.test.mjs and
// the shared vectors hold them equal. Semantics: surveys/EXPRESSIONS.md. No eval, no Function.

export class ExpressionError extends Error {
  constructor(message, position = null) {
    super(message);
    this.name = "ExpressionError";
    this.position = position;
  }
}

// ---- values (values.py) ----------------------------------------------------------------------

const NUMERIC = /^[ \t\r\n]*(-?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+))[ \t\r\n]*$/;
const ISO_DATE = /^[ \t\r\n]*([0-9]{4})-([0-9]{2})-([0-9]{2})[ \t\r\n]*$/;
const WHITESPACE = /[ \t\r\n]+/;

function pad(number, width) {
  return String(number).padStart(width, "0");
}

function isoDate(date) {
  return `${pad(date.getFullYear(), 4)}-${pad(date.getMonth() + 1, 2)}-${pad(date.getDate(), 2)}`;
}

function fromAnswer(raw) {
  if (raw === null || raw === undefined) return "";
  if (typeof raw === "boolean" || typeof raw === "string" || typeof raw === "number") return raw;
  if (Array.isArray(raw)) return raw.slice();
  if (raw instanceof Date) return isoDate(raw);
  return String(raw);
}

export function toString(value) {
  if (typeof value === "string") return value;
  if (typeof value === "boolean") return value ? "true" : "false";
  if (typeof value === "number") return formatNumber(value);
  return value.map((item) => toString(fromAnswer(item))).filter((part) => part !== "").join(" ");
}

export function toNumber(value) {
  if (typeof value === "boolean") return value ? 1 : 0;
  if (typeof value === "number") return value;
  return parseNumber(toString(value));
}

export function toBoolean(value) {
  if (typeof value === "boolean") return value;
  if (typeof value === "number") return value !== 0 && !Number.isNaN(value);
  return toString(value) !== "";
}

function parseNumber(text) {
  let match = NUMERIC.exec(text);
  if (match) return Number(match[1]);
  match = ISO_DATE.exec(text);
  if (match) return dateDays(Number(match[1]), Number(match[2]), Number(match[3]));
  return NaN;
}

function dateDays(year, month, day) {
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  const lengths = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
  if (year < 1 || month < 1 || month > 12 || day < 1 || day > lengths[month - 1]) return NaN;
  // Days from civil (proleptic Gregorian), so no Date object and no time zone is involved.
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const leapDays = Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100);
  const dayOfEra = yearOfEra * 365 + leapDays + dayOfYear;
  return era * 146097 + dayOfEra - 719468;
}

export function formatNumber(number) {
  if (Number.isNaN(number)) return "NaN";
  if (number === Infinity) return "Infinity";
  if (number === -Infinity) return "-Infinity";
  if (number === 0) return "0";
  // String() gives the shortest round-trip digits, as Python's repr(); expand any exponent.
  const text = String(number);
  const match = /^(-?)([0-9])(?:\.([0-9]+))?e([+-][0-9]+)$/.exec(text);
  if (!match) return text;
  const [, sign, lead, rest = "", exponent] = match;
  const digits = lead + rest;
  const point = 1 + Number(exponent);
  if (point <= 0) return `${sign}0.${"0".repeat(-point)}${digits}`;
  if (point >= digits.length) return sign + digits + "0".repeat(point - digits.length);
  return `${sign}${digits.slice(0, point)}.${digits.slice(point)}`;
}

// ---- regex() dialect (regex.py) ----------------------------------------------------------------

const SHORTHANDS = {
  d: [[0x30, 0x39]],
  w: [[0x30, 0x39], [0x41, 0x5a], [0x5f, 0x5f], [0x61, 0x7a]],
  s: [[0x09, 0x0d], [0x20, 0x20]],
};
const CONTROL_ESCAPES = { n: 0x0a, r: 0x0d, t: 0x09, f: 0x0c, v: 0x0b };
const PUNCTUATION = new Set("^$\\.*+?()[]{}|/-");
const LINE_BREAKS = [[0x0a, 0x0a], [0x0d, 0x0d], [0x2028, 0x2029]];
const BRACES = /^\{([0-9]+)(,([0-9]*))?\}/;
const HEX4 = /^[0-9A-Fa-f]{4}$/;
const MAX_REPEAT = 1000;
const patternCache = new Map();

class Invalid extends Error {}

function compilePattern(pattern) {
  if (patternCache.has(pattern)) return patternCache.get(pattern);
  let compiled;
  try {
    compiled = new RegExp(translate(Array.from(pattern)), "u");
  } catch (error) {
    const reason = error instanceof Invalid ? error.message : "unsupported pattern";
    throw new ExpressionError(`invalid regex '${pattern}': ${reason}`);
  }
  if (patternCache.size >= 256) patternCache.clear();
  patternCache.set(pattern, compiled);
  return compiled;
}

function startsWith(chars, i, text) {
  return chars.slice(i, i + text.length).join("") === text;
}

function translate(chars) {
  const out = [];
  let depth = 0;
  let repeatable = false;
  let i = 0;
  while (i < chars.length) {
    const char = chars[i];
    let text;
    if ("*+?{".includes(char)) {
      if (!repeatable) throw new Invalid("nothing to repeat");
      [text, i] = quantifier(chars, i);
      out.push(text);
      repeatable = false;
      continue;
    }
    if (char === "(") {
      text = startsWith(chars, i, "(?:") ? "(?:" : "(";
      if (text === "(" && startsWith(chars, i, "(?")) {
        throw new Invalid("unsupported group syntax '(?'");
      }
      depth += 1;
      i += text.length;
      repeatable = false;
    } else if (char === ")") {
      if (depth === 0) throw new Invalid("unbalanced parenthesis");
      depth -= 1;
      [text, i, repeatable] = [")", i + 1, true];
    } else {
      [text, i, repeatable] = atom(chars, i);
    }
    out.push(text);
  }
  if (depth) throw new Invalid("unbalanced parenthesis");
  return out.join("");
}

function atom(chars, i) {
  const char = chars[i];
  if (char === "|" || char === "^") return [char, i + 1, false];
  if (char === "$") return ["$", i + 1, false];
  if (char === ".") return [classText(LINE_BREAKS, true), i + 1, true];
  if (char === "[") return bracket(chars, i);
  if (char === "]" || char === "}") throw new Invalid(`unescaped '${char}'`);
  if (char !== "\\") return [literal(char.codePointAt(0)), i + 1, true];
  const letter = chars[i + 1] ?? "";
  if (letter === "b" || letter === "B") return ["\\" + letter, i + 2, false];
  const lower = letter.toLowerCase();
  if (letter && Object.hasOwn(SHORTHANDS, lower)) {
    return [classText(SHORTHANDS[lower], letter !== lower), i + 2, true];
  }
  let code;
  [code, i] = escapedCode(chars, i);
  return [literal(code), i, true];
}

function quantifier(chars, i) {
  let text;
  if (chars[i] === "{") {
    const match = BRACES.exec(chars.slice(i).join(""));
    if (!match) throw new Invalid("invalid quantifier '{' (write \\{ for a literal brace)");
    const low = Number(match[1]);
    const high = match[3];
    if (Math.max(low, Number(high || 0)) > MAX_REPEAT) {
      throw new Invalid(`quantifier larger than ${MAX_REPEAT}`);
    }
    if (high && Number(high) < low) throw new Invalid("quantifier range out of order");
    [text, i] = [match[0], i + match[0].length];
  } else {
    [text, i] = [chars[i], i + 1];
  }
  if (chars[i] === "?") return [text + "?", i + 1];
  return [text, i];
}

function bracket(chars, i) {
  i += 1;
  const negated = chars[i] === "^";
  if (negated) i += 1;
  if (chars[i] === "]") throw new Invalid("empty character class");
  const ranges = [];
  for (;;) {
    if (i >= chars.length) throw new Invalid("unterminated character class");
    if (chars[i] === "]") return [classText(ranges, negated), i + 1, true];
    let low, shorthand;
    [low, i, shorthand] = classAtom(chars, i);
    if (shorthand) {
      ranges.push(...shorthand);
    } else if (chars[i] === "-" && chars[i + 1] !== "]" && i + 1 < chars.length) {
      let high;
      [high, i, shorthand] = classAtom(chars, i + 1);
      if (shorthand || high < low) throw new Invalid("invalid range in character class");
      ranges.push([low, high]);
    } else {
      ranges.push([low, low]);
    }
  }
}

function classAtom(chars, i) {
  const char = chars[i];
  if (char === "[") throw new Invalid("unescaped '[' in character class");
  if (char !== "\\") return [char.codePointAt(0), i + 1, null];
  const letter = chars[i + 1] ?? "";
  if (letter && Object.hasOwn(SHORTHANDS, letter)) return [0, i + 2, SHORTHANDS[letter]];
  if (["D", "W", "S", "b", "B"].includes(letter)) {
    throw new Invalid(`unsupported escape in character class: \\${letter}`);
  }
  return [...escapedCode(chars, i), null];
}

function escapedCode(chars, i) {
  const letter = chars[i + 1] ?? "";
  if (!letter) throw new Invalid("trailing backslash");
  if (Object.hasOwn(CONTROL_ESCAPES, letter)) return [CONTROL_ESCAPES[letter], i + 2];
  if (PUNCTUATION.has(letter)) return [letter.codePointAt(0), i + 2];
  if (letter === "u") {
    const digits = chars.slice(i + 2, i + 6).join("");
    const code = parseInt(digits, 16);
    if (!HEX4.test(digits) || (code >= 0xd800 && code <= 0xdfff)) {
      throw new Invalid("\\u needs 4 hex digits of a non-surrogate code point");
    }
    return [code, i + 6];
  }
  throw new Invalid(`unsupported escape \\${letter}`);
}

function classText(ranges, negated) {
  const body = ranges.map(([lo, hi]) => escape(lo) + (lo === hi ? "" : "-" + escape(hi))).join("");
  return `[${negated ? "^" : ""}${body}]`;
}

function literal(code) {
  const char = String.fromCodePoint(code);
  return /^[0-9A-Za-z]$/.test(char) ? char : escape(code);
}

function escape(code) {
  return `\\u{${code.toString(16)}}`;
}

// ---- functions (functions.py) ----------------------------------------------------------------

const MAX_ROUND_DIGITS = 30;

function selectedCodes(value) {
  return toString(value).split(WHITESPACE).filter((code) => code !== "");
}

function roundHalfAway(number, digits) {
  if (!Number.isFinite(number) || number === 0) return number;
  const scale = Number(`1e${Math.abs(digits)}`);
  const scaled = digits >= 0 ? Math.abs(number) * scale : Math.abs(number) / scale;
  if (scaled >= 2 ** 52) return number;
  let whole = Math.floor(scaled);
  if (scaled - whole >= 0.5) whole += 1;
  const result = digits >= 0 ? whole / scale : whole * scale;
  return number < 0 ? -result : result;
}

function todayText(today) {
  if (today === undefined || today === null) return isoDate(new Date());
  return fromAnswer(today);
}

const FUNCTIONS = {
  not: (args, ctx, ev) => !toBoolean(ev(args[0])),
  true: () => true,
  false: () => false,
  if: (args, ctx, ev) => (toBoolean(ev(args[0])) ? ev(args[1]) : ev(args[2])),
  coalesce: (args, ctx, ev) => {
    const first = ev(args[0]);
    return toString(first) !== "" ? first : ev(args[1]);
  },
  selected: (args, ctx, ev) => {
    const wanted = toString(ev(args[1])).replace(/^[ \t\r\n]+|[ \t\r\n]+$/g, "");
    return selectedCodes(ev(args[0])).includes(wanted);
  },
  "count-selected": (args, ctx, ev) => selectedCodes(ev(args[0])).length,
  "string-length": (args, ctx, ev) => Array.from(toString(ev(args[0]))).length,
  concat: (args, ctx, ev) => args.map((arg) => toString(ev(arg))).join(""),
  regex: (args, ctx, ev) => {
    const text = toString(ev(args[0]));
    return compilePattern(toString(ev(args[1]))).test(text);
  },
  number: (args, ctx, ev) => toNumber(ev(args[0])),
  int: (args, ctx, ev) => Math.trunc(toNumber(ev(args[0]))),
  round: (args, ctx, ev) => {
    const number = toNumber(ev(args[0]));
    let digits = args.length > 1 ? toNumber(ev(args[1])) : 0;
    if (Number.isNaN(digits)) return NaN;
    digits = Math.max(-MAX_ROUND_DIGITS, Math.min(MAX_ROUND_DIGITS, digits));
    return roundHalfAway(number, Math.trunc(digits));
  },
  today: (args, ctx) => todayText(ctx.today),
  sum: (args, ctx, ev) => {
    const value = ev(args[0]);
    let total = 0;
    for (const item of Array.isArray(value) ? value : [value]) total += toNumber(fromAnswer(item));
    return total;
  },
  count: (args, ctx, ev) => {
    const value = ev(args[0]);
    return Array.isArray(value) ? value.length : 1;
  },
  position: (args, ctx) => {
    if (ctx.position === null || ctx.position === undefined) {
      throw new ExpressionError("position(..) used outside a repeat");
    }
    return Number(ctx.position);
  },
};

// ---- evaluator (evaluate.py) -----------------------------------------------------------------

function equal(left, right) {
  if (typeof left === "boolean" || typeof right === "boolean") {
    return toBoolean(left) === toBoolean(right);
  }
  if (typeof left === "number" || typeof right === "number") {
    return toNumber(left) === toNumber(right);
  }
  return toString(left) === toString(right);
}

const ARITHMETIC = {
  "+": (x, y) => x + y,
  "-": (x, y) => x - y,
  "*": (x, y) => x * y,
  div: (x, y) => x / y,
  mod: (x, y) => x % y,
};
const RELATIONAL = {
  "<": (x, y) => x < y,
  "<=": (x, y) => x <= y,
  ">": (x, y) => x > y,
  ">=": (x, y) => x >= y,
};

function binary(node, ctx) {
  const { op } = node;
  const left = evalNode(node.left, ctx);
  if (op === "and") return toBoolean(left) && toBoolean(evalNode(node.right, ctx));
  if (op === "or") return toBoolean(left) || toBoolean(evalNode(node.right, ctx));
  const right = evalNode(node.right, ctx);
  if (Object.hasOwn(ARITHMETIC, op)) return ARITHMETIC[op](toNumber(left), toNumber(right));
  if (op === "=") return equal(left, right);
  if (op === "!=") return !equal(left, right);
  if (!Object.hasOwn(RELATIONAL, op)) throw new ExpressionError(`unknown operator: ${op}`);
  return RELATIONAL[op](toNumber(left), toNumber(right));
}

function evalNode(node, ctx) {
  switch (node.type) {
    case "number":
      return Number(node.value);
    case "string":
      return node.value;
    case "ref":
      return fromAnswer(ctx.value(node.name));
    case "current":
      return fromAnswer(ctx.current);
    case "neg":
      return -toNumber(evalNode(node.operand, ctx));
    case "binary":
      return binary(node, ctx);
    case "call": {
      if (!Object.hasOwn(FUNCTIONS, node.name)) {
        throw new ExpressionError(`unknown function: ${node.name}()`);
      }
      return FUNCTIONS[node.name](node.args, ctx, (arg) => evalNode(arg, ctx));
    }
    default:
      throw new ExpressionError(`unknown node type: ${node.type}`);
  }
}

/** Evaluate an AST with ctx = {value(name), current, position, today}; returns string,
 * number, boolean or array, exactly as the Python evaluate() does. */
export function evaluate(ast, ctx) {
  return evalNode(ast, ctx);
}

/** Evaluate and apply XPath boolean(), as relevant, constraint and required do. */
export function evaluateBoolean(ast, ctx) {
  return toBoolean(evalNode(ast, ctx));
}

/** Evaluate and apply XPath string(). */
export function evaluateText(ast, ctx) {
  return toString(evalNode(ast, ctx));
}

/** The question names an AST reads (to know which expressions to re-run on a change). */
export function references(ast, names = new Set()) {
  if (ast.type === "ref") names.add(ast.name);
  for (const child of [ast.left, ast.right, ast.operand, ...(ast.args ?? [])]) {
    if (child) references(child, names);
  }
  return names;
}
