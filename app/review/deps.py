"""Load-or-404 dependencies of the review routes; each runs its policy first."""

from typing import Annotated

from fastapi import Depends

from app.auth.policy import Policy, Principal, planners, staff
from app.deps import SessionDep
from app.errors import NotFound
from app.submissions.models import Submission
from app.types import DbId

StaffDep = Annotated[Principal, Depends(staff)]
PlannerDep = Annotated[Principal, Depends(planners)]


def _submission_loader(policy: Policy):
    def load_submission(submission_id: DbId, session: SessionDep,
                        _principal: Annotated[Principal, Depends(policy)]) -> Submission:
        submission = session.get(Submission, submission_id)
        if submission is None:
            raise NotFound("review.submission_not_found")
        return submission

    return load_submission


StaffSubmission = Annotated[Submission, Depends(_submission_loader(staff))]
PlannerSubmission = Annotated[Submission, Depends(_submission_loader(planners))]
