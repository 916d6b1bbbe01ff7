from urllib.parse import parse_qs, urlsplit

from mingel.compose.links import mailto_url


def test_it_encodes_subject_and_body_so_they_arrive_unchanged():
    url = mailto_url("erik@example.com", "Long time & no see?", "Hej Erik,\nhur mår du? 100%")
    assert url.startswith("mailto:erik@example.com?subject=Long%20time%20%26%20no%20see%3F&")
    assert "+" not in url and " " not in url and "\n" not in url
    query = parse_qs(urlsplit(url).query)
    assert query["subject"] == ["Long time & no see?"]
    assert query["body"] == ["Hej Erik,\r\nhur mår du? 100%"]


def test_it_leaves_out_empty_parts():
    assert mailto_url("erik@example.com") == "mailto:erik@example.com"
    assert mailto_url("erik@example.com", body="Hi") == "mailto:erik@example.com?body=Hi"
