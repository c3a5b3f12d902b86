"""Every concept's tables on one metadata: importing this module registers them all (for Alembic
and the test that the migrations match the tables). Code imports a table from its concept's
`models` module, never from here."""

from app.accounts import models as _accounts  # noqa: F401
from app.analyses import models as _analyses  # noqa: F401
from app.applications import models as _applications  # noqa: F401
from app.audits import models as _audits  # noqa: F401
from app.auth import models as _auth  # noqa: F401
from app.carry import models as _carry  # noqa: F401
from app.db import metadata
from app.frameworks import models as _frameworks  # noqa: F401
from app.health import models as _health  # noqa: F401
from app.jobs import models as _jobs  # noqa: F401
from app.monev import models as _monev  # noqa: F401
from app.opds import models as _opds  # noqa: F401
from app.planning import models as _planning  # noqa: F401
from app.questionnaires import models as _questionnaires  # noqa: F401
from app.regencies import models as _regencies  # noqa: F401
from app.review import models as _review  # noqa: F401
from app.rounds import models as _rounds  # noqa: F401
from app.spbe import models as _spbe  # noqa: F401
from app.submissions import models as _submissions  # noqa: F401
from app.uploads import models as _uploads  # noqa: F401

__all__ = ["metadata"]
