"""Fills Swedish translations into a catalog and lists what is still missing.

    .venv/bin/python scripts/po_fill.py mingel/contacts/locale/sv/LC_MESSAGES/django.po \
        translations.json       # {"English msgid": "svensk msgstr", ...}
    .venv/bin/python scripts/po_fill.py FILE.po      # only lists untranslated msgids

Plural entries take a list of two strings. Run scripts/messages afterwards to compile.
"""

import json
import sys

import polib


def main() -> int:
    po = polib.pofile(sys.argv[1])
    mapping = {}
    if len(sys.argv) > 2:
        with open(sys.argv[2], encoding="utf-8") as handle:
            mapping = json.load(handle)
    for entry in po:
        if entry.msgid in mapping:
            value = mapping[entry.msgid]
            if entry.msgid_plural:
                entry.msgstr_plural = {0: value[0], 1: value[1]}
            else:
                entry.msgstr = value
            if "fuzzy" in entry.flags:
                entry.flags.remove("fuzzy")
    po.save()
    missing = [e.msgid for e in po if not e.translated() or "fuzzy" in e.flags]
    for msgid in missing:
        print(json.dumps(msgid, ensure_ascii=False))
    print(f"{len(missing)} untranslated", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
