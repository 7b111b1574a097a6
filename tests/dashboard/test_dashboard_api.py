"""The dashboard API on the four sample letters: exact answers, filters, paging, sorting."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

LETTERS = [("kst-32852-901", "2025-11-14", "IenW", 9), ("kst-32852-902", "2025-12-04", "IenW", 4),
           ("kst-32813-903", "2026-01-22", "KGG", 7), ("kst-32852-904", "2026-02-12", "EZ", 5)]
# Measures without an instrument are labelled by their first words ("Daarnaast geef ik …").
KGG_BY_LABEL = ["actie-6f33ca8c16ac", "dei-plus-ce", "actie-5b2f67f7cb2a", "actie-8c98f4d8aa9b",
                "actie-3e816be991d8", "sde-plus-plus-chemie"]
UPV = ["upv-kleding", "upv-maakindustrie", "upv-matrassen", "upv-textiel"]


def keys(client: TestClient, **params: object) -> tuple[int, list[str]]:
    """Total and item keys of ``/api/measures``."""
    response = client.get("/api/measures", params={"per_page": 100, **params})
    assert response.status_code == 200, response.text
    body = response.json()
    return body["total"], [item["key"] for item in body["items"]]


def test_dashboard_stats_counts(api: TestClient) -> None:
    body = api.get("/api/stats").json()
    assert body.pop("triples") == 14149
    assert body == {
        "letters": 4, "measures": 25, "measure_mentions": 25,
        "mentions": {"eu_act": 9, "goal": 2, "instrument": 52, "ministry": 3,
                     "organisation": 40, "post": 22, "product_group": 105, "strategy": 28}}


def test_dashboard_letters_are_the_four_samples_by_date(api: TestClient) -> None:
    letters = api.get("/api/letters").json()
    assert [(x["slug"], x["date"], x["sender"], x["measures"]) for x in letters] == LETTERS


def test_dashboard_letter_detail(api: TestClient) -> None:
    body = api.get("/api/letters/kst-32852-901").json()
    assert (body["kamerstuk"], body["sender"], body["co_senders"]) == ("32852-901", "IenW",
                                                                       ["EZ", "KGG"])
    assert body["mentions"]["instrument"] == 13
    assert [m["key"] for m in body["measure_list"]] == [
        "actie-cc7626e0df92", "dei-plus-ce", "ecomodulatie-textiel", "inzet-espr", "npce",
        "upv-kleding", "upv-maakindustrie", "upv-matrassen", "upv-textiel"]


def test_dashboard_filter_by_ministry(api: TestClient) -> None:
    assert keys(api, ministry="KGG") == (6, KGG_BY_LABEL)


def test_dashboard_filter_by_instrument_sorted_descending(api: TestClient) -> None:
    assert keys(api, instrument="UPV", sort="-label") == (4, UPV[::-1])


@pytest.mark.parametrize(("params", "expected"), [
    # following the Ecodesign requirements for textiel: the government's position on the ESPR
    ({"product_group": "textiel"}, ["ecomodulatie-textiel", "inzet-espr", "upv-textiel"]),
    ({"q": "upv voor m"}, ["upv-maakindustrie", "upv-matrassen"]),
    ({"letter": "kst-32852-901", "instrument": "UPV"}, UPV),
    ({"status": "in-voorbereiding", "letter": "kst-32852-901"},
     ["actie-cc7626e0df92", "inzet-espr", "upv-maakindustrie", "upv-matrassen"]),
    ({"ministry": "IenW", "instrument": "UPV"}, ["upv-matrassen", "upv-textiel"]),
    ({"ministry": "KGG", "instrument": "UPV"}, []),
    ({"ministry": "XYZ"}, []),
    ({"eu_act": "espr"}, ["inzet-espr"]),
    ({"eu_act": "espr", "letter": "kst-32852-902"}, []),
])
def test_dashboard_filters_combine(api: TestClient, params: dict[str, str],
                                   expected: list[str]) -> None:
    assert keys(api, **params) == (len(expected), expected)


def test_dashboard_paging_totals(api: TestClient) -> None:
    total, all_keys = keys(api)
    assert total == 25 and len(all_keys) == 25
    pages = [api.get("/api/measures", params={"page": p, "per_page": 4}).json()
             for p in range(1, 8)]
    assert [len(p["items"]) for p in pages] == [4, 4, 4, 4, 4, 4, 1]
    assert {p["total"] for p in pages} == {25}
    assert [i["key"] for p in pages for i in p["items"]] == all_keys


def test_dashboard_sorting_by_first_date(api: TestClient) -> None:
    items = api.get("/api/measures", params={"per_page": 100, "sort": "first_date"}).json()
    dates = [i["first_date"] for i in items["items"]]
    assert dates == sorted(dates) and dates[0] == "2025-11-14" and dates[-1] == "2026-02-12"


def test_dashboard_measure_detail(api: TestClient) -> None:
    body = api.get("/api/measures/upv-textiel").json()
    assert body["labels"] == ["UPV voor textiel"]
    assert body["status"]["slug"] == "in-uitvoering"
    relations = body["relations"]
    assert [m["notation"] for m in relations["ministries"]] == ["IenW"]
    assert [i["notation"] for i in relations["instruments"]] == ["UPV"]
    assert [p["slug"] for p in relations["product_groups"]] == ["textiel"]
    [evidence] = body["evidence"]
    assert evidence["letter"] == "kst-32852-901"
    assert evidence["quote"].startswith("Ik bereid daarom een wetsvoorstel voor")
    assert (evidence["start"], evidence["end"]) == (2031, 2135)
    assert 0 <= evidence["confidence"] <= 1
    assert body["timeline"] == [{
        "mention": "https://w3id.org/npcegraph/id/letter/kst-32852-901/measure-mention/upv-textiel",
        "letter": "kst-32852-901", "date": "2025-11-14", "status": "in-uitvoering",
        "status_label": "in uitvoering", "ministry_source": "sender"}]


def test_dashboard_measure_amounts(api: TestClient) -> None:
    # "€ 25 miljoen uit het Klimaatfonds" for materials with a low MKI: part of the MKI passage
    # ", waarvan € 10 miljoen in 2026": a part, pointing to its whole
    amounts = api.get("/api/measures/mki-gww").json()["relations"]["amounts"]
    assert [(a["value"], a["currency"], a["letter"]) for a in amounts] == [
        (25000000.0, "EUR", "kst-32852-902"), (10000000.0, "EUR", "kst-32852-902")]
    whole, part = amounts
    assert (part["part_of"], whole["part_of"]) == (whole["iri"], None)


def test_dashboard_concept_lists(api: TestClient) -> None:
    ministries = api.get("/api/ministries").json()
    assert [(m["notation"], m["measures"], m["letters"]) for m in ministries] == [
        ("EZ", 4, 2), ("FIN", 1, 1), ("IenW", 14, 4), ("KGG", 6, 2)]
    goals = api.get("/api/goals").json()
    assert [g["slug"] for g in goals] == ["halvering-primaire-grondstoffen-2030",
                                          "klimaatneutrale-en-circulaire-economie-2050"]
    upv = [i for i in api.get("/api/instruments").json() if i["notation"] == "UPV"]
    assert [(u["measures"], u["slug"]) for u in upv] == [(4, "upv")]
    assert any(p["slug"] == "textiel" for p in api.get("/api/product-groups").json())


@pytest.mark.parametrize(("url", "status"), [
    ("/api/measures/no-such-measure", 404),
    ("/api/letters/kst-0-0", 404),
    ("/api/measures/Not_A_Slug", 422),
    ("/api/measures?per_page=101", 422),
    ("/api/measures?sort=color", 422),
    ("/api/measures?product_group=Bad%20Slug", 422),
])
def test_dashboard_errors_use_the_envelope(api: TestClient, url: str, status: int) -> None:
    response = api.get(url)
    assert response.status_code == status
    assert response.json()["error"]["status"] == status


def test_dashboard_measure_eu_acts(api: TestClient) -> None:
    # "het kabinet volgt de uitwerking van de Europese Ecodesignverordening": its position on it
    body = api.get("/api/measures/inzet-espr").json()
    assert body["labels"] == ["Kabinetsinzet: Ecodesignverordening"]
    assert [(a["slug"], a["notation"]) for a in body["relations"]["eu_acts"]] == [
        ("espr", "32024R1781")]
    assert api.get("/api/measures/upv-textiel").json()["relations"]["eu_acts"] == []
