"""`third-person`: the recipient is spoken of as he or she instead of addressed.

Notes are written about a person ("she said they hire interns"); a message is written to
them. A he/she/han/hon (him, her, his, honom, henne, hans, hennes; hen) fires when nothing
else named since can be the one meant: no other person's first name (from
`lexicon/first_names.txt`: most capitalised words in these messages are companies, tools
and places), no person word from the lexicon's `person` list ("my manager said she", "min
chef sa att han"), or the recipient was named last ("Lars var min mentor och han ...") and no person
word from the lexicon's `person` list ("my manager said she", "min chef sa att han").
"""

from functools import cache

from mingel.core.coach.lexicon import LEXICON_DIR
from mingel.core.coach.model import Message
from mingel.core.coach.rules.base import Rule, Span, fires, passes

# How many words back another person can be and still be the one the pronoun means.
ANTECEDENT_WINDOW = 40
# How close after the recipient's name a person word describes them ("Lars, my mentor").
NAME_APPOSITION = 4
# How a recipient may be spoken of without a name ("Madam had mentioned that she ...").
HONORIFICS = frozenset(["madam", "sir", "mr", "mrs", "ms", "miss", "dr", "professor"])
GREETINGS = frozenset(
    ["hi", "hello", "hey", "dear", "hej", "hejsan", "hallå", "tjena", "tja", "respected"]
)
REPLACEMENTS = {
    "en": {"he": "you", "she": "you", "him": "you", "her": "you/your", "his": "your",
           "hers": "yours", "himself": "yourself", "herself": "yourself"},
    "sv": {"han": "du", "hon": "du", "hen": "du", "honom": "dig", "henne": "dig",
           "henom": "dig", "hans": "din/ditt", "hennes": "din/ditt", "hens": "din/ditt"},
}  # fmt: skip


def one_of(ws: list, i: int) -> bool:
    """Whether a plural person word is picked out as one ("one of our engineers")."""
    return any(w.form == "of" for w in ws[max(0, i - 3) : i])


@cache
def first_names() -> frozenset[str]:
    path = LEXICON_DIR / "first_names.txt"
    lines = path.read_text(encoding="utf-8").splitlines()
    return frozenset(w for line in lines if not line.startswith("#") for w in line.split())


def referents(msg: Message) -> tuple[list[int], list[int]]:
    """Indexes of words that name someone: (other people, the recipient by name outside
    the greeting). A person word right after the recipient's name is the recipient
    ("Lars var min mentor")."""
    own = {p.lower().strip(",.") for p in msg.recipient.split()}
    ws = msg.words
    recipient = [
        i
        for i, w in enumerate(ws)
        if (w.form in own or w.form in HONORIFICS) and not (i and ws[i - 1].form in GREETINGS)
    ]
    names = first_names()
    people = set()
    for i, _, _ in msg.meaning_matches("person"):
        w = ws[i]
        if w.form != w.lemma and w.form.endswith("s") and not one_of(ws, i):
            continue  # "engineers": many people are not a he or a she
        if not any(0 < i - r <= NAME_APPOSITION for r in recipient):
            people.add(i)
    for i, w in enumerate(ws):
        written = msg.text[w.start : w.end]
        if not written[:1].isupper() or w.form in own:
            continue
        if w.form not in names or (i and ws[i - 1].form in GREETINGS):
            continue  # a company, a tool or a place; or the greeting's name
        people.add(i)
    return sorted(people), recipient


def find(msg: Message) -> list[Span]:
    pronouns = REPLACEMENTS[msg.lang]
    if pronouns.keys().isdisjoint(msg.vocabulary):
        return []
    ws = msg.words
    hits = [i for i, w in enumerate(ws) if w.form in pronouns]
    if not hits:
        return []
    others, recipient = referents(msg)
    note_leads = {i for i, _, _ in msg.meaning_matches("note_lead")}
    others = [j for j in others if j not in note_leads]
    spans = []
    for i in hits:
        other = max((j for j in others if i - ANTECEDENT_WINDOW <= j < i), default=-1)
        named = max((j for j in recipient if j < i), default=-1)
        if other > named:
            continue  # someone else was named last: the pronoun is about them
        spans.append((ws[i].start, ws[i].end))
    return spans


def details(msg: Message, span: Span) -> dict:
    word = msg.text[span[0] : span[1]]
    return {"found": word, "instead": REPLACEMENTS[msg.lang].get(word.lower(), "")}


RULE = Rule(
    id="third-person",
    find=find,
    details=details,
    examples=(
        *fires(
            "Talked about Kafka at the meetup. She said they hire juniors in spring.",
            "Hi Anna, thanks for the tips, his advice on testing was great.",
            lang="en",
            recipient="Anna Berg",
        ),
        *passes(
            "Hi Anna, my manager said she would love to hear your talk.",
            "Hi Anna, say hi to Erik from me, he was so helpful.",
            "Hi Anna, thanks for your tips on testing!",
            lang="en",
            recipient="Anna Berg",
        ),
        *fires(
            "pratade om kubernetes på spotify. han sa att dom tar in praktikanter",
            lang="sv",
            recipient="Erik Sjöberg",
        ),
        *passes(
            "Hej Erik! Min chef sa att hon gärna vill höra ditt föredrag.",
            "Hej Erik! Hälsa Sara, hon var så hjälpsam.",
            lang="sv",
            recipient="Erik Sjöberg",
        ),
    ),
)
