"""Drafts from notes as people type them: lead-ins, bullets, shouting, the recipient as
"she", the other language, an empty profile. Whatever the notes hold, the draft reads as a
message to the recipient, in one language, with a marked placeholder where nothing fit.

The coach will grow rules for these (`placeholder`, `mixed-language`, `third-person`,
`pasted-note`); until they land, the properties are checked here directly.
"""

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from mingel.core.coach import check
from mingel.core.coach.text import sentence_spans, tokens
from mingel.core.compose import Contact, Me, Scenario, compose
from mingel.core.compose.fragments import PLACEHOLDER_RE
from mingel.core.compose.reading import evidence, other

TOPICS = {
    "sv": [
        "hur hon fick sitt första jobb",
        "hennes byte från Java till Kotlin",
        "hans sidoprojekt",
        "hur han tog sig in i branschen",
        "hennes nya roll på Spotify",
        "molntjänster och Terraform",
        "testning i produktion",
        "Kafka",
        "hans startup (Oxide?)",
        "att hon ska byta jobb i vår",
    ],
    "en": [
        "how she got her first job",
        "her move from Java to Kotlin",
        "his side project",
        "how he is building his team",
        "what she likes about consulting",
        "testing in production",
        "Kafka",
        "his startup (Oxide?)",
        "what he is building at Volvo",
    ],
}
LEAD_INS = {
    "sv": ["Pratade om", "Vi pratade om", "pratade om:", "Snackade om", "Diskuterade", ""],
    "en": ["Talked about", "We discussed", "Discussed:", "Chatted about", "talked about", ""],
}
# Notes to self that start with a to-do's verb: never copied into the message.
TO_DOS = {
    "sv": [
        "följ upp nästa vecka",
        "fråga om referens",
        "skicka länk",
        "mejla CV",
        "kolla med Anna",
        "tipsa om jobbet",
        "boka lunch",
    ],
    "en": [
        "send link to my blog",
        "remind me to call",
        "email CV",
        "ask about referral",
        "intro to Bob",
        "follow up next week",
        "connect on LinkedIn",
    ],
}
NOISE = {
    "sv": [
        "TODO skicka länk",
        "Träffades i kön till kaffet",
        "intressant kille!",
        "Mingel med Maja",
        "Hon sa: satsa på AWS",
        "Han sa att han gillar Rust",
        "Ska mejla henne",
        "Hon jobbar på Spotify sedan 2020",
        *TO_DOS["sv"],
    ],
    "en": [
        "TODO send the link",
        "Met in the coffee line",
        "great guy!!",
        "she'll check with HR",
        "She said: go for AWS",
        "He said he likes Rust",
        "She works at Spotify since 2020",
        *TO_DOS["en"],
    ],
}
NAMES = ["alex moreno", "ALEX MORENO", "Alex Moreno", "sara nilsson", "jonas ek-larsson", ""]
DOING = {
    "sv": [
        "Läser datateknik på KTH",
        "Jobbar som utvecklare på Klarna",
        "student på KTH",
        "Just nu läser jag en master i datavetenskap",
        "Systemutvecklare på Volvo",
    ],
    "en": [
        "I'm a second year student at KTH…",
        "Studying computer science",
        "Works as a tester",
        "Currently studying CS at KTH",
        "IT student, second year",
    ],
}
UPDATE = {
    "sv": [
        "Tog examen i juni. Nu jobbar jag på Klarna.",
        "har flyttat till Göteborg",
        "- ny tjänst på Klarna\n- flyttat till Malmö",
    ],
    "en": [
        "Finished my degree and started at Klarna.",
        "moved to Gothenburg",
        "GRADUATED!! Started at Volvo.",
    ],
}
RECIPIENT_PRONOUNS = {
    "sv": {"hon", "han", "hen", "henne", "honom", "hennes", "hans", "hens"},
    "en": {"she", "he", "her", "him", "his", "hers", "herself", "himself"},
}
LEAD_IN_TEXT = re.compile(
    r"pratade om|snackade om|diskuterade|talked about|we discussed|discussed|chatted about",
    re.IGNORECASE,
)
SHORTHAND = re.compile(r"(?m)^\s*[-*•]\s|->|=>|\bTODO\b|\b(?:sa|said):", re.IGNORECASE)


def shout(text: str) -> str:
    return text.upper()


