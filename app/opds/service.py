"""The OPD register: list, search, create, edit, deactivate, delete (only without data), and
import from a file (upsert by code, all or nothing, with a preview that writes nothing)."""

from dataclasses import dataclass

from sqlalchemy import func
from sqlmodel import Session, or_, select

from app import audit
from app.accounts.models import User
from app.errors import Conflict, Invalid, NotFound
from app.opds.importer import (
    CODE_RE,
    KINDS,
    MAX_NAME,
    MAX_SHORT_NAME,
    ImportProblem,
    OpdRow,
    parse_opd_file,
)
from app.opds.models import Opd
from app.rounds.models import RoundOpd
from app.submissions.models import Submission


@dataclass(frozen=True)
class ImportOutcome:
    """What an import did, or the problems that stopped it (then nothing was written)."""

    created: int
    updated: int
    problems: list[ImportProblem]
    more_problems: int = 0
    too_large: bool = False

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
        return ImportOutcome(0, 0, parsed.problems, parsed.more_problems, parsed.too_large)
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


# --- the register pages: search, create, edit, deactivate, delete, import preview ------------

MAX_QUERY = 100


@dataclass(frozen=True)
class OpdFilter:
    """The register list's filters: text in code/name, kind, and active state."""

    q: str = ""
    kind: str = ""
    active: str = ""  # "", "1" or "0"


@dataclass(frozen=True)
class PreviewRow:
    """One valid row of an import file and what importing it would do."""

    row: OpdRow
    action: str  # "create", "update" or "same"


@dataclass(frozen=True)
class ImportPreview:
    """What an import would write, or the problems that would stop it; nothing is written."""

    rows: list[PreviewRow]
    problems: list[ImportProblem]
    more_problems: int = 0  # beyond the problems listed
    too_large: bool = False  # refused for a size limit (HTTP 413)
    gone: bool = False  # the previewed file is no longer kept (confirm came too late)

    @property
    def ok(self) -> bool:
        return not self.problems and not self.gone

    @property
    def status(self) -> int:
        """The HTTP status of the preview page."""
        return 200 if self.ok else 413 if self.too_large else 422


def search_opds(session: Session, *, flt: OpdFilter) -> list[Opd]:
    """The OPDs matching the filters, ordered by code."""
    query = select(Opd).order_by(Opd.code)
    if flt.q:
        like = f"%{flt.q.strip()[:MAX_QUERY]}%"
        query = query.where(or_(Opd.code.ilike(like), Opd.name.ilike(like),
                                Opd.short_name.ilike(like)))
    if flt.kind:
        query = query.where(Opd.kind == flt.kind)
    if flt.active in ("0", "1"):
        query = query.where(Opd.active.is_(flt.active == "1"))
    return list(session.exec(query))


def get_opd(session: Session, opd_id: int) -> Opd:
    """The OPD, or 404."""
    opd = session.get(Opd, opd_id)
    if opd is None:
        raise NotFound("opds.not_found")
    return opd


def preview_import(session: Session, *, filename: str, data: bytes) -> ImportPreview:
    """Parse an import file and say, row by row, what importing it would do. Writes nothing."""
    existing = {opd.code: opd for opd in session.exec(select(Opd))}
    codes = {opd.id: opd.code for opd in existing.values()}
    parsed = parse_opd_file(filename, data, known_codes=set(existing))
    rows = []
    for row in parsed.rows:
        opd = existing.get(row.code)
        if opd is None:
            action = "create"
        elif (opd.name, opd.short_name, opd.kind, codes.get(opd.parent_id)) == (
                row.name, row.short_name, row.kind, row.parent_code):
            action = "same"
        else:
            action = "update"
        rows.append(PreviewRow(row, action))
    return ImportPreview(rows, parsed.problems, parsed.more_problems, parsed.too_large)

def opd_problems(*, code: str, name: str, short_name: str | None, kind: str) -> dict[str, str]:
    """Field -> message key for everything wrong with an OPD's values."""
    problems = {}
    if not CODE_RE.fullmatch(code):
        problems["code"] = "opds.code_invalid"
    if not name.strip():
        problems["name"] = "opds.name_required"
    elif len(name.strip()) > MAX_NAME:
        problems["name"] = "opds.name_too_long"
    if short_name and len(short_name.strip()) > MAX_SHORT_NAME:
        problems["short_name"] = "opds.short_name_too_long"
    if kind not in KINDS:
        problems["kind"] = "opds.kind_invalid"
    return problems


