"""The job use cases on both backends: start, run with progress, claim once, interrupt, expire."""

import threading

import pytest
from openpyxl import load_workbook
from sqlmodel import select

from app.audits.models import AuditEvent
from app.db import Database
from app.errors import BadRequest, Conflict
from app.jobs import files, service
from app.jobs.models import Job, JobState
from tests.jobs.conftest import EXPORT


def start(world, kind="export", **raw):
    with world.db.write_session() as session:
        return service.start_job(session, round_id=world.round.id, kind=kind,
                                 raw={**EXPORT, **raw} if kind == "export" else raw,
                                 actor=world.planner)


def job(db, job_id) -> Job:
    with db.session() as session:
        return session.get(Job, job_id)


def actions(db, job_id) -> list[str]:
    with db.session() as session:
        query = select(AuditEvent.action).where(AuditEvent.object_type == "job",
                                                AuditEvent.object_id == str(job_id))
        return list(session.exec(query.order_by(AuditEvent.id)))


def test_an_export_job_writes_the_workbook_and_is_audited(world, run_jobs, settings):
    queued = start(world)
    assert (queued.state, queued.created_by_name) == ("queued", "Planner")
    assert run_jobs() == 1
    done = job(world.db, queued.id)
    assert (done.state, done.step, done.done, done.total) == ("done", "done", 2, 2)
    assert done.filename.startswith("survei-periode-uji-2026-") and done.size > 0
    with open(files.path_of(settings.var_dir, done.file_key), "rb") as handle:
        book = load_workbook(handle)
    assert [row[0] for row in book["Isian"].iter_rows(min_row=2, values_only=True)] == [
        "OPD-A", "OPD-B"]
    assert actions(world.db, queued.id) == ["job.started", "job.finished"]
    assert done.expires_at is not None and done.expires_at > done.finished_at


def test_a_report_job_writes_the_html_report(world, run_jobs, settings):
    queued = start(world, kind="report", format="html", statuses="approved")
    run_jobs()
    done = job(world.db, queued.id)
    assert done.state == "done" and done.filename.endswith(".html")
    html = files.path_of(settings.var_dir, done.file_key).read_text(encoding="utf-8")
    assert "Periode Uji 2026" in html and html.rstrip().endswith("</html>")


def test_an_export_job_keeps_the_form_options_framework_and_na(world, run_jobs, settings):
    queued = start(world, na="mark", framework="RPM-KC-2026")
    assert (queued.params["na"], queued.params["framework"]) == ("mark", "RPM-KC-2026")
    run_jobs()
    done = job(world.db, queued.id)
    assert done.state == "done", done.error
    with open(files.path_of(settings.var_dir, done.file_key), "rb") as handle:
        info = dict(row[:2] for row in load_workbook(handle)["Info"].iter_rows(values_only=True))
    assert info["Sel pertanyaan yang tidak berlaku"] == "ditandai «Tidak berlaku»"


def test_a_report_job_writes_the_pdf(world, run_jobs, settings):
    queued = start(world, kind="report", format="pdf", framework="GMSC-2021")
    run_jobs()
    done = job(world.db, queued.id)
    assert done.state == "done", done.error
    assert done.filename.endswith(".pdf") and done.media_type == "application/pdf"
    assert files.path_of(settings.var_dir, done.file_key).read_bytes().startswith(b"%PDF")


@pytest.mark.parametrize("kind", ["export", "report"])
def test_an_unknown_framework_is_refused_before_the_job_is_queued(world, kind):
    with pytest.raises(BadRequest) as refused:
        start(world, kind=kind, framework="NOPE")
    assert refused.value.key == "framework.unknown"
    with world.db.session() as session:
        assert session.exec(select(Job)).all() == []


@pytest.mark.parametrize("raw, key", [({"format": "pdf"}, "job.bad_option"),
                                      ({"na": "maybe"}, "job.bad_option"),
                                      ({"opds": ["NOPE"]}, "export.unknown_opds")])
def test_wrong_options_are_refused_before_anything_is_queued(world, raw, key):
    with pytest.raises(BadRequest) as refused:
        start(world, **raw)
    assert refused.value.key == key
    with world.db.session() as session:
        assert session.exec(select(Job)).all() == []


