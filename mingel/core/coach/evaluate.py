"""Scores the coach against its labelled corpus: per-rule precision and recall, and how well
it tells Swedish from English.

    python -m mingel.core.coach.evaluate            # the report, as Markdown tables
    python -m mingel.core.coach.evaluate --errors   # plus every disagreement, to tune by
    python -m mingel.core.coach.evaluate --heldout  # the old held-out set instead
    python -m mingel.core.coach.evaluate --sets     # overall and per rule for every set:
                                                    # old corpus, train writers, held-out writers
    python -m mingel.core.coach.evaluate --jsonl    # the corpus as `mingel coach --jsonl` input
    python -m mingel.core.coach.evaluate --compare-lingua  # detection against lingua, if installed

The corpus holds realistic messages with the rules a careful networker says should fire.
The messages live in `corpus/<lang>-<kind>.txt`, one record per message:

    ## en-c01 connect en
    recipient: Maria Lindqvist
    context: monitoring consumer lag in Kafka
    expect: -
    --
    Hi Maria, great talking to you at the Kafka meetup ...

The header line holds the id, the kind and the message's true language; `expect` lists the
rule ids that should fire (`-` for none); `recipient`, `context`, `subject` and `limit` are
optional. The body runs from the `--` line to the next `## ` line.
"""

import argparse
import json
import sys
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from mingel.core.coach.check import check
from mingel.core.coach.lang import detect
from mingel.core.coach.model import KINDS
from mingel.core.coach.rules import RULES
from mingel.core.coach.text import sentence_spans, tokens

CORPUS_DIR = Path(__file__).parent / "corpus"
HELDOUT_DIR = CORPUS_DIR / "heldout"
# Messages by independent writers who never saw the lexicon: the coach is tuned on `train`
# and reported on `heldout` (filled by the lead; it may be empty or missing).
WRITERS_DIR = CORPUS_DIR / "writers"
TRAIN_DIR = WRITERS_DIR / "train"
WRITERS_HELDOUT_DIR = WRITERS_DIR / "heldout"
HEADER_KEYS = ("recipient", "context", "subject", "limit", "expect")


class CorpusError(ValueError):
    pass


@dataclass(frozen=True)
class Sample:
    id: str
    kind: str
    lang: str
    text: str
    expect: frozenset[str]
    recipient: str = ""
    context: str = ""
    subject: str = ""
    limit: int | None = None
    source: str = field(default="", compare=False)

    def request(self) -> dict:
        """The sample as a `mingel coach --jsonl` input line (language left to detection)."""
        data: dict = {"id": self.id, "text": self.text, "kind": self.kind}
        for key in ("recipient", "context", "subject"):
            if getattr(self, key):
                data[key] = getattr(self, key)
        if self.limit is not None:
            data["limit"] = self.limit
        return data


def parse(text: str, source: str = "") -> Iterator[Sample]:
    kinds_of = {rule.id: rule.kinds for rule in RULES}
    records = text.split("\n## ")
    for number, record in enumerate(records):
        if number == 0:
            if not record.startswith("## "):
                continue  # the file's leading comment
            record = record[3:]
        head, sep, body = record.partition("\n--\n")
        if not sep:
            raise CorpusError(f"{source}: record {head.splitlines()[0]!r} has no '--' line")
        lines = head.splitlines()
        try:
            sample_id, kind, lang = lines[0].split()
        except ValueError:
            raise CorpusError(f"{source}: bad header line {lines[0]!r}") from None
        where = f"{source}: {sample_id}"
        if kind not in KINDS or lang not in ("sv", "en"):
            raise CorpusError(f"{where}: unknown kind or language")
        fields: dict = {}
        for line in lines[1:]:
            key, _, value = line.partition(":")
            if key not in HEADER_KEYS:
                raise CorpusError(f"{where}: unknown header {key!r}")
            fields[key] = value.strip()
        if "expect" not in fields:
            raise CorpusError(f"{where}: no 'expect' line")
        expect = frozenset(r.strip() for r in fields.pop("expect").split(",") if r.strip("- "))
        for rule_id in expect:
            if rule_id not in kinds_of:
                raise CorpusError(f"{where}: unknown rule {rule_id!r}")
            if kind not in kinds_of[rule_id]:
                raise CorpusError(f"{where}: rule {rule_id!r} does not apply to {kind}")
        limit = fields.pop("limit", None)
        yield Sample(
            id=sample_id,
            kind=kind,
            lang=lang,
            text=body.strip("\n"),
            expect=expect,
            limit=int(limit) if limit else None,
            source=source,
            **fields,
        )


def load(directory: Path = CORPUS_DIR) -> list[Sample]:
    """The samples of every `*.txt` in a directory; none when it is missing."""
    samples = []
    for path in sorted(directory.glob("*.txt")) if directory.is_dir() else []:
        samples.extend(parse(path.read_text(encoding="utf-8"), path.name))
    ids = [s.id for s in samples]
    duplicates = sorted({i for i in ids if ids.count(i) > 1})
    if duplicates:
        raise CorpusError(f"duplicate ids: {', '.join(duplicates)}")
    return samples


