"""The report's own message catalogues (reports/locale/<lang>/LC_MESSAGES/*.po: report.po and
analysis.po, the SPBE, application and Satu Data chapters)."""

from collections.abc import Callable
from functools import lru_cache
from pathlib import Path

from babel.messages.pofile import read_po

LOCALE_DIR = Path(__file__).parent / "locale"
LANGUAGES = ("id", "en")


@lru_cache
def catalogue(lang: str) -> dict[str, str]:
    """key -> text for one language (Bahasa Indonesia when the language is unknown)."""
    folder = LOCALE_DIR / (lang if lang in LANGUAGES else "id") / "LC_MESSAGES"
    messages: dict[str, str] = {}
    for path in sorted(folder.glob("*.po")):
        with open(path, "rb") as handle:
            po = read_po(handle)
        messages.update({str(m.id): str(m.string) for m in po if m.id and m.string})
    return messages


def translator(lang: str) -> Callable[..., str]:
    """A function turning a key (and named parameters) into text in `lang`."""
    messages = catalogue(lang)

    def _(key: str, **params: object) -> str:
        text = messages.get(key, key)
        return text.format(**params) if params else text

    return _
