// Autosave: changes go to the server in the background (debounced, and at once when asked),
// each save carrying the version it was based on. Until the server acknowledges a change, the
// officer's input also sits in localStorage, so a reload or a lost connection loses nothing.
//
// One state at a time goes to onStatus: pending/saving, saved, offline (no connection, or the
// server's storage is unavailable: 503), conflict (a stale save waits for the officer),
// refused (422: the server names what it cannot take), failed (anything else, retried),
// session or closed (saving stopped). `trouble` remembers offline/failed/refused until a save
// succeeds, so typing meanwhile does not pretend all is well.

const RETRY_MS = [1000, 2000, 4000, 8000, 15000];

export class Saver {
  /** opts: url, csrf, version, base (the saved answers), key (localStorage), local() ->
   * {doc, raw} to keep, cleaned() -> the document to send, onStatus(kind, detail),
   * onConflict(error, sent) for a stale save, onSaved(version). */
  constructor(opts) {
    Object.assign(this, opts);
    this.seq = 0;
    this.acked = 0;
    this.failures = 0;
    this.inflight = null;
    this.timer = null;
    this.paused = false;
    this.stopped = null;
    this.trouble = null;
  }

  get dirty() {
    return this.seq > this.acked;
  }

  /** Something changed: keep it locally now, send it after `delay` ms of quiet. */
  touch(delay) {
    this.seq += 1;
    this.keep();
    const still = this.trouble === "offline" || this.trouble === "failed";
    if (!this.paused && !this.stopped) this.onStatus(still ? this.trouble : "pending");
    this.schedule(delay);
  }

  schedule(delay) {
    clearTimeout(this.timer);
    if (!this.paused && !this.stopped) this.timer = setTimeout(() => this.send(), delay);
  }

  /** Send now and wait; true when everything is acknowledged. */
  async flush() {
    clearTimeout(this.timer);
    if (this.inflight) await this.inflight;
    if (this.dirty && !this.paused && !this.stopped) await this.send();
    return !this.dirty;
  }

  pause() {
    this.paused = true;
    clearTimeout(this.timer);
  }

  resume() {
    this.paused = false;
    if (this.dirty) this.schedule(0);
  }

  async send() {
    if (this.paused || this.stopped || !this.dirty) return;
    if (this.inflight) {
      await this.inflight;
      return this.send();
    }
    const seq = this.seq;
    const answers = this.cleaned();
    this.onStatus("saving");
    this.inflight = this.request(answers);
    const outcome = await this.inflight;
    this.inflight = null;
    this.handle(outcome, seq, answers);
  }

  async request(answers) {
    if (globalThis.navigator?.onLine === false) return { status: 0, body: {} };
    try {
      const response = await fetch(this.url, {
        method: "PUT",
        credentials: "same-origin",
        headers: { "Content-Type": "application/json", Accept: "application/json",
                   "X-CSRF-Token": this.csrf },
        body: JSON.stringify({ version: this.version, answers }),
      });
      const body = await response.json().catch(() => ({}));
      return { status: response.status, body };
    } catch {
      return { status: 0, body: {} };
    }
  }

  handle({ status, body }, seq, answers) {
    if (status === 200) {
      this.version = body.version;
      this.base = answers;
      this.acked = Math.max(this.acked, seq);
      this.failures = 0;
      this.trouble = null;
      this.keep();
      this.onSaved(body.version);
      if (this.dirty) this.schedule(300);
      else this.onStatus("saved", body.saved_at);
      return;
    }
    const error = body?.error;
    if (status === 409 && error?.code === "submission.stale") {
      this.pause();
      this.onStatus("conflict");
      this.onConflict(error.current, answers);
    } else if (status === 401 || status === 403) {
      this.stop("session");
    } else if (status === 404 || status === 409) {
      this.stop("closed");
    } else if (status === 422) {
      this.trouble = "refused"; // retrying the same answers cannot help: the next edit retries
      this.onStatus("refused", error);
    } else {
      const wait = RETRY_MS[Math.min(this.failures, RETRY_MS.length - 1)];
      this.failures += 1;
      this.trouble = status === 0 || status === 503 ? "offline" : "failed";
      this.onStatus(this.trouble, error);
      this.schedule(wait);
    }
  }

  stop(reason) {
    this.stopped = reason;
    clearTimeout(this.timer);
    this.onStatus(reason);
  }

  /** Keep unsaved input in localStorage; forget it once the server has all of it. */
  keep() {
    const { doc, raw } = this.local();
    try {
      if (!this.dirty && Object.keys(raw).length === 0) {
        localStorage.removeItem(this.key);
      } else {
        const stash = { v: this.version, base: this.base, local: doc, raw, at: Date.now() };
        localStorage.setItem(this.key, JSON.stringify(stash));
      }
    } catch {
      // Private mode or a full quota: the server copy is all we have; saving goes on.
    }
  }

  /** What an earlier page left unsaved in this browser (or null). */
  static stashed(key) {
    try {
      const stash = JSON.parse(localStorage.getItem(key) ?? "null");
      return stash && typeof stash === "object" && stash.local ? stash : null;
    } catch {
      return null;
    }
  }
}
