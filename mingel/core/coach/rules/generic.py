"""`generic`: stock phrases, or nothing that ties the message to the conversation.

LinkedIn's default invitation sentences fire always; other stock lines ("hope this message
finds you well", "let's connect") only in a message that has nothing specific beside them.
With a context ("what we talked about") the message must share at least one content word
with it: both sides are stemmed, stopwords of either language and the recipient's name are
ignored, and a stem that ends another word or a long enough shared beginning counts, so
Swedish compounds match their parts ("molntjänster", "moln", "molnprojekt"), also when the
shared part sits inside both words ("techcommunity", "communityn").
"""

from functools import cache, lru_cache

from mingel.core.coach.lexicon import LANGS, lexicon
from mingel.core.coach.model import Message
from mingel.core.coach.rules.base import Rule, Span, fires, passes
from mingel.core.coach.text import Token, stem, tokens, word_parts

MIN_PART = 4
# Shared beginnings that count as the same word: Swedish compounds need less.
MIN_PREFIX = {"sv": 4, "en": 5}
MIN_INFIX = 7
# Names or numbers beside stock lines that make a message specific ("Nordic" alone does not).
MIN_SPECIFICS = 2
OTHER_LANGUAGE_HINTS = ("network", "nätverk", "linkedin", "invitation", "inbjudan")
GREETINGS = frozenset(
    [
        "hi",
        "hello",
        "hey",
        "dear",
        "hej",
        "hejsan",
        "hallå",
        "tjena",
        "tja",
        "hola",
        "ciao",
        "morning",
        "respected",
    ]
)


@cache
def all_stopwords() -> frozenset[str]:
    return frozenset().union(*(lexicon(lang).stopwords for lang in LANGS))


@lru_cache(maxsize=16384)
def word_stems(word: str, lang: str) -> tuple[tuple[str, str], ...]:
    """(part, stem) for the word and its hyphenated parts that carry content."""
    stop = all_stopwords()
    return tuple(
        (part, stem(part, lang))
        for part in {word, *word_parts(word)}
        if part not in stop and not part.isdigit() and len(part) >= 2
    )


def content_stems(toks: list[Token], lang: str, skip: frozenset[str]) -> set[str]:
    return {s for tok in toks for part, s in word_stems(tok.lower, lang) if part not in skip}


def related(a: str, b: str, lang: str) -> bool:
    if a == b:
        return True
    short, long = sorted((a, b), key=len)
    if len(short) >= MIN_PART and long.endswith(short):
        return True
    prefix = MIN_PREFIX[lang]
    if len(short) >= prefix and long[:prefix] == short[:prefix]:
        return True
    # Swedish compounds put the shared word in the middle and inflect it at the end:
    # "techcommunity" and "communityn" share "communi".
    return lang == "sv" and any(
        short[i : i + MIN_INFIX] in long for i in range(len(short) - MIN_INFIX + 1)
    )


def shares_content(msg: Message) -> bool | None:
    """None when the context has no content word to share."""
    skip = frozenset(msg.recipient.lower().split())
    wanted = content_stems(tokens(msg.context), msg.lang, skip)
    if not wanted:
        return None
    have = content_stems(msg.tokens, msg.lang, skip)
    if not wanted.isdisjoint(have):  # the usual case, without comparing every pair
        return True
    return any(related(w, h, msg.lang) for w in wanted for h in have)


def specifics(msg: Message, stock: list[Span]) -> int:
    """How many specific things the message names outside its stock lines: names of
    companies, events, tools and places (capitalised inside a sentence, not after a
    greeting, not the recipient's name, not networking small talk like "LinkedIn") and
    numbers."""
    stop = all_stopwords()
    small_talk = msg.lex.others_small_talk
    skip = {p.lower().strip(",.") for p in msg.recipient.split()}
    ws = msg.words
    count = 0
    for i, w in enumerate(ws):
        if any(a <= w.start < b for a, b in stock):
            continue
        if w.form.isdigit():
            count += 1
            continue
        if i == 0 or ws[i - 1].sentence != w.sentence or ws[i - 1].form in GREETINGS:
            continue
        if not msg.text[w.start].isupper() or w.form in skip or w.form in stop:
            continue
        if w.form in small_talk or w.form == "i":
            continue
        count += 1
    return count


def boilerplate(msg: Message) -> list[Span]:
    """LinkedIn's default invitation sentences, in either language: a Swedish note may
    carry the English default and the other way round."""
    spans = msg.lex.find("boilerplate", msg.norm) or msg.meaning("boilerplate")
    if spans:
        return spans
    if not any(word in msg.norm for word in OTHER_LANGUAGE_HINTS):
        return []  # no default invitation of either language without these words
    other = lexicon("en" if msg.lang == "sv" else "sv")
    return other.find("boilerplate", msg.norm)


def find(msg: Message) -> list[Span]:
    spans = boilerplate(msg)
    if spans:
        return spans
    if msg.context.strip() and shares_content(msg) is False:
        return [msg.whole()]
    # Stock lines ("hope this finds you well", "let's connect", "exciting opportunity")
    # make a message generic only when there is nothing specific beside them.
    stock = msg.meaning("stock")
    if stock and not msg.context.strip() and specifics(msg, stock) < MIN_SPECIFICS:
        return stock
    return []


RULE = Rule(
    id="generic",
    find=find,
    examples=(
        *fires(
            "Hi Eva, I'd like to add you to my professional network on LinkedIn.",
            "Hi Eva, I came across your profile and would like to connect.",
            "Hi Eva, hope this message finds you well. Let's connect!",
            lang="en",
        ),
        *passes(
            "Hi Eva, hope this message finds you well. Your talk on Kafka consumer lag "
            "at the Stockholm meetup changed how we monitor our pipelines.",
            lang="en",
        ),
        *fires(
            "Hi Eva, nice to meet you yesterday, let's keep in touch.",
            lang="en",
            context="her migration from Java to Kotlin",
        ),
        *passes(
            "Hi Eva, fun to hear about your move to Kotlin yesterday!",
            lang="en",
            context="her migration from Java to Kotlin",
        ),
        *passes("Hi Eva, nice to meet you yesterday, let's keep in touch.", lang="en"),
        *fires(
            "Hej Eva! Jag vill gärna lägga till dig i mitt professionella nätverk på LinkedIn.",
            lang="sv",
        ),
        *fires(
            "Hej Eva, kul att ses igår, hoppas vi hörs!",
            lang="sv",
            context="molntjänster och Terraform",
        ),
        *passes(
            "Hej Eva, kul att höra om ert molnprojekt igår!",
            lang="sv",
            context="molntjänster och Terraform",
        ),
    ),
)
