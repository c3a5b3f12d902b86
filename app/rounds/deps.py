"""Load-or-404 dependencies of the round routes; each runs its policy first."""

from typing import Annotated

from fastapi import Depends

from app.auth.policy import Policy, Principal, planners, staff
from app.deps import SessionDep
from app.rounds.models import Round
from app.rounds.service import get_round
from app.types import DbId

StaffDep = Annotated[Principal, Depends(staff)]
PlannerDep = Annotated[Principal, Depends(planners)]


def _round_loader(policy: Policy):
    def load_round(round_id: DbId, session: SessionDep,
                   _principal: Annotated[Principal, Depends(policy)]) -> Round:
        return get_round(session, round_id)

    return load_round


StaffRound = Annotated[Round, Depends(_round_loader(staff))]
PlannerRound = Annotated[Round, Depends(_round_loader(planners))]
