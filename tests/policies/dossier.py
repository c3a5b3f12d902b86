"""Declared policies of the per-OPD dossier downloads and the public verification page."""

from sqlmodel import select

from app.submissions.models import SubmissionRevision


def _code(db, _world) -> str:
    with db.session() as session:
        return session.exec(select(SubmissionRevision.answers_sha256)).first()


DECLARED = {
    ("GET", "/rounds/{round_id}/dossier.pdf"): "officer",
    ("GET", "/submissions/{submission_id}/dossier.pdf"): "staff",
    ("GET", "/rounds/{round_id}/dossiers.zip"): "planner",
    ("GET", "/verifikasi/{verification_code}"): "public",
}
EXPECTED_GET = {
    # Officer A gets the dossier of the world's submission; officer B's OPD is not asked.
    "/rounds/{round_id}/dossier.pdf": {"officer_a": 200, "officer_b": 404, "anonymous": 303,
                                       "*": 403},
    "/submissions/{submission_id}/dossier.pdf": {"anonymous": 303, "officer_a": 403,
                                                 "officer_b": 403, "*": 200},
    "/rounds/{round_id}/dossiers.zip": {"planner": 200, "admin": 200, "anonymous": 303,
                                        "*": 403},
    "/verifikasi/{verification_code}": {"*": 200},
}
NOT_CALLED: dict = {}
PLACEHOLDERS = {"{verification_code}": _code}
