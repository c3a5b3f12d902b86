"""Generate surveys/kebutuhan-smart-city.xlsx, the default questionnaire (XLSForm).

Edit the questions in surveys/kebutuhan/, then run:
    .venv/bin/python surveys/build_kebutuhan_smart_city.py [--output PATH]
"""

import argparse
from pathlib import Path

from kebutuhan import write_workbook

DEFAULT_OUTPUT = Path(__file__).resolve().parent / "kebutuhan-smart-city.xlsx"


def main(argv: list[str] | None = None) -> None:
    """Write the workbook to --output (default: next to this script)."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--output", type=Path, default=DEFAULT_OUTPUT, help="xlsx file to write")
    args = parser.parse_args(argv)
    write_workbook(args.output)
    print(f"wrote {args.output}")


if __name__ == "__main__":
    main()
