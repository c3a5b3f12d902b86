"""What the OPD API returns."""

from pydantic import BaseModel


class OpdPublic(BaseModel):
    """One OPD as the API shows it."""

    code: str
    name: str
    short_name: str | None
    kind: str
    parent_code: str | None
    active: bool
