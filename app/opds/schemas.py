"""What the OPD API reads and returns."""

from pydantic import BaseModel, Field


class OpdPublic(BaseModel):
    """One OPD as the API shows it."""

    id: int
    code: str
    name: str
    short_name: str | None
    kind: str
    parent_code: str | None
    active: bool


class OpdIn(BaseModel):
    """A new OPD."""

    code: str = Field(max_length=32)
    name: str = Field(max_length=300)
    short_name: str | None = Field(default=None, max_length=150)
    kind: str = Field(max_length=20)
    parent_code: str | None = Field(default=None, max_length=32)


class OpdUpdate(BaseModel):
    """New values for an OPD (its code stays: it is the OPD's permanent key)."""

    name: str = Field(max_length=300)
    short_name: str | None = Field(default=None, max_length=150)
    kind: str = Field(max_length=20)
    parent_code: str | None = Field(default=None, max_length=32)


class ProblemPublic(BaseModel):
    """One problem in an import file; row is the spreadsheet row (header = 1)."""

    row: int | None
    column: str | None
    message: str


class ImportRowPublic(BaseModel):
    code: str
    name: str
    short_name: str | None
    kind: str
    parent_code: str | None
    action: str


class ImportReport(BaseModel):
    """What an import would do (dry run) or did; nothing is written when there are problems."""

    ok: bool
    written: bool
    created: int
    updated: int
    rows: list[ImportRowPublic]
    problems: list[ProblemPublic]
    more_problems: int = 0  # problems beyond the ones listed
