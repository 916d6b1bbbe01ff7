import pytest
from hypothesis import given
from hypothesis import strategies as st

from mingel.core.events import pitch


@pytest.mark.parametrize(
    ("text", "words"),
    [
        pytest.param("", 0, id="empty"),
        pytest.param("Hi, I'm Eva.", 3, id="apostrophe"),
        pytest.param("Jag pluggar e-post-säkerhet på KTH", 5, id="hyphens-and-å"),
        pytest.param("  many\n\nspaces\t here ", 3, id="whitespace"),
        pytest.param("— ... !!", 0, id="punctuation-only"),
    ],
)
def test_it_counts_words(text, words):
    assert pitch.count_words(text) == words


def test_it_estimates_speaking_time_at_140_words_a_minute():
    assert pitch.estimate("word " * 70) == pitch.Estimate(words=70, seconds=30, too_long=False)
    assert pitch.estimate("word " * 73) == pitch.Estimate(words=73, seconds=31, too_long=True)
    assert pitch.estimate("Hi") == pitch.Estimate(words=1, seconds=1, too_long=False)
    assert pitch.estimate("") == pitch.Estimate(words=0, seconds=0, too_long=False)


def test_the_pace_and_the_limit_can_be_changed():
    assert pitch.estimate("word " * 65, words_per_minute=130).seconds == 30
    assert pitch.estimate("word " * 30, limit=10).too_long


def test_words_for_is_the_budget_of_a_time():
    assert pitch.words_for(30) == 70


@given(st.text(max_size=400))
def test_longer_text_never_takes_less_time(text):
    assert pitch.estimate(text + " and more").seconds >= pitch.estimate(text).seconds


def test_it_builds_a_pitch_from_the_profile_in_english():
    text = pitch.build_pitch(
        "en", name="eva ek", doing="computer science at KTH", interests="accessibility."
    )
    assert text == (
        "Hi, I'm Eva Ek. Right now I work with computer science at KTH. "
        "Lately I've been curious about accessibility. What brings you here?"
    )
    assert not pitch.estimate(text).too_long


def test_it_builds_a_swedish_pitch_and_leaves_out_empty_fields():
    text = pitch.build_pitch("sv", name="Eva", interests="  spelmotorer  ")
    assert text == (
        "Hej, jag heter Eva. På sistone har jag blivit nyfiken på spelmotorer. "
        "Vad fick dig att komma hit?"
    )


@pytest.mark.parametrize(
    ("lang", "doing", "sentence"),
    [
        pytest.param(
            "sv", "Läser datateknik på KTH", "Just nu läser jag datateknik på KTH.", id="sv-verb"
        ),
        pytest.param(
            "sv",
            "Just nu läser jag datateknik på KTH.",
            "Just nu läser jag datateknik på KTH.",
            id="sv-own-just-nu",
        ),
        pytest.param(
            "sv",
            "Systemutvecklare på Volvo",
            "Just nu är jag systemutvecklare på Volvo.",
            id="sv-role",
        ),
        pytest.param(
            "sv",
            "IT-student på Chalmers",
            "Just nu är jag IT-student på Chalmers.",
            id="sv-student",
        ),
        pytest.param(
            "sv",
            "Jobbar med frontend på Klarna",
            "Just nu jobbar jag med frontend på Klarna.",
            id="sv-jobbar",
        ),
        pytest.param(
            "sv", "spelutveckling", "Just nu jobbar jag med spelutveckling.", id="sv-subject"
        ),
        pytest.param(
            "sv",
            "datateknik på KTH",
            "Just nu läser jag datateknik på KTH.",
            id="sv-subject-at-a-university",
        ),
        pytest.param(
            "sv",
            "pluggar andra året på KTH. Letar sommarjobb",
            "Just nu pluggar jag andra året på KTH.",
            id="sv-first-sentence",
        ),
        pytest.param(
            "sv",
            "Second year student at KTH",
            "Second year student at KTH.",
            id="sv-english-line-as-written",
        ),
        pytest.param(
            "en",
            "Second year student at KTH",
            "Right now I'm a second year student at KTH.",
            id="en-role",
        ),
        pytest.param(
            "en",
            "Studying computer science at KTH",
            "Right now I'm studying computer science at KTH.",
            id="en-ing",
        ),
        pytest.param(
            "en",
            "I study computer science at KTH.",
            "Right now I study computer science at KTH.",
            id="en-own-subject",
        ),
        pytest.param(
            "en",
            "Currently studying CS at Chalmers",
            "Right now I'm studying CS at Chalmers.",
            id="en-own-currently",
        ),
        pytest.param(
            "en",
            "Work on payments at Klarna",
            "Right now I work on payments at Klarna.",
            id="en-verb",
        ),
        pytest.param(
            "en", "machine learning", "Right now I work with machine learning.", id="en-subject"
        ),
        pytest.param(
            "en",
            "Backend developer at Spotify",
            "Right now I'm a backend developer at Spotify.",
            id="en-cv-capital",
        ),
        pytest.param(
            "en",
            "Läser datateknik på KTH",
            "Läser datateknik på KTH.",
            id="en-swedish-line-as-written",
        ),
    ],
)
def test_what_you_do_reads_as_a_sentence(lang, doing, sentence):
    text = pitch.build_pitch(lang, doing=doing)
    close = pitch.texts(lang)["pitch"]["close"]
    assert text == f"{sentence} {close}"


def test_an_empty_profile_builds_an_empty_pitch():
    assert pitch.build_pitch("sv") == ""


@pytest.mark.parametrize(
    ("seconds", "below"),
    [
        pytest.param(0, 0, id="empty-pitch-never-too-fast"),
        pytest.param(10, 6, id="six-of-ten-is-fine"),
        pytest.param(7, 5, id="four-of-seven-is-under-60-percent"),
        pytest.param(30, 18, id="half-minute"),
    ],
)
def test_a_run_under_60_percent_of_the_estimate_is_too_fast(seconds, below):
    assert pitch.too_fast_below(seconds) == below
