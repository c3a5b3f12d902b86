"""`survei serve`: run the web service with uvicorn."""

import typer


def serve(
    host: str = typer.Option("127.0.0.1", help="Address to listen on."),
    port: int = typer.Option(8000, help="Port to listen on."),
    reload: bool = typer.Option(False, help="Restart when the code changes (development)."),
    workers: int = typer.Option(1, help="Worker processes (PostgreSQL in production)."),
) -> None:
    """Serve the application (SQLite is upgraded first; PostgreSQL must already be at head)."""
    import uvicorn

    from app.backup import serve_lock
    from app.cli.common import fail, home_settings, open_database
    from app.serving import uvicorn_options

    config = home_settings()
    open_database(config).dispose()
    try:
        with serve_lock(config.var_dir):  # `survei restore` checks it
            typer.echo(f"Survei Kebutuhan Smart City: http://{host}:{port}")
            uvicorn.run("app.main:create_app", host=host, port=port,
                        **uvicorn_options(config, workers=workers, reload=reload))
    except BlockingIOError:
        fail(f"`survei restore` is running on {config.var_dir}: start again when it is done")
