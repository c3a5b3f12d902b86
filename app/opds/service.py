"""The OPD register: list, and import from a file (upsert by code, all or nothing)."""

from dataclasses import dataclass

from sqlmodel import Session, select

from app import audit
from app.models import Opd, User
from app.opds.importer import ImportProblem, OpdRow, parse_opd_file


@dataclass(frozen=True)
class ImportOutcome:
    """What an import did, or the problems that stopped it (then nothing was written)."""

    created: int
    updated: int
    problems: list[ImportProblem]

    @property
    def ok(self) -> bool:
        return not self.problems


def list_opds(session: Session, *, active_only: bool = False) -> list[Opd]:
    """Every OPD ordered by code."""
    query = select(Opd).order_by(Opd.code)
    if active_only:
        query = query.where(Opd.active.is_(True))
    return list(session.exec(query))


def import_opds(
    session: Session, *, filename: str, data: bytes, actor: User | None = None
) -> ImportOutcome:
    """Parse the file and upsert every row by code in one transaction; commits only when clean."""
    existing = {opd.code: opd for opd in session.exec(select(Opd))}
    parsed = parse_opd_file(filename, data, known_codes=set(existing))
    if not parsed.ok:
        return ImportOutcome(0, 0, parsed.problems)
    created = _upsert(session, parsed.rows, existing)
    audit.record(session, action="opd.imported", actor=actor, actor_name="cli",
                 object_type="opd", filename=filename[:200], rows=len(parsed.rows),
                 created=created)
    session.commit()
    return ImportOutcome(created, len(parsed.rows) - created, [])


def _upsert(session: Session, rows: list[OpdRow], existing: dict[str, Opd]) -> int:
    created = 0
    for row in rows:
        opd = existing.get(row.code)
        if opd is None:
            opd = existing[row.code] = Opd(code=row.code, name=row.name, kind=row.kind)
            created += 1
        opd.name, opd.short_name, opd.kind = row.name, row.short_name, row.kind
        session.add(opd)
    session.flush()
    for row in rows:
        parent = existing.get(row.parent_code) if row.parent_code else None
        existing[row.code].parent_id = parent.id if parent else None
    session.flush()
    return created
