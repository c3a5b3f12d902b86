"""The round report on the web and the command line: DB -> export flattening -> reports/."""
