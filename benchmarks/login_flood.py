"""A login flood beside autosave: signed-in officers keep saving while wrong passwords pour in.

Starts `survei serve` (one worker, SQLite, `SURVEI_TRUSTED_PROXIES=127.0.0.1`) on loopback,
signs in `--officers` officers (as autosave.py does) and alternates, side by side in one run,
phases of `--seconds` each:

  quiet   officers autosave (a whole draft, mean pause `--think` s) and read GET /api/v1/me
  flood   the same, while a flood of `--rate` wrong passwords per second arrives:
            spread  every attempt from another address (X-Forwarded-For) for one of the
                    officers' accounts, so every one reaches the password hash (the worst case
                    for the hashing queue)
            single  every attempt from one address: the throttle answers 429 before any hash

The flood comes from a process of its own. It prints p50/p95 of autosave and /me per phase
kind, the flood's answers (401 = the password was checked, 429 = throttled, 503 = the login
queue was full) and the ratios flood p95 / quiet p95. Target: autosave p95 under the flood
<= 2 x quiet p95.

    .venv/bin/python benchmarks/login_flood.py [--officers 5] [--rate 50] [--seconds 15]
        [--rounds 2] [--think 2.0] [--flood spread|single]
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

import httpx2 as httpx

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from benchmarks.autosave import SECRET, Officer, free_port, seed  # noqa: E402

SURVEI = Path(sys.executable).parent / "survei"


def start_server(url: str, var_dir: Path, port: int) -> subprocess.Popen:
    """`survei serve` as an operator runs it, trusting loopback as its reverse proxy."""
    env = {**os.environ, "SURVEI_ENV": "test", "SURVEI_DATABASE_URL": url,
           "SURVEI_SECRET_KEY": SECRET, "SURVEI_VAR_DIR": str(var_dir),
           "SURVEI_TRUSTED_PROXIES": "127.0.0.1"}
    server = subprocess.Popen([str(SURVEI), "serve", "--port", str(port)], cwd=ROOT, env=env,
                              stdout=subprocess.DEVNULL)
    deadline = time.monotonic() + 90
    while time.monotonic() < deadline:
        try:
            if httpx.get(f"http://127.0.0.1:{port}/healthz", timeout=1).status_code == 200:
                return server
        except httpx.HTTPError:
            time.sleep(0.2)
    server.kill()
    raise RuntimeError("the server did not start")


class Flood:
    """`rate` wrong passwords a second, each in its own task, until stopped."""

    def __init__(self, base: str, usernames: list[str], rate: float, spread: bool):
        self.client = httpx.AsyncClient(base_url=base, timeout=60)
        self.usernames, self.rate, self.spread = usernames, rate, spread
        self.answers: Counter = Counter()
        self.rng = random.Random(7)
        self.token = ""

    async def prepare(self) -> None:
        page = (await self.client.get("/login")).text
        self.token = page.split('name="csrf_token" value="', 1)[1].split('"', 1)[0]

    def _address(self) -> str:
        if not self.spread:
            return "198.51.100.1"
        return f"10.{self.rng.randrange(256)}.{self.rng.randrange(256)}.{self.rng.randrange(256)}"

    async def _one(self) -> None:
        data = {"username": self.rng.choice(self.usernames), "password": "salah-sekali-123",
                "csrf_token": self.token}
        try:
            answer = await self.client.post("/login", data=data,
                                            headers={"X-Forwarded-For": self._address()})
            self.answers[answer.status_code] += 1
        except httpx.HTTPError:
            self.answers["error"] += 1

    async def run(self, seconds: float) -> None:
        tasks, started = [], time.perf_counter()
        for n in range(int(seconds * self.rate)):
            await asyncio.sleep(max(0.0, started + n / self.rate - time.perf_counter()))
            tasks.append(asyncio.create_task(self._one()))
        await asyncio.gather(*tasks)


async def officers_phase(officers: list[Officer], seconds: float, think: float,
                         timings: dict[str, list[float]]) -> None:
    """Each officer alternates autosave and /me with pauses, for `seconds`."""
    rng = random.Random(len(timings["autosave"]))
    end = time.perf_counter() + seconds

    async def run(officer: Officer) -> None:
        n = 0
        while time.perf_counter() < end:
            await asyncio.sleep(rng.uniform(0, 2 * think))
            for action in ("autosave", "empty"):
                started = time.perf_counter()
                status = await officer.call(action, n)
                timings[action].append((time.perf_counter() - started) * 1000)
                timings["errors"].append(status != 200)
            n += 1

    await asyncio.gather(*(run(officer) for officer in officers))


async def flood_process(base: str, officers: int, args, answers: Counter) -> None:
    """The flood from its own process, so its client work does not delay the officers'."""
    child = await asyncio.create_subprocess_exec(
        sys.executable, __file__, "--flood-child", base, "--officers", str(officers),
        "--rate", str(args.rate), "--seconds", str(args.seconds), "--flood", args.flood,
        stdout=asyncio.subprocess.PIPE)
    out, _ = await child.communicate()
    answers.update({key: value for key, value in json.loads(out).items()})


