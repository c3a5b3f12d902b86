"""The national benchmarks: read every regency's newest round on the national core
questionnaire, fold its sent submissions into the core indicators, rank the regencies in
their peer groups, find the shared needs, and keep the result (a snapshot) at home.

Reading every regency's answers takes a while at national scale (100 regencies × 50 OPDs), so
it runs as a background job (app/national/benchmarks/job.py); the coordinator's page, the national
workbook and the national report read the newest snapshot and answer at once.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from sqlmodel import Session, select

from app.analyses.collect import Collector
from app.analyses.context import load_context
from app.clock import utcnow
from app.db import Database
from app.errors import Conflict
from app.exports.masterplan import masterplan_spec
from app.exports.options import ExportOptions
from app.exports.plan import build_plan
from app.exports.source import load_versions, submission_records
from app.national.core import current_core
from app.national.models import NationalBenchmark
from app.questionnaires.models import Questionnaire as QuestionnaireRow
from app.questionnaires.schema import Questionnaire, text_in
from app.regencies.models import RegisteredRegency
from app.regencies.sites import regency_database
from app.rounds.models import Round
from reports.national import (
    Benchmarks,
    Indicator,
    RegencyFigures,
    RegencyNeeds,
    Tally,
    build_benchmarks,
    core_indicators,
    kind_of,
    province_of,
)
from reports.national.indicators import DIMENSION_LIST
from reports.spbe import build_spbe, indicators_of


@dataclass
class RegencyDb:
    """A regency to read: its code, name, kind and database."""

    code: str
    name: str
    kind: str
    db: Database
    owned: bool = False
    """True when the database was opened for this reading (disposed after it)."""


def regency_dbs(home: Database, *, var_dir: Path, home_code: str,
                home_name: str) -> Iterator[RegencyDb]:
    """The home regency, then every registered one, in code order after it. A home whose code
    names no kabupaten/kota (a province, "73", or the national office, "00") is not one to
    compare."""
    if "." in home_code:
        yield RegencyDb(home_code, home_name, kind_of(home_code), home)
    with home.session() as session:
        entries = list(session.exec(select(RegisteredRegency).order_by(RegisteredRegency.code)))
    for entry in entries:
        yield RegencyDb(entry.code, entry.name, entry.kind or kind_of(entry.code),
                        regency_database(home, var_dir, entry.code), owned=True)


def indicators_for(core: Questionnaire) -> tuple[list[Indicator], list[str]]:
    """The core's indicators (dimensions from its `dimensi` list) and those it cannot answer."""
    names = {located.element.name for located in core.walk()}
    dimensions = [(choice.name, text_in(choice.label, core.default_language))
                  for choice in core.choices(DIMENSION_LIST)]
    return core_indicators(names, dimensions)


def compute(home: Database, *, var_dir: Path, home_code: str, home_name: str,
            actor_name: str = "", now: datetime | None = None,
            progress: Callable[[int, int], None] = lambda done, total: None) -> Benchmarks:
    """Read every regency and build the benchmarks (Conflict when no core is published)."""
    with home.session() as session:
        core = current_core(session)
        count = ("." in home_code) + len(session.exec(select(RegisteredRegency.code)).all())
    if core is None:
        raise Conflict("national.no_core")
    indicators, left_out = indicators_for(core)
    figures, needs = [], []
    for done, regency in enumerate(regency_dbs(home, var_dir=var_dir, home_code=home_code,
                                               home_name=home_name)):
        try:
            found, titles = read_regency(regency, core, indicators)
        finally:
            if regency.owned:
                regency.db.dispose()
        figures.append(found)
        needs.append(titles)
        progress(done + 1, max(count, done + 1))
    return build_benchmarks(figures, needs, indicators=indicators, left_out=left_out,
                            core_form_id=core.form_id, core_version=core.version,
                            computed_at=now or utcnow(), computed_by=actor_name)


def read_regency(regency: RegencyDb, core: Questionnaire,
                 indicators: list[Indicator]) -> tuple[RegencyFigures, RegencyNeeds]:
    """One regency's figures from its newest round on the core questionnaire."""
    base = {"code": regency.code, "name": regency.name, "kind": regency.kind,
            "province": province_of(regency.code)}
    none = RegencyNeeds(regency.code, regency.name, {})
    with regency.db.session() as session:
        round_ = core_round(session, core.form_id)
        if round_ is None:
            return RegencyFigures(**base, note="no_round"), none
        tally, spbe_index = _fold(session, round_, indicators)
    figures = RegencyFigures(**base, round_id=round_.id, round_name=round_.name,
                             sent=tally.opds, note="" if tally.opds else "no_submissions",
                             values=tally.values(spbe_index) if tally.opds else {})
    titles = {key: (opds, cost) for key, (opds, cost) in tally.titles.items()}
    return figures, RegencyNeeds(regency.code, regency.name, titles)


def core_round(session: Session, form_id: str) -> Round | None:
    """The regency's newest round whose questionnaire is an edition of the core."""
    query = (select(Round).join(QuestionnaireRow, QuestionnaireRow.id == Round.questionnaire_id)
             .where(QuestionnaireRow.form_id == form_id).order_by(Round.id.desc()))
    return session.exec(query).first()


def _fold(session: Session, round_: Round, indicators: list[Indicator]
          ) -> tuple[Tally, float | None]:
    tally = Tally(indicators)
    versions, problems = load_versions(session, round_)
    if not versions:
        return tally, None
    plan = build_plan(versions)
    want_spbe = any(item.key == "spbe_index" for item in indicators)
    collector = Collector(plan, masterplan_spec(plan), "id") if want_spbe else None
    for record in submission_records(session, round_id=round_.id, options=ExportOptions(),
                                     versions=versions, problems=problems):
        if record.problem is not None:
            continue
        tally.add(record.answers)
        if collector is not None:
            collector.add(record)
    return tally, _spbe_index(session, round_.id, collector) if collector else None


def _spbe_index(session: Session, round_id: int, collector: Collector) -> float | None:
    """The index the regency's SPBE chapter shows, None when it assessed no indicator."""
    context = load_context(session, round_id=round_id)
    framework = context.registry.get(collector.spbe_framework)
    if framework is None:
        return None
    spbe = build_spbe(indicators_of(framework), list(context.spbe_entries),
                      collector.services, [], framework=framework.code)
    return round(spbe.index, 2) if spbe.assessed else None


def save_snapshot(home: Database, benchmarks: Benchmarks) -> NationalBenchmark:
    """Keep the benchmarks as the newest snapshot (one short write)."""
    row = NationalBenchmark(computed_at=benchmarks.computed_at,
                            computed_by_name=benchmarks.computed_by[:120],
                            core_version=benchmarks.core_version[:64],
                            regencies=len(benchmarks.regencies),
                            document=benchmarks.to_json())
    with home.writing() as session:
        session.add(row)
        session.flush()
        session.expunge(row)
    return row


def latest_snapshot(session: Session) -> Benchmarks | None:
    """The newest benchmarks, or None before the first computation."""
    row = session.exec(select(NationalBenchmark).order_by(NationalBenchmark.id.desc())).first()
    return Benchmarks.from_json(row.document) if row is not None else None