@dataclass
class Counts:
    tp: int = 0
    fp: int = 0
    fn: int = 0
    tn: int = 0

    def add(self, expected: bool, fired: bool) -> None:
        if expected and fired:
            self.tp += 1
        elif fired:
            self.fp += 1
        elif expected:
            self.fn += 1
        else:
            self.tn += 1

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass
class Disagreement:
    sample: Sample
    missed: frozenset[str]  # expected, did not fire
    extra: frozenset[str]  # fired, not expected


@dataclass
class RuleReport:
    per_rule: dict[str, Counts]
    overall: Counts
    disagreements: list[Disagreement]


def score_rules(samples: list[Sample], *, fallback_lang: str = "en") -> RuleReport:
    """Runs check() on every sample as a user would (language detected) and counts, per rule,
    the (message, rule) pairs where rule and label agree or not. Rules that do not apply to a
    message's kind are not counted for it."""
    per_rule = {rule.id: Counts() for rule in RULES}
    overall = Counts()
    disagreements = []
    for sample in samples:
        result = check(
            sample.text,
            kind=sample.kind,
            subject=sample.subject,
            recipient=sample.recipient,
            context=sample.context,
            limit=sample.limit,
            fallback_lang=fallback_lang,
        )
        fired = frozenset(result.rules)
        for rule in RULES:
            if sample.kind not in rule.kinds:
                continue
            expected = rule.id in sample.expect
            per_rule[rule.id].add(expected, rule.id in fired)
            overall.add(expected, rule.id in fired)
        if fired != sample.expect:
            disagreements.append(Disagreement(sample, sample.expect - fired, fired - sample.expect))
    return RuleReport(per_rule, overall, disagreements)


def short_version(sample: Sample) -> str:
    """The message cut to its greeting and first sentence: what a short note looks like."""
    spans = sentence_spans(sample.text)
    first = spans[0]
    text = sample.text[first[0] : first[1]]
    if len(spans) > 1 and len(tokens(text)) <= 3:  # "Hi Maria," alone: add one sentence
        text = sample.text[first[0] : spans[1][1]]
    return text.strip()


def first_line(sample: Sample) -> str:
    return sample.text.strip().splitlines()[0].strip()


@dataclass
class LangReport:
    rows: list[tuple[str, int, int, int]]  # (set, messages, right, decided by fallback)
    wrong: list[tuple[str, str, str]]  # (id, set, text) detected wrongly


def language_sets(samples: list[Sample]) -> dict[str, list[tuple[Sample, str]]]:
    return {
        "whole messages": [(s, (s.subject + "\n" + s.text).strip()) for s in samples],
        "greeting + first sentence": [(s, short_version(s)) for s in samples],
        "first line alone (often just a greeting)": [(s, first_line(s)) for s in samples],
    }


def score_language(samples: list[Sample]) -> LangReport:
    """Detection accuracy on each full message (with its subject), on its greeting and
    first sentence, and on its first line alone. The fallback is always the *wrong*
    language, so a message the detector cannot decide counts as an error rather than a
    lucky guess; in the app the fallback is the user's own language."""
    rows, wrong = [], []
    for name, items in language_sets(samples).items():
        right = undecided = 0
        for sample, text in items:
            toks = tokens(text)
            other = "en" if sample.lang == "sv" else "sv"
            got = detect(toks, other)
            if detect(toks, sample.lang) != got:
                undecided += 1
            if got == sample.lang:
                right += 1
            else:
                wrong.append((sample.id, name, text))
        rows.append((name, len(items), right, undecided))
    return LangReport(rows, wrong)


def compare_lingua(samples: list[Sample]) -> str:
    """The same sets through lingua-language-detector restricted to Swedish and English,
    if it is installed (it is not a dependency: `pip install lingua-language-detector`)."""
    import time

    from lingua import Language, LanguageDetectorBuilder

    detector = LanguageDetectorBuilder.from_languages(Language.SWEDISH, Language.ENGLISH).build()
    codes = {Language.SWEDISH: "sv", Language.ENGLISH: "en"}
    lines = [
        "| set | built-in right | built-in µs/message | lingua right | lingua µs/message |",
        "|---|---:|---:|---:|---:|",
    ]
    for name, items in language_sets(samples).items():
        texts = [(s.lang, text) for s, text in items]
        t0 = time.perf_counter()
        ours = sum(
            detect(tokens(text), "en" if lang == "sv" else "sv") == lang for lang, text in texts
        )
        t1 = time.perf_counter()
        theirs = sum(codes.get(detector.detect_language_of(text)) == lang for lang, text in texts)
        t2 = time.perf_counter()
        n = len(texts)
        lines.append(
            f"| {name} | {ours}/{n} | {(t1 - t0) / n * 1e6:.0f} | {theirs}/{n} "
            f"| {(t2 - t1) / n * 1e6:.0f} |"
        )
    return "\n".join(lines) + "\n"


def corpus_sets() -> dict[str, list[Sample]]:
    """The three sets the coach is reported on, by name."""
    return {
        "old corpus (main + old held-out)": load(CORPUS_DIR) + load(HELDOUT_DIR),
        "train writers": load(TRAIN_DIR),
        "held-out writers": load(WRITERS_HELDOUT_DIR),
    }


