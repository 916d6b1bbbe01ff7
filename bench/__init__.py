"""Benchmarks with seeded data of realistic size. `make bench` (or `python -m bench`) runs
them all; `python -m bench NAME ...` runs some. Each module `bench/bench_<name>.py` has a
`run() -> str` that returns its figures as Markdown; they are written to
`docs/figures/<name>.md`."""
