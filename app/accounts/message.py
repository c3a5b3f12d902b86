"""The message a planner copies into WhatsApp with a one-time link (pure)."""

from collections.abc import Callable


def link_message(*, name: str, username: str, link: str, purpose: str,
                 _: Callable[..., str]) -> str:
    """Greeting, what the link is for, the username, the link and how long it lasts."""
    intro = _("accounts.message_invite") if purpose == "invite" else _("accounts.message_reset")
    return "\n".join([_("accounts.message_greeting", name=name or username), "", intro, "",
                      _("accounts.message_username", username=username), link, "",
                      _("accounts.message_expiry")])


def one_time_link(base_url: str, token: str) -> str:
    """The address a link token opens, on SURVEI_BASE_URL (never the request's Host header,
    which whoever sends the request chooses)."""
    return f"{base_url.rstrip('/')}/account/link/{token}"
