"""Runs the benchmarks and writes their figures to docs/figures/.

Usage: python -m bench [NAME ...]   (NAME is the part after bench_ in bench/bench_NAME.py)
"""

import importlib
import os
import pkgutil
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FIGURES = ROOT / "docs" / "figures"


def available() -> list[str]:
    here = Path(__file__).parent
    return sorted(
        m.name.removeprefix("bench_")
        for m in pkgutil.iter_modules([str(here)])
        if m.name.startswith("bench_")
    )


def main(argv: list[str]) -> int:
    names = argv or available()
    unknown = sorted(set(names) - set(available()))
    if unknown:
        print(
            f"unknown benchmark(s): {', '.join(unknown)}; have {', '.join(available())}",
            file=sys.stderr,
        )
        return 2
    # Benchmarks seed their own database, kept in .bench-data/ so the next run reuses it;
    # never the user's real data.
    os.environ.setdefault("MINGEL_DATA_DIR", str(ROOT / ".bench-data"))
    FIGURES.mkdir(parents=True, exist_ok=True)
    for name in names:
        module = importlib.import_module(f"bench.bench_{name}")
        print(f"== {name}", flush=True)
        report = module.run()
        print(report)
        (FIGURES / f"{name}.md").write_text(report)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
