"""How the index should stem, measured: every word under both its Swedish and English stems
(what mingel.core.search_text does), against detecting each field's language and stemming
it in that language only (queries, one or two words, are too short to detect, so they are
stemmed both ways in either case). Pure Python, no database."""

import random

from mingel.core import search_text
from mingel.core.coach import detect
from mingel.core.coach.text import stem, tokens

# (query, field text): the field holds another form of the query's word.
PAIRS = [
    ("migreringar", "Ledde migreringen av gamla system"),
    ("utvecklaren", "Utvecklare"),
    ("säkerhetstester", "Pratade om säkerhetstestet hos Saab"),
    ("rekommendationer", "Examensarbete om rekommendationen"),
    ("praktikplatser", "Söker praktikplatsen i vår"),
    ("tjänsterna", "Bygger tjänster i molnet"),
    ("projektet", "Två projekt med Kafka"),
    ("migration", "Cloud migrations and Kubernetes"),
    ("engineering", "Knows many data engineers"),
    ("studies", "Studying at KTH"),
    ("companies", "Company"),
    ("recommender", "Jobbar med recommendations på Spotify"),
    ("deployment", "Vi deployed allt med Argo"),
    ("testing", "Hon testade penetration tests"),
    ("maskininlärning", "Maskininlärningen bakom prognoserna"),
    ("mentorer", "Mentor"),
]


def detected_document(text: str) -> list[str]:
    lang = detect(tokens(text), "en")
    out = []
    for word in search_text.words(text):
        out += dict.fromkeys((search_text.fold(word), search_text.fold(stem(word, lang))))
    return out


def finds(q: str, forms: list[str]) -> bool:
    query = search_text.parse_query(q)
    return all(any(t.matches(f) for f in forms) for t in query.terms)


def run_table(sample_texts: list[str]) -> list[str]:
    both = sum(finds(q, search_text.document([t]).split()) for q, t in PAIRS)
    detected = sum(finds(q, detected_document(t)) for q, t in PAIRS)
    size_both = sum(len(search_text.document([t]).split()) for t in sample_texts)
    size_detected = sum(len(detected_document(t)) for t in sample_texts)
    return [
        "| index | inflection pairs found | tokens per field (seed sample) |",
        "|---|---:|---:|",
        f"| both stems (chosen) | {both}/{len(PAIRS)} | {size_both / len(sample_texts):.1f} |",
        f"| detect the field's language | {detected}/{len(PAIRS)} | "
        f"{size_detected / len(sample_texts):.1f} |",
    ]


def sample(rng: random.Random, n: int = 2000) -> list[str]:
    from bench.seed import ROLES, TOPICS

    return [rng.choice(TOPICS + ROLES) for _ in range(n)]