@st.composite
def notes(draw, lang: str) -> str:
    """A note in `lang` as typed: a topic or a list of them, with a lead-in, bullets,
    separators, noise items and shouting."""
    topics = draw(st.lists(st.sampled_from(TOPICS[lang]), min_size=1, max_size=3, unique=True))
    topics = [shout(t) if draw(st.booleans()) and draw(st.booleans()) else t for t in topics]
    noise = draw(st.lists(st.sampled_from(NOISE[lang]), max_size=2, unique=True))
    lead = draw(st.sampled_from(LEAD_INS[lang]))
    shapes = ["comma", "bullets", "semicolon", "sentences", "arrow"]
    shape = draw(st.sampled_from(shapes + (["spoken-and"] if lang == "sv" else [])))
    if shape == "bullets":
        body = "\n".join(f"- {t}" for t in [*topics, *noise])
        return f"{lead}\n{body}" if lead else body
    if shape == "sentences":
        return " ".join(
            f"{s[:1].upper()}{s[1:]}." for s in [f"{lead} {topics[0]}".strip(), *topics[1:], *noise]
        )
    sep = {"comma": ", ", "semicolon": "; ", "arrow": " -> ", "spoken-and": " o "}[shape]
    text = f"{lead} {sep.join(topics)}".strip()
    return f"{text}. {' '.join(n + '.' for n in noise)}".strip() if noise else text


@st.composite
def cases(draw):
    lang = draw(st.sampled_from(["sv", "en"]))
    kind = draw(st.sampled_from(["connect", "thanks", "reconnect"]))
    note_lang = draw(st.sampled_from([lang, other(lang)]))
    profile_lang = draw(st.sampled_from([lang, other(lang)]))
    empty = draw(st.booleans())
    scenario = Scenario(
        contact=Contact(
            name=draw(st.sampled_from(["Maja Lind", "tom berg", "Li", "Åsa Ek", "MAJA LIND"]))
        ),
        me=Me(
            name=draw(st.sampled_from(NAMES)),
            doing="" if empty else draw(st.sampled_from(["", *DOING[profile_lang]])),
            update="" if empty else draw(st.sampled_from(["", *UPDATE[profile_lang]])),
        ),
        context=draw(st.one_of(st.just(""), notes(note_lang))),
    )
    return lang, kind, scenario, draw(st.integers(0, 2))


def outside_placeholders(text: str) -> str:
    return PLACEHOLDER_RE.sub(" ", text)


@settings(max_examples=400, deadline=None)
@given(cases())
def test_it_makes_a_clean_message_of_messy_notes(case):
    lang, kind, scenario, variant = case
    draft = compose(kind, scenario, lang=lang, variant=variant)
    text = outside_placeholders(draft.subject + "\n" + draft.body)
    assert not LEAD_IN_TEXT.search(text), draft
    assert not SHORTHAND.search(text), draft
    assert " o " not in text, draft  # the spoken "och" of a quick note
    for to_do in TO_DOS["sv"] + TO_DOS["en"]:
        assert to_do.lower() not in text.lower(), (to_do, draft)
    words = {t.lower for t in tokens(text)}
    assert not words & RECIPIENT_PRONOUNS[lang], draft
    for start, end in sentence_spans(text):
        counts = evidence(text[start:end])
        assert counts[other(lang)] == 0, (text[start:end], draft)
    assert not re.search(r"\b[A-ZÅÄÖ]{5,}\b", text), draft  # no shouting copied
    assert not re.search(r"[()]|\?\)", text), draft  # no asides
    first = scenario.contact.name.split()[0].capitalize()
    assert text.lstrip().split("\n", 1)[0] != "" and first in text.split("\n\n")[0], draft
    name = scenario.me.name
    if name:  # written as typed only when typed with capitals
        assert name == name.title() or name.split()[0] not in text, draft
        assert name.title() in draft.body or kind == "connect", draft
    assert set(draft.placeholders) == set(PLACEHOLDER_RE.findall(draft.subject + draft.body))
    if kind == "reconnect" and not (scenario.me.update or scenario.me.doing):
        assert draft.placeholders, draft  # never an invented update

    result = check(
        draft.body,
        kind=kind,
        lang=lang,
        subject=draft.subject,
        recipient=scenario.contact.name,
        context=draft.context,
    )
    allowed = {"placeholder"} if draft.placeholders else set()
    assert {f.rule for f in result.warnings} <= allowed, (draft, result.rules)
    assert check(draft.body, kind=kind).lang == lang, draft
