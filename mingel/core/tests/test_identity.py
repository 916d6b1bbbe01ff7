import pytest

from mingel.core.identity import (
    match_keys,
    normalise_company,
    normalise_email,
    normalise_linkedin_url,
    normalise_name,
)


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        pytest.param(
            "https://www.linkedin.com/in/anna-svensson/", "linkedin.com/in/anna-svensson", id="www"
        ),
        pytest.param(
            "http://se.linkedin.com/in/Anna-Svensson?trk=x",
            "linkedin.com/in/anna-svensson",
            id="country",
        ),
        pytest.param("linkedin.com/in/%C3%A5sa", "linkedin.com/in/åsa", id="encoded"),
        pytest.param("https://example.com/in/anna", "", id="other-host"),
        pytest.param("https://www.linkedin.com/company/spotify", "", id="company-page"),
        pytest.param("", "", id="empty"),
        pytest.param("https://evil.example/linkedin.com/in/anna", "", id="path-not-host"),
        pytest.param("https://linkedin.com.evil.example/in/anna", "", id="lookalike-host"),
        pytest.param("HTTPS://LINKEDIN.COM:443/pub/Anna-S/", "linkedin.com/pub/anna-s", id="port"),
    ],
)
def test_it_normalises_linkedin_urls(url, expected):
    assert normalise_linkedin_url(url) == expected


def test_it_normalises_names_emails_and_companies():
    assert normalise_name("  ÅSA   Öberg-Lind ") == "åsa öberg lind"
    assert normalise_email(" Anna@Example.COM ") == "anna@example.com"
    assert normalise_email("not an address") == ""
    assert normalise_company("Spotify AB") == normalise_company("spotify") == "spotify"


def test_two_records_of_one_person_share_a_key():
    a = match_keys(name="Anna Svensson", company="Klarna AB", email="")
    b = match_keys(name="anna  svensson", company="Klarna", email="anna@klarna.com")
    assert a & b


def test_a_name_alone_is_no_key():
    assert match_keys(name="Anna Svensson") == frozenset()