async def flood_child(base: str, args) -> None:
    flood = Flood(base, [f"petugas{n + 1:03d}" for n in range(args.officers)], args.rate,
                  args.flood == "spread")
    await flood.prepare()
    await flood.run(args.seconds)
    await flood.client.aclose()
    print(json.dumps({str(key): value for key, value in flood.answers.items()}))


async def measure(base: str, round_id: int, sessions, args) -> tuple[dict, Counter]:
    officers = [Officer(base, round_id, cookie, csrf, n)
                for n, (cookie, csrf) in enumerate(sessions)]
    results = {kind: {"autosave": [], "empty": [], "errors": []} for kind in ("quiet", "flood")}
    answers: Counter = Counter()
    try:
        await officers_phase(officers, 3, args.think, {"autosave": [], "empty": [],
                                                       "errors": []})  # warm up
        for _ in range(args.rounds):
            await officers_phase(officers, args.seconds, args.think, results["quiet"])
            await asyncio.gather(officers_phase(officers, args.seconds, args.think,
                                                results["flood"]),
                                 flood_process(base, len(sessions), args, answers))
    finally:
        await asyncio.gather(*(officer.client.aclose() for officer in officers))
    return results, answers


def p(values: list[float], q: int) -> float:
    return statistics.quantiles(values, n=100, method="inclusive")[q - 1]


def report(results: dict, answers: Counter, args) -> None:
    print(f"{args.officers} officers autosaving (mean pause {args.think} s) beside a flood of "
          f"{args.rate} wrong passwords/s ({args.flood}); SQLite, one worker; "
          f"{args.rounds} x {args.seconds} s per phase kind, alternating")
    print(f"{'':8}{'request':10}{'n':>7}{'p50 ms':>9}{'p95 ms':>9}{'errors':>8}")
    for kind, rows in results.items():
        for action in ("autosave", "empty"):
            values = rows[action]
            print(f"{kind:8}{action:10}{len(values):>7}{p(values, 50):>9.1f}"
                  f"{p(values, 95):>9.1f}{sum(rows['errors']):>8}")
    print("flood answers: " + ", ".join(f"{status}: {count}"
                                        for status, count in sorted(answers.items(), key=str)))
    for action in ("autosave", "empty"):
        ratio = p(results["flood"][action], 95) / p(results["quiet"][action], 95)
        verdict = "met" if ratio <= 2 else "NOT met"
        print(f"{action} p95 flood / quiet = {ratio:.2f} (target <= 2): {verdict}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--officers", type=int, default=5)
    parser.add_argument("--rate", type=float, default=50, help="wrong passwords per second")
    parser.add_argument("--seconds", type=float, default=15, help="length of each phase")
    parser.add_argument("--rounds", type=int, default=2, help="quiet+flood pairs")
    parser.add_argument("--think", type=float, default=2.0, help="mean pause (s) of officers")
    parser.add_argument("--flood", choices=("spread", "single"), default="spread")
    parser.add_argument("--flood-child", metavar="URL", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.flood_child:
        asyncio.run(flood_child(args.flood_child, args))
        return
    with tempfile.TemporaryDirectory(prefix="survei-flood-") as tmp:
        url = f"sqlite:///{Path(tmp) / 'bench.db'}"
        round_id, sessions = seed(url, args.officers)
        port = free_port()
        server = start_server(url, Path(tmp) / "var", port)
        try:
            budget = 60 + 2 * args.rounds * args.seconds * 3
            results, answers = asyncio.run(asyncio.wait_for(
                measure(f"http://127.0.0.1:{port}", round_id, sessions, args), budget))
        finally:
            server.terminate()
            try:
                server.wait(timeout=30)
            except subprocess.TimeoutExpired:
                server.kill()
    report(results, answers, args)


if __name__ == "__main__":
    main()
