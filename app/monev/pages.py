"""The planner's programme-status update on the review page (POST → redirect → GET)."""

from typing import Annotated

from fastapi import APIRouter, Form
from fastapi.responses import RedirectResponse

from app.deps import SessionDep
from app.monev.service import update_programme
from app.review.deps import PlannerDep, PlannerSubmission

router = APIRouter(tags=["pages: monev"])


@router.post("/submissions/{submission_id}/programmes")
def programme_update(
    session: SessionDep, submission: PlannerSubmission, principal: PlannerDep,
    row_id: Annotated[str, Form(max_length=64)], status: Annotated[str, Form(max_length=16)],
    note: Annotated[str, Form(max_length=2000)] = "",
):
    """Set one programme's status (with a note); it travels into the next round's draft."""
    update_programme(session, submission=submission, row_id=row_id, status=status, note=note,
                     actor=principal.user)
    return RedirectResponse(f"/submissions/{submission.id}?notice=programme#programmes",
                            status_code=303)