def sets_report(sets: dict[str, list[Sample]], *, errors: bool = False) -> str:
    """Overall micro precision/recall per set, then per rule and set."""
    reports = {name: score_rules(samples) for name, samples in sets.items() if samples}
    lines = [
        "| set | messages | TP | FP | FN | precision | recall |",
        "|---|---:|---:|---:|---:|---:|---:|",
    ]
    for name, samples in sets.items():
        if not samples:
            lines.append(f"| {name} | 0 | | | | (none yet) | |")
            continue
        o = reports[name].overall
        lines.append(
            f"| {name} | {len(samples)} | {o.tp} | {o.fp} | {o.fn} "
            f"| **{pct(o.precision)}** | **{pct(o.recall)}** |"
        )
    names = list(reports)
    lines += [
        "",
        "| rule | " + " | ".join(f"{n}: P / R (TP, FP, FN)" for n in names) + " |",
        "|---|" + "---:|" * len(names),
    ]
    for rule in RULES:
        cells = []
        for n in names:
            c = reports[n].per_rule[rule.id]
            cells.append(f"{pct(c.precision)} / {pct(c.recall)} ({c.tp}, {c.fp}, {c.fn})")
        lines.append(f"| `{rule.id}` | " + " | ".join(cells) + " |")
    if errors:
        for n in names:
            lines += ["", f"Disagreements in {n} (missed: labelled but silent; extra: fired):"]
            for d in reports[n].disagreements:
                lines.append(
                    f"- {d.sample.id}: missed {sorted(d.missed) or '-'}, "
                    f"extra {sorted(d.extra) or '-'}"
                )
    return "\n".join(lines) + "\n"


def pct(x: float) -> str:
    return f"{x:.3f}"


def report(samples: list[Sample], *, errors: bool = False) -> str:
    rules = score_rules(samples)
    langs = score_language(samples)
    by = {}
    for s in samples:
        by[(s.lang, s.kind)] = by.get((s.lang, s.kind), 0) + 1
    composition = ", ".join(f"{lang}/{kind} {n}" for (lang, kind), n in sorted(by.items()))
    lines = [
        f"Corpus: {len(samples)} messages ({composition}).",
        "",
        "| rule | labelled fires | labelled silent | TP | FP | FN | precision | recall |",
        "|---|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for rule_id, c in rules.per_rule.items():
        lines.append(
            f"| `{rule_id}` | {c.tp + c.fn} | {c.fp + c.tn} | {c.tp} | {c.fp} | {c.fn} "
            f"| {pct(c.precision)} | {pct(c.recall)} |"
        )
    o = rules.overall
    lines.append(
        f"| **overall** | {o.tp + o.fn} | {o.fp + o.tn} | {o.tp} | {o.fp} | {o.fn} "
        f"| **{pct(o.precision)}** | **{pct(o.recall)}** |"
    )
    exact = len(samples) - len(rules.disagreements)
    lines += [
        "",
        f"Messages where the coach's set of rules equals the label exactly: {exact} of "
        f"{len(samples)}.",
        "",
        "| language detection | messages | right | accuracy | undecided (fallback) |",
        "|---|---:|---:|---:|---:|",
    ]
    for name, n, right, undecided in langs.rows:
        lines.append(f"| {name} | {n} | {right} | {pct(right / n)} | {undecided} |")
    if errors:
        lines += ["", "Disagreements (missed: labelled but silent; extra: fired, not labelled):"]
        for d in rules.disagreements:
            s = d.sample
            lines.append(
                f"- {s.id} ({s.source}): missed {sorted(d.missed) or '-'}, "
                f"extra {sorted(d.extra) or '-'}"
            )
        for sample_id, name, text in langs.wrong:
            lines.append(f"- language wrong on {sample_id} ({name}): {text[:80]!r}")
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m mingel.core.coach.evaluate")
    parser.add_argument("--errors", action="store_true", help="list every disagreement")
    parser.add_argument("--jsonl", action="store_true", help="print the corpus as JSON lines")
    parser.add_argument(
        "--heldout", action="store_true", help="score the held-out set (never tuned on)"
    )
    parser.add_argument(
        "--sets",
        action="store_true",
        help="score the old corpus, the train writers and the held-out writers",
    )
    parser.add_argument(
        "--compare-lingua", action="store_true", help="compare language detection with lingua"
    )
    args = parser.parse_args(argv)
    try:
        if args.sets:
            sys.stdout.write(sets_report(corpus_sets(), errors=args.errors))
            return 0
        samples = load(HELDOUT_DIR if args.heldout else CORPUS_DIR)
    except CorpusError as exc:
        print(f"corpus: {exc}", file=sys.stderr)
        return 1
    if args.jsonl:
        for sample in samples:
            print(json.dumps(sample.request(), ensure_ascii=False))
        return 0
    sys.stdout.write(report(samples, errors=args.errors))
    if args.compare_lingua:
        sys.stdout.write("\n" + compare_lingua(samples))
    return 0


if __name__ == "__main__":
    sys.exit(main())
