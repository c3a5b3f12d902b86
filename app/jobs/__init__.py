"""Background jobs: large exports and reports (and any later kind) run outside the request.

    kinds.py     the registry: a job kind is a module with params(), run() and describe()
    service.py   start, restart, list, claim (SKIP LOCKED / the SQLite write lock), finish,
                 sweep (interrupted jobs failed, expired ones removed); each step audited
    runner.py    one thread per web worker: claims a job and runs it in a child process
    child.py     `python -m app.jobs.child`: the low-priority process (os.nice) that writes the
                 file, reads the database only and reports progress as JSON lines
    files.py     where files live: SURVEI_VAR_DIR/jobs, shared by every worker of the host
    pages.py     the round page's forms and the download; api.py its JSON twin
"""
