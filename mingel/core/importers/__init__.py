"""Reading contacts out of other tools' export files: LinkedIn's Connections.csv, vCard
files and any CSV with a header. Plain Python; the Django side is mingel/imports/."""

from mingel.core.importers.model import FileError, Record, RowError

__all__ = ["FileError", "Record", "RowError"]
