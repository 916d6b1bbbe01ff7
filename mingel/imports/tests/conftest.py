from pathlib import Path

import pytest

FIXTURES = Path(__file__).resolve().parents[2] / "core" / "importers" / "tests" / "fixtures"


@pytest.fixture(autouse=True)
def data_dir(settings, tmp_path):
    """Uploads go under the data folder: a fresh one per test."""
    settings.DATA_DIR = tmp_path / "data"
    return settings.DATA_DIR


@pytest.fixture
def fixture_path():
    return lambda name: FIXTURES / name
