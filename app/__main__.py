"""Run the `survei` command line as `python -m app`."""

from app.cli import main

main()
