"""The recipient addressed as "du"/"you" where a note speaks of them in the third person.

A note is written about the person you met ("how she got her first job"); the message is
written to them ("how you got your first job"). Third-person pronouns in a note about the
conversation are taken to mean the recipient. Words change with them: Swedish possessives
agree with their noun (din bok, ditt jobb, dina kollegor; "sin/sitt/sina" and "sig" only
when "hon/han/hen" is the subject before them, since "hur de hittar sina kunder" is about
someone else), English verbs with the subject ("she is" becomes "you are", "she works"
becomes "you work").
"""

import re

from mingel.core.compose.reading import Reading, reading

WORD_SPLIT = re.compile(r"(\w+(?:['’]\w+)*)")
# Words that may sit between a subject and its verb: "she really likes".
ADVERBS = frozenset(
    [
        "really",
        "also",
        "just",
        "still",
        "recently",
        "now",
        "often",
        "always",
        "never",
        "actually",
        "already",
        "even",
    ]
)
# After "her"/"his" one of these means the pronoun stands alone: "told her about".
NOT_A_NOUN = frozenset(
    [
        "about",
        "at",
        "in",
        "on",
        "to",
        "for",
        "from",
        "with",
        "by",
        "of",
        "and",
        "or",
        "but",
        "that",
        "this",
        "the",
        "a",
        "an",
        "as",
        "if",
        "so",
        "than",
        "then",
        "when",
        "while",
        "because",
        "into",
        "onto",
        "over",
        "under",
        "after",
        "before",
        "since",
        "until",
        "during",
    ]
)
# Ordinals and the like that sit between a possessive and its noun without an -a ending.
SV_ADJECTIVES = frozenset(
    ["första", "andra", "tredje", "egna", "egen", "eget", "nya", "gamla", "stora", "lilla"]
)


def match_case(word: str, original: str) -> str:
    return word[:1].upper() + word[1:] if original[:1].isupper() else word


def is_ett_word(noun: str, rd: Reading) -> bool:
    """Does the (lower-case) noun take "ett"? By its longest known ending, so a compound
    takes the gender of its last part ("sidoprojekt": ett) and an en-word that ends like
    an ett-word stays one ("studentkår": en, though "år" is ett)."""
    ett = max((len(e) for e in rd.ett_words if noun.endswith(e)), default=0)
    en = max((len(e) for e in rd.en_words if noun.endswith(e)), default=0)
    return ett > en


def swedish_possessive(words: list[str], i: int, rd: Reading) -> str:
    """din, ditt or dina for the noun after position i ("hennes första jobb" → ditt)."""
    j = next_word(words, i)
    while j < len(words):
        word, k = words[j].lower(), next_word(words, j)
        is_noun = word.endswith(rd.ett_words + rd.en_words)
        if k < len(words) and not is_noun and (word in SV_ADJECTIVES or word.endswith("a")):
            j = k  # an adjective ("nya", "första") before the noun
        else:
            break
    noun = words[j].lower() if j < len(words) else ""
    din, ditt, dina = rd.possessive_forms
    if not noun:
        return din
    if is_ett_word(noun, rd):
        return ditt
    if noun.endswith(rd.plural_endings):
        return dina
    return din


def english_verb(word: str, rd: Reading) -> str:
    """The verb after "you" where it followed "she"/"he": "works" → "work"."""
    low = word.lower()
    if low in rd.agreement:
        return match_case(rd.agreement[low], word)
    if len(low) <= 3 or not low.endswith("s") or low.endswith(("ss", "us", "is", "ous")):
        return word
    if low.endswith("ies"):
        return word[:-3] + "y"
    if low.endswith(("ches", "shes", "sses", "xes", "zes", "oes")):
        return word[:-2]
    return word[:-1]


def next_word(words: list[str], i: int) -> int:
    """Index of the next word after position i, or len(words)."""
    j = i + 1
    while j < len(words) and not WORD_SPLIT.fullmatch(words[j]):
        j += 1
    return j


def to_second_person(text: str, lang: str) -> str:
    """The text with the recipient spoken to instead of about."""
    rd = reading(lang)
    words = WORD_SPLIT.split(text)
    subject_seen = False
    for i, word in enumerate(words):
        if not WORD_SPLIT.fullmatch(word):
            continue
        low = word.lower().replace("’", "'")
        if word[:1].isupper() and i > 1:
            continue  # "Hans" in the middle of a note is a name
        if low in rd.pronouns:
            words[i] = match_case(rd.pronouns[low], word)
            subject_seen = subject_seen or low in ("hon", "han", "hen", "she", "he")
            if lang == "en" and low in ("she", "he"):
                j = next_word(words, i)
                while j < len(words) and words[j].lower() in ADVERBS:
                    j = next_word(words, j)
                if j < len(words):
                    words[j] = english_verb(words[j], rd)
        elif low in rd.agreement and low.startswith(("she", "he")):
            words[i] = match_case(rd.agreement[low], word)  # she's → you're
        elif lang == "en" and low in ("she'd", "he'd", "she'll", "he'll"):
            words[i] = match_case("you" + low[low.index("'") :], word)
        elif low in rd.possessives:
            words[i] = match_case(possessive(words, i, lang, rd), word)
        elif subject_seen and low in rd.reflexive_possessives:
            words[i] = match_case(rd.reflexive_possessives[low], word)
        elif subject_seen and low in rd.reflexive:
            words[i] = match_case(rd.reflexive[low], word)
    return "".join(words)


def possessive(words: list[str], i: int, lang: str, rd: Reading) -> str:
    if lang == "sv":
        return swedish_possessive(words, i, rd)
    j = next_word(words, i)
    following = words[j].lower() if j < len(words) else ""
    if words[i].lower() == "her":
        return "your" if following and following not in NOT_A_NOUN else "you"
    return "your" if following and following not in NOT_A_NOUN else "yours"
