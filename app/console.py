"""The `survei` console script's module, kept tiny on purpose.

uvicorn starts each worker process with multiprocessing's "spawn", which re-imports the main
script's module in the child before anything else. Were that `app.cli` (every command and what
it imports), each worker would spend seconds on it before answering uvicorn's health check.
"""


def main() -> None:
    """Run the `survei` command line."""
    from app.cli import main as run_cli

    run_cli()
