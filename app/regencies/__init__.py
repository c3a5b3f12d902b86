"""Regencies as tenants: one installation serves several kabupaten/kota, each in a database of
its own (SQLite: a file per regency; PostgreSQL: a schema per regency on one server and pool).

    models.py   the register of the regencies this installation serves (home database only)
    context.py  Regency, the context every output receives; the request's site
    sites.py    a regency's settings and database, found by the request's host
    service.py  `survei regency add`: create, migrate and register a regency
"""
