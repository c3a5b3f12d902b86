"""The per-OPD submission dossier: the signed official record of one revision, as a PDF.

    code.py       the verification code (SHA-256 of the revision's canonical answers)
    service.py    a submission's revision, its review trail and questionnaire from the database
    document.py   the dossier as a blocks document for reports/pdf (pure)
    archive.py    every dossier of a round in one ZIP, written to a path with progress
    verify.py     /verifikasi/{code}: OPD, round, revision time and status, never the answers
    pages.py      the download routes (officer: own OPD; staff: any, one or a round's ZIP)
"""
