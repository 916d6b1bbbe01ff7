import tempfile
from pathlib import Path

import pytest

FIXTURES = Path(__file__).resolve().parents[2] / "core" / "importers" / "tests" / "fixtures"


@pytest.fixture(autouse=True)
def temp_dir(monkeypatch, tmp_path):
    """Uploads are copied to the temp folder while they are read: a fresh one per test,
    to see that nothing is left there."""
    folder = tmp_path / "tmp"
    folder.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(folder))
    return folder


@pytest.fixture
def fixture_path():
    return lambda name: FIXTURES / name