def _parent(session: Session, code: str | None, opd: Opd | None) -> Opd | None:
    """The parent OPD by code; refuses an unknown code and a parent chain that loops back."""
    if not code:
        return None
    parent = session.exec(select(Opd).where(Opd.code == code)).first()
    if parent is None:
        raise Invalid(detail={"fields": {"parent_code": "opds.parent_unknown"}})
    seen, current = set(), parent
    while current is not None and current.id not in seen:
        if opd is not None and current.id == opd.id:
            raise Invalid(detail={"fields": {"parent_code": "opds.parent_cycle"}})
        seen.add(current.id)
        current = session.get(Opd, current.parent_id) if current.parent_id else None
    return parent


def create_opd(session: Session, *, actor: User, code: str, name: str, kind: str,
               short_name: str | None = None, parent_code: str | None = None) -> Opd:
    """Add an OPD to the register. Commits."""
    code, kind = code.strip(), kind.strip().lower()
    problems = opd_problems(code=code, name=name, short_name=short_name, kind=kind)
    if problems:
        raise Invalid(detail={"fields": problems})
    if session.exec(select(Opd).where(Opd.code == code)).first():
        raise Invalid(detail={"fields": {"code": "opds.code_taken"}})
    parent = _parent(session, parent_code, None)
    opd = Opd(code=code, name=name.strip(), short_name=(short_name or "").strip() or None,
              kind=kind, parent_id=parent.id if parent else None)
    session.add(opd)
    session.flush()
    audit.record(session, action="opd.created", actor=actor, object_type="opd",
                 object_id=opd.id, code=code)
    session.commit()
    return opd


def update_opd(session: Session, *, actor: User, opd: Opd, name: str, kind: str,
               short_name: str | None = None, parent_code: str | None = None) -> Opd:
    """Change an OPD's name, short name, kind or parent (its code is its permanent key)."""
    kind = kind.strip().lower()
    problems = opd_problems(code=opd.code, name=name, short_name=short_name, kind=kind)
    if problems:
        raise Invalid(detail={"fields": problems})
    parent = _parent(session, parent_code, opd)
    values = {"name": name.strip(), "short_name": (short_name or "").strip() or None,
              "kind": kind, "parent_id": parent.id if parent else None}
    changed = sorted(k for k, v in values.items() if getattr(opd, k) != v)
    if changed:
        for key in changed:
            setattr(opd, key, values[key])
        session.add(opd)
        audit.record(session, action="opd.updated", actor=actor, object_type="opd",
                     object_id=opd.id, code=opd.code, changed=changed)
        session.commit()
    return opd


def set_opd_active(session: Session, *, actor: User, opd: Opd, active: bool) -> Opd:
    """Deactivate (new rounds no longer ask it; its data stays) or reactivate. Commits."""
    if opd.active != active:
        opd.active = active
        session.add(opd)
        audit.record(session, action="opd.activated" if active else "opd.deactivated",
                     actor=actor, object_type="opd", object_id=opd.id, code=opd.code)
        session.commit()
    return opd


def has_data(session: Session, opd: Opd) -> bool:
    """Whether anything refers to the OPD: accounts, rounds, submissions or child OPDs."""
    checks = ((User, User.opd_id), (RoundOpd, RoundOpd.opd_id),
              (Submission, Submission.opd_id), (Opd, Opd.parent_id))
    return any(session.exec(select(func.count()).select_from(table).where(column == opd.id)).one()
               for table, column in checks)


def delete_opd(session: Session, *, actor: User, opd: Opd) -> None:
    """Remove an OPD that nothing refers to; one with data can only be deactivated. Commits."""
    if has_data(session, opd):
        raise Conflict("opds.has_data")
    audit.record(session, action="opd.deleted", actor=actor, object_type="opd",
                 object_id=opd.id, code=opd.code, name=opd.name)
    session.delete(opd)
    session.commit()
