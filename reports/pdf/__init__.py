"""PDF from plain data with Typst (the PyPI wheel carries its compiler): the report's sections,
or any document of blocks (the per-OPD dossier), A4 with page numbers and repeated headers.

    from reports.pdf import render_pdf, render_document
    render_pdf(report)                 # the analysis report, same numbers as render_html
    render_document(document)          # {"title", "lang", "header", "footer", "blocks": [...]}
"""

from reports.pdf.engine import PdfUnavailable, render_document
from reports.pdf.report import render_pdf

__all__ = ["PdfUnavailable", "render_document", "render_pdf"]
