"""Load-or-404 dependencies of the account routes; the policy runs first."""

from typing import Annotated

from fastapi import Depends

from app.accounts.models import User
from app.accounts.service import get_user
from app.auth.policy import Policy, Principal, admins, planners
from app.deps import SessionDep
from app.types import DbId

PlannerDep = Annotated[Principal, Depends(planners)]
AdminDep = Annotated[Principal, Depends(admins)]


def _user_loader(policy: Policy):
    def load_user(user_id: DbId, session: SessionDep,
                  _principal: Annotated[Principal, Depends(policy)]) -> User:
        return get_user(session, user_id)

    return load_user


ManagedUser = Annotated[User, Depends(_user_loader(planners))]
AdminManagedUser = Annotated[User, Depends(_user_loader(admins))]
