"""The reading of data/*.tsv shared by the table generators (tools/gen_*.py):
one place decides what a data line is."""


def data_rows(path):
    """Yields (line number, tab-separated columns) for every line of the
    UTF-8 file at PATH that is neither blank nor a comment (# first)."""
    with open(path, encoding="utf-8") as fh:
        for no, line in enumerate(fh, 1):
            line = line.rstrip("\n")
            if not line.strip() or line.startswith("#"):
                continue
            yield no, line.split("\t")