def test_concurrent_claims_take_each_job_exactly_once(world, database_url):
    ids = [start(world).id for _ in range(3)]
    databases = [Database(database_url) for _ in range(2)]
    claimed, barrier = [], threading.Barrier(4)

    def claim(db: Database, worker: str) -> None:
        barrier.wait()
        while (taken := service.claim_next(db, worker=worker)) is not None:
            claimed.append((taken.id, worker))

    threads = [threading.Thread(target=claim, args=(databases[i % 2], f"w{i}"))
               for i in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    for db in databases:
        db.dispose()
    assert sorted(job_id for job_id, _ in claimed) == ids
    for job_id, worker in claimed:
        assert job(world.db, job_id).worker == worker


@pytest.mark.parametrize("database_url", [pytest.param("postgresql", marks=pytest.mark.postgres)],
                         indirect=True)
def test_postgres_skips_a_job_another_worker_holds(world, database_url):
    """SKIP LOCKED (SQLite serialises claims with its write lock instead)."""
    first, second = start(world), start(world)
    holder = Database(database_url)
    with holder.write_session() as session:
        session.exec(select(Job).where(Job.id == first.id).with_for_update()).one()
        taken = service.claim_next(world.db, worker="other")  # while the row is locked
        assert taken is not None and taken.id == second.id
    holder.dispose()
    assert service.claim_next(world.db, worker="other").id == first.id


def test_an_interrupted_job_is_failed_and_can_be_restarted(world, settings, frozen_clock):
    queued = start(world)
    claimed = service.claim_next(world.db, worker="elsewhere:1")
    assert claimed.id == queued.id
    frozen_clock.shift(service.STALE_SECONDS + 1)
    service.sweep(world.db, var_dir=settings.var_dir, keep_hours=24)
    failed = job(world.db, queued.id)
    assert (failed.state, failed.error) == ("failed", "job.interrupted")
    assert actions(world.db, queued.id) == ["job.started", "job.failed"]
    with world.db.write_session() as session:
        again = service.restart_job(session, job=failed, actor=world.planner)
    assert (again.state, again.params, again.kind) == ("queued", failed.params, "export")
    with world.db.write_session() as session, pytest.raises(Conflict):
        service.restart_job(session, job=again, actor=world.planner)  # only failed ones


def test_a_job_of_a_dead_worker_on_this_host_fails_at_once(world, settings):
    queued = start(world)
    service.claim_next(world.db, worker=f"{service.worker_name().rpartition(':')[0]}:999999999")
    service.sweep(world.db, var_dir=settings.var_dir, keep_hours=24)
    assert job(world.db, queued.id).state == "failed"


def test_a_finished_job_and_its_file_expire(world, run_jobs, settings, frozen_clock):
    queued = start(world)
    run_jobs()
    path = files.path_of(settings.var_dir, job(world.db, queued.id).file_key)
    assert path.is_file()
    frozen_clock.shift(settings.job_keep_hours * 3600 + 1)
    service.sweep(world.db, var_dir=settings.var_dir, keep_hours=settings.job_keep_hours)
    assert job(world.db, queued.id) is None and not path.exists()


def test_a_kind_that_fails_leaves_a_failed_job_and_no_file(world, run_jobs, settings,
                                                           monkeypatch):
    def broken(ctx):
        ctx.path.write_text("half")
        raise RuntimeError("disk on fire")

    monkeypatch.setattr("app.exports.job.run", broken)
    queued = start(world)
    run_jobs()
    failed = job(world.db, queued.id)
    assert (failed.state, failed.error) == ("failed", "job.failed_internal")
    assert list(files.jobs_dir(settings.var_dir).iterdir()) == []


def test_progress_is_written_only_by_the_worker_that_holds_the_job(world):
    queued = start(world)
    service.claim_next(world.db, worker="mine")
    assert service.report_progress(world.db, job_id=queued.id, worker="mine", step="submissions",
                                   done=1, total=2)
    assert not service.report_progress(world.db, job_id=queued.id, worker="theirs", done=2,
                                       total=2)
    seen = job(world.db, queued.id)
    assert (seen.step, seen.done, seen.total) == ("submissions", 1, 2)
    assert JobState(seen.state) == JobState.running
