"""Load-or-404 dependencies of the OPD routes; the policy runs first."""

from typing import Annotated

from fastapi import Depends

from app.auth.policy import Policy, Principal, planners, staff
from app.deps import SessionDep
from app.opds.models import Opd
from app.opds.service import get_opd
from app.types import DbId

StaffDep = Annotated[Principal, Depends(staff)]
PlannerDep = Annotated[Principal, Depends(planners)]


def _opd_loader(policy: Policy):
    def load_opd(opd_id: DbId, session: SessionDep,
                 _principal: Annotated[Principal, Depends(policy)]) -> Opd:
        return get_opd(session, opd_id)

    return load_opd


StaffOpd = Annotated[Opd, Depends(_opd_loader(staff))]
PlannerOpd = Annotated[Opd, Depends(_opd_loader(planners))]
