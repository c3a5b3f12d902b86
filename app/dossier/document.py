"""The dossier as a blocks document for reports/pdf (pure): identity, the verification code,
every answer by section with repeat tables, the review trail, the pernyataan kebenaran data.

Answers are the revision's own (never the live draft); a question with no answer reads "–",
or "Tidak berlaku" when its relevance condition was false. Every text is shown whole, without
bidi controls (reports/text.py): the dossier is the record an OPD signs.
"""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

from babel.dates import format_datetime

from app.dossier.answers import section_blocks
from app.dossier.service import Dossier
from app.i18n import translator
from app.review.timeline import Moment
from app.submissions.form.signature import signature
from reports.pdf import blocks as b
from reports.pdf import render_document
from reports.text import shown

DASH = "–"


class _Context:
    def __init__(self, lang: str, timezone: str):
        self.t = translator(lang)
        self.lang = lang
        self.zone = ZoneInfo(timezone)
        self.zone_name = "WITA" if timezone == "Asia/Makassar" else timezone

    def when(self, value: datetime | None) -> str:
        if value is None:
            return DASH
        local = value.astimezone(self.zone)
        return f"{format_datetime(local, 'd MMMM y HH.mm', locale=self.lang)} {self.zone_name}"


def verify_url(base_url: str, code: str) -> str:
    """The public address that confirms a dossier: /verifikasi/{code}."""
    return f"{base_url.rstrip('/')}/verifikasi/{code}"


def dossier_document(d: Dossier, *, lang: str, base_url: str, timezone: str,
                     generated_at: datetime) -> dict:
    """The dossier of one revision as a document for reports.pdf.render_document."""
    c = _Context(lang, timezone)
    t = c.t
    opd, round_ = shown(d.opd.name), shown(d.round.name)
    content = [b.heading(t("dossier.title"), 1), b.para(f"{opd} · {round_}"),
               b.facts(_identity(d, c)), _verification(d, c, base_url)]
    content += section_blocks(d.form, d.revision.answers, lang, t, today=generated_at.astimezone(
        c.zone).date())
    content += [b.heading(t("dossier.trail"), 2), _trail(d.trail, c)]
    content += _statement(d, c)
    content.append(b.para(t("dossier.generated", when=c.when(generated_at)), note=True))
    return {"title": f"{t('dossier.title')} — {opd}", "lang": lang,
            "header": f"{opd} · {round_} · {t('dossier.revision_n', number=d.revision.number)}",
            "footer_left": t("dossier.footer_code", code=d.code[:16]),
            "footer": t("dossier.page"), "blocks": content, "author": opd}


def dossier_pdf(d: Dossier, *, lang: str, base_url: str, timezone: str,
                generated_at: datetime) -> bytes:
    """The dossier as an archival PDF (PDF/A-2b)."""
    document = dossier_document(d, lang=lang, base_url=base_url, timezone=timezone,
                                generated_at=generated_at)
    return render_document(document, pdf_standard="a-2b")


def _identity(d: Dossier, c: _Context) -> list[tuple[str, str]]:
    t, r = c.t, d.revision
    items = [(t("dossier.opd"), f"{shown(d.opd.name)} ({d.opd.code})"),
             (t("dossier.round"), shown(d.round.name)),
             (t("dossier.questionnaire"),
              f"{shown(d.questionnaire.title)} · {t('dossier.version')} "
              f"{shown(d.questionnaire.version)}"),
             (t("dossier.revision"), t("dossier.revision_of", number=r.number, latest=d.latest)),
             (t("dossier.revision_at"), c.when(r.created_at)),
             (t("dossier.status"), t(f"dossier.status.{d.status}"))]
    if d.approved_at is not None:
        items.append((t("dossier.approved_at"), c.when(d.approved_at)))
    return items


def _verification(d: Dossier, c: _Context, base_url: str) -> dict:
    t = c.t
    return b.boxed([b.heading(t("dossier.code"), 4), b.formula(d.code),
                    b.para(t("dossier.code_how", url=verify_url(base_url, d.code)), note=True)])


def _trail(moments: list[Moment], c: _Context) -> dict:
    t = c.t
    rows = []
    for m in moments:
        if m.kind == "status":
            event = t(f"dossier.event.{m.action.split('.', 1)[1]}")
        elif m.kind == "revision":
            event = t("dossier.event.revision", number=m.number)
        else:
            event = t("dossier.event.comment") + (f" ({m.field_path})" if m.field_path else "")
        rows.append([c.when(m.at), event, shown(m.actor) or DASH, shown(m.note) or ""])
    if not rows:
        rows = [[DASH, "", "", ""]]
    return b.table([t("dossier.when"), t("dossier.event"), t("dossier.by"), t("dossier.note")],
                   rows, "llll", [2.8, 2.4, 2, 4])


def _statement(d: Dossier, c: _Context) -> list[dict]:
    t = c.t
    sign = signature(d.revision.answers, c.lang)
    place_date = f"{shown(sign.place) or '………………'}, {shown(sign.date) or '……………………'}"
    nip = t("dossier.nip_of", nip=sign.nip) if sign.nip else t("dossier.nip_blank")
    return [b.heading(t("dossier.statement_title"), 2), b.para(t("dossier.statement")),
            b.signature(place_date=place_date, position=shown(sign.position) or
                        t("dossier.sign_head"), name=shown(sign.name) or "(……………………………)",
                        nip=nip)]
