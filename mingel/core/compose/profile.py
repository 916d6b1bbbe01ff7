"""The writer's profile made to fit a message: names capitalised, and what they do or
have done as whole first-person sentences.

Profile fields are typed like a CV line ("Läser datateknik på KTH", "Second year student
at KTH", "I'm a second year student at…") or in lower case ("alex moreno"). Pasted after
"Just nu håller jag på med" they break the sentence; so the composer asks for a clause
("jag läser datateknik på KTH") and puts it where a clause goes, turned round after an
adverb in Swedish ("numera läser jag datateknik på KTH").
"""

import re

from mingel.core.compose.fragments import (
    BULLET_RE,
    SENTENCE_END_RE,
    TRAILING,
    calm,
    words_of,
    written_and,
)
from mingel.core.compose.fragments import lower_first as lower_common
from mingel.core.compose.pronouns import english_verb
from mingel.core.compose.reading import fits_language, reading, starts_with

# Name particles that stay in lower case inside a name ("Ludwig van Beethoven").
PARTICLES = frozenset(
    [
        "van",
        "von",
        "de",
        "der",
        "den",
        "af",
        "av",
        "la",
        "le",
        "di",
        "da",
        "del",
        "dos",
        "du",
        "bin",
    ]
)
MAX_CLAUSE_WORDS = 16
# Characters as well as words: one long word (a pasted link) is no clause either.
MAX_CLAUSE_CHARS = 160


def is_supine(word: str) -> bool:
    """Swedish supine ("flyttat", "bytt", "tagit"): "Flyttat till Malmö" means "jag har
    flyttat till Malmö". Short words ending so ("chat") are left alone."""
    return (word.endswith("tt") and len(word) >= 4) or (
        word.endswith(("at", "it")) and len(word) >= 5
    )


MAX_UPDATE_WORDS = 40
MAX_UPDATE_SENTENCES = 3
MAX_UPDATE_CHARS = 400


def name_part(part: str, first: bool) -> str:
    if not (part.islower() or part.isupper()):
        return part  # "McDonald", "Al-Sayed": written with care, kept
    low = part.lower()
    if low in PARTICLES and not first:
        return low
    return "-".join(p[:1].upper() + p[1:] for p in low.split("-"))


def person_name(name: str) -> str:
    """ "alex moreno" → "Alex Moreno", "ANNA BERG" → "Anna Berg"; mixed case is kept."""
    parts = name.split()
    return " ".join(name_part(p, i == 0) for i, p in enumerate(parts))


def first_name(name: str) -> str:
    parts = person_name(name).split()
    return parts[0].strip(",.;") if parts else ""


def capital_i(text: str) -> str:
    return re.sub(r"(?<![\w'’])i(?=(?:['’](?:m|ve|d|ll))?(?![\w'’]))", "I", text)


def lower_first(text: str) -> str:
    return text[:1].lower() + text[1:] if text[1:2].islower() or len(text) == 1 else text


ENGLISH_PREPOSITIONS = frozenset(["at", "in", "for", "with", "on", "of", "from", "by"])


def head_noun(text: str) -> str:
    """The last word of an English noun phrase before its first comma or preposition:
    "second year student at KTH" → "student", in lower case."""
    words = []
    for word in words_of(text.split(",")[0]):
        if word.lower() in ENGLISH_PREPOSITIONS:
            break
        words.append(word.lower())
    return words[-1] if words else ""


def english_article(word: str) -> str:
    """ "a" or "an" as the word is said: an acronym by its letters ("an IT student", "a UX
    designer"), any other word by its first letter."""
    if word.isupper() and len(word) > 1:
        return "an" if word[0] in "AEFHILMNORSX" else "a"
    return "an" if word[0].lower() in "aeiou" else "a"


def role_phrase(text: str, lang: str) -> str:
    """A noun phrase as a clause: a role is something you are, studies something you
    read, anything else something you work with."""
    rd = reading(lang)
    low = [w.lower() for w in words_of(text)]
    phrase = lower_common(text, lang)
    first = words_of(text)[0]
    if first[1:].islower() and "-" not in first and low[0].endswith(rd.role_endings):
        phrase = text[:1].lower() + text[1:]  # "Systemutvecklare på Volvo", a CV line
    if lang == "sv" and any(w in rd.study_words for w in low):
        return f"{rd.me} läser {phrase}"
    is_role = low[0].endswith(rd.role_endings) or any(
        w.endswith(rd.role_endings) and len(w) > 4 for w in low[:4]
    )
    if lang == "en":
        # English puts the role last in its noun phrase, and "-er" is no role ending on
        # a modifier: "computer science at KTH" is a subject, "backend developer" a role.
        is_role = head_noun(text).endswith(rd.role_endings)
    if is_role and lang == "sv":
        return f"{rd.me} {rd.be} {phrase}"
    if any(w in rd.study_places for w in low):
        # A subject at a university: studied, not worked in. Its CV capital goes
        # ("Teknisk fysik på Chalmers"); a university's own name stays ("Lunds universitet").
        place_first = low[0] in rd.study_places or (len(low) > 1 and low[1] in rd.study_places)
        if first[1:].islower() and not place_first:
            phrase = text[:1].lower() + text[1:]
        return f"{rd.me} läser {phrase}"
    if is_role:
        article = "" if low[0] in ("a", "an", "the") else f"{english_article(first)} "
        return f"I'm {article}{phrase}"
    return f"{rd.me} {rd.work_with} {phrase}"


