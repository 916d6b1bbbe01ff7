"""How far running imports have got, in this process's memory.

An import writes everything in one transaction, so its progress cannot be read from the
database by the page polling it until it is over; the worker thread reports here instead.
Mingel serves from one process (waitress with threads), so every request sees this dict.
"""

import threading

_lock = threading.Lock()
_rows: dict[int, int] = {}


def report(job_id: int, rows: int) -> None:
    with _lock:
        _rows[job_id] = rows


def rows_done(job_id: int) -> int:
    with _lock:
        return _rows.get(job_id, 0)


def known(job_id: int) -> bool:
    with _lock:
        return job_id in _rows


def forget(job_id: int) -> None:
    with _lock:
        _rows.pop(job_id, None)
