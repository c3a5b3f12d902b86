"""Message catalogues (gettext .po files in app/locale) and the per-request translator."""

from collections.abc import Callable
from functools import lru_cache
from pathlib import Path

from babel.messages.pofile import read_po
from fastapi import Request

LOCALE_DIR = Path(__file__).parent / "locale"
LANGUAGES = ("id", "en")
DEFAULT_LANGUAGE = "id"
LANG_COOKIE = "survei_lang"

Translator = Callable[..., str]


@lru_cache
def catalogue(lang: str) -> dict[str, str]:
    """The messages of one language, key -> text, from every .po file of its folder.

    Each domain keeps its own file (messages.po, officer.po, …); a key may live in one only.
    """
    messages: dict[str, str] = {}
    for path in sorted((LOCALE_DIR / lang / "LC_MESSAGES").glob("*.po")):
        with open(path, "rb") as handle:
            po = read_po(handle)
        for message in po:
            if not (message.id and message.string):
                continue
            if message.id in messages:
                raise ValueError(f"{path.name}: message {message.id!r} is defined twice")
            messages[str(message.id)] = str(message.string)
    return messages


def translator(lang: str) -> Translator:
    """A function that turns a message key (and named parameters) into text in `lang`."""
    messages = catalogue(lang if lang in LANGUAGES else DEFAULT_LANGUAGE)

    def _(key: str, **params) -> str:
        text = messages.get(key, key)
        return text.format(**params) if params else text

    return _


def language_of(request: Request) -> str:
    """The language chosen by the user (cookie), else the service's default."""
    chosen = request.cookies.get(LANG_COOKIE)
    if chosen in LANGUAGES:
        return chosen
    settings = getattr(request.app.state, "settings", None)
    return settings.default_language if settings else DEFAULT_LANGUAGE


def translator_for(request: Request) -> Translator:
    """The translator for this request's language."""
    return translator(language_of(request))
