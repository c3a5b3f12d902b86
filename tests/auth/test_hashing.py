"""Password checks run in threads of their own, below the CPU priority of request threads, so a
login flood takes only the CPU the officers' saves leave (benchmarks/login_flood.py)."""

import asyncio
import os
import threading
from concurrent.futures import ThreadPoolExecutor

import pytest

from app.auth.passwords import HASH_NICENESS, Hasher, hash_password


def run_async(coroutine):
    """The coroutine's result, from an event loop of its own in a thread of its own (a browser
    test earlier in the same process may have left this thread's loop running)."""
    with ThreadPoolExecutor(max_workers=1) as pool:
        return pool.submit(asyncio.run, coroutine).result()


@pytest.mark.skipif(not hasattr(os, "setpriority"), reason="thread priorities are POSIX")
def test_checks_run_at_a_lower_priority_than_the_caller():
    hasher = Hasher(1)
    stored = hash_password("kata-sandi-rahasia")

    async def check_and_priority():
        ok = await hasher.check(stored, "kata-sandi-rahasia")
        loop = asyncio.get_running_loop()
        nice = await loop.run_in_executor(
            hasher._pool, lambda: os.getpriority(os.PRIO_PROCESS, threading.get_native_id()))
        return ok, nice

    (ok, _new_hash), nice = run_async(check_and_priority())
    caller = os.getpriority(os.PRIO_PROCESS, threading.get_native_id())
    assert ok is True
    assert nice == min(caller + HASH_NICENESS, 19)


def test_a_wrong_password_is_refused_and_the_queue_empties():
    hasher = Hasher(1)
    stored = hash_password("kata-sandi-rahasia")

    async def three_wrong():
        return await asyncio.gather(*(hasher.check(stored, "salah") for _ in range(3)))

    assert [ok for ok, _ in run_async(three_wrong())] == [False, False, False]
    assert hasher.waiting() == 0