def first_person(sentence: str, lang: str, *, noun_phrase: bool) -> str:
    """One profile sentence as a statement by the writer. A sentence that already has a
    subject is kept; a verb first gets "jag"/"I"; a noun phrase gets a verb when
    `noun_phrase` asks for one ("Second year student at KTH" → "I'm a second year
    student at KTH"), else stays as written (after a colon it reads fine)."""
    rd = reading(lang)
    adverb = starts_with(sentence, rd.time_adverbs)
    if adverb and not noun_phrase:
        return after_adverb(sentence, adverb, lang)
    # A clause goes after the phrasing's own "numera"/"these days": drop the line's own.
    if adverb and len(words_of(sentence)) > len(adverb.split()):
        sentence = sentence[len(adverb) :].lstrip(" ,:")  # "Currently studying ..."
    words = [w.lower() for w in words_of(sentence)]
    if adverb and lang == "sv" and words[1:2] == ["jag"]:  # "Just nu läser jag ..."
        sentence = re.sub(r"^(\w+)\s+jag\b", r"jag \1", sentence, count=1, flags=re.IGNORECASE)
        words = [w.lower() for w in words_of(sentence)]
    first = words[0]
    if lang == "en":
        sentence = capital_i(sentence)
    if words_of(sentence)[0].isupper() and len(first) > 1:
        pass  # "IT student": an acronym, not the pronoun "it"
    elif first in rd.subjects or first in ("i'm", "i've", "i'd"):
        return sentence[:1].lower() + sentence[1:] if lang == "sv" else sentence
    if any(w in rd.subjects for w in words[1:] if w != "it") and not noun_phrase:
        return lower_first(sentence)
    if lang == "sv" and (first in rd.verbs or first.endswith(("ade", "erar"))):
        return f"{rd.me} {lower_first(sentence)}"
    if lang == "sv" and is_supine(first) and first not in rd.words:
        return f"{rd.me} har {lower_first(sentence)}"  # "Flyttat till Malmö"
    if lang == "en" and first.endswith("ing") and len(first) > 4:
        return f"I'm {lower_first(sentence)}"
    if lang == "en" and (first in rd.verbs or first.endswith("ed")):
        return f"I {lower_first(sentence)}"
    if lang == "en" and english_verb(first, rd) != first and english_verb(first, rd) in rd.verbs:
        verb = english_verb(words_of(sentence)[0], rd).lower()
        return f"I {verb}{sentence[len(words_of(sentence)[0]) :]}"
    return role_phrase(sentence, lang) if noun_phrase else lower_first(sentence)


def after_adverb(sentence: str, adverb: str, lang: str) -> str:
    """An update sentence that starts with "Nu"/"Now": "Now looking for a summer job"
    becomes "Now I'm looking for a summer job", "Nu letar efter sommarjobb" "Nu letar jag
    efter sommarjobb"; one with its subject ("Nu jobbar jag på Klarna") stays."""
    head, rest = sentence[: len(adverb)], sentence[len(adverb) :].lstrip(" ,:")
    rd = reading(lang)
    words = [w.lower() for w in words_of(rest)]
    if not words or any(w in rd.subjects or w in ("i'm", "i've") for w in words):
        return lower_first(sentence)
    clause = first_person(rest, lang, noun_phrase=False)
    if not clause.lower().startswith((rd.me.lower() + " ", "i'm ")):
        return lower_first(sentence)
    return f"{lower_first(head)} {inverted(clause, lang)}"


def sentences_of(text: str) -> list[str]:
    out = []
    for line in written_and(text).replace("\r", "\n").split("\n"):
        line = BULLET_RE.sub("", line)
        out.extend(s.strip().strip(TRAILING) for s in SENTENCE_END_RE.split(line))
    return [s for s in out if words_of(s)]


def doing_clause(text: str, lang: str) -> str:
    """What the writer does as a clause starting with "jag"/"I" ("jag läser datateknik
    på KTH"), from the first sentence that fits; "" when none does."""
    for sentence in sentences_of(calm(text, lang)):
        short = len(words_of(sentence)) <= MAX_CLAUSE_WORDS and len(sentence) <= MAX_CLAUSE_CHARS
        if short and fits_language(sentence, lang):
            clause = first_person(sentence, lang, noun_phrase=True)
            if words_of(clause)[0].lower() in (reading(lang).me.lower(), "i'm", "i've"):
                return clause
    return ""


def inverted(clause: str, lang: str) -> str:
    """A Swedish clause after an adverb puts the verb second: "jag läser X" after
    "numera" reads "numera läser jag X". English keeps its order."""
    if lang != "sv":
        return clause
    m = re.match(r"jag\s+(\w+)(.*)", clause, re.DOTALL)
    return f"{m.group(1)} jag{m.group(2)}" if m else clause


def update_text(text: str, lang: str, keep: int = MAX_UPDATE_SENTENCES) -> str:
    """What the writer has done lately, as one to three sentences that can follow "A quick
    update from me:" (the first in lower case), at most `keep` of them; "" when nothing
    fits: the other language only, too long to be a short update (in words or
    characters), or empty."""
    kept = []
    for sentence in sentences_of(calm(text, lang)):
        if not fits_language(sentence, lang):
            continue
        statement = first_person(sentence, lang, noun_phrase=False)
        kept.append(statement[:1].upper() + statement[1:] if kept else statement)
    kept = kept[:keep] if len(kept) <= MAX_UPDATE_SENTENCES else kept
    words = sum(len(words_of(s)) for s in kept)
    chars = sum(len(s) for s in kept)
    too_long = words > MAX_UPDATE_WORDS or chars > MAX_UPDATE_CHARS
    if not kept or len(kept) > MAX_UPDATE_SENTENCES or too_long:
        return ""
    first = kept[0]
    if lang == "en" and not first.startswith(("I ", "I'")):
        kept[0] = lower_first(first)
    return ". ".join(kept)
