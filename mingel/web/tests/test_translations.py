"""Every catalog is complete in Swedish and compiled: a string without a translation or a
stale .mo file fails here instead of showing English to a Swedish user."""

from pathlib import Path

import polib
import pytest

ROOT = Path(__file__).resolve().parents[2]
CATALOGS = sorted(ROOT.glob("*/locale/sv/LC_MESSAGES/*.po"))


def test_there_are_swedish_catalogs():
    assert len(CATALOGS) >= 4


@pytest.mark.parametrize("path", CATALOGS, ids=lambda p: str(p.relative_to(ROOT)))
def test_it_translates_every_string_to_swedish(path):
    po = polib.pofile(str(path))
    missing = [e.msgid for e in po if not e.translated() or "fuzzy" in e.flags]
    assert missing == []


@pytest.mark.parametrize("path", CATALOGS, ids=lambda p: str(p.relative_to(ROOT)))
def test_its_compiled_catalog_matches_the_source(path):
    po = polib.pofile(str(path))
    mo = polib.mofile(str(path.with_suffix(".mo")))
    compiled = {(e.msgctxt, e.msgid): (e.msgstr, e.msgstr_plural) for e in mo}
    source = {(e.msgctxt, e.msgid): (e.msgstr, e.msgstr_plural) for e in po.translated_entries()}
    assert compiled.keys() >= source.keys(), "run scripts/messages to compile"
    for key, value in source.items():
        assert compiled[key][0] == value[0] or value[1], f"stale .mo for {key}"
