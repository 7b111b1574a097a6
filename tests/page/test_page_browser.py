"""The query page in a real browser: headless Chromium (Selenium, Debian's chromedriver) against
a real server; pick a canned query, run it with Ctrl+Enter, read the results table."""

from __future__ import annotations

from pathlib import Path

import pytest
from selenium.webdriver import Chrome
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.ui import Select, WebDriverWait
from servers import Server

from npcegraph.queries import canned_queries

WAIT = 15  # seconds


def open_page(browser: Chrome, server: Server) -> None:
    browser.get(server.url + "/")
    WebDriverWait(browser, WAIT).until(
        lambda b: "js" in b.find_element(By.TAG_NAME, "html").get_attribute("class"))


def run_with_ctrl_enter(browser: Chrome) -> None:
    browser.find_element(By.ID, "query").send_keys(Keys.CONTROL, Keys.ENTER)
    WebDriverWait(browser, WAIT).until(
        lambda b: b.find_element(By.ID, "status").text.endswith(" ms"))


def test_page_browser_runs_a_canned_query_into_a_table(page_server: Server, browser: Chrome,
                                                       tmp_path: Path) -> None:
    open_page(browser, page_server)
    Select(browser.find_element(By.ID, "examples")).select_by_visible_text("Letters")
    letters = canned_queries()["letters"]
    assert browser.find_element(By.ID, "query").get_property("value") == letters.text({})
    assert browser.find_element(By.ID, "example-description").text == letters.description
    run_with_ctrl_enter(browser)

    table = browser.find_element(By.CSS_SELECTOR, "#table-wrap table")
    headers = [th.text for th in table.find_elements(By.CSS_SELECTOR, "thead th")]
    rows = table.find_elements(By.CSS_SELECTOR, "tbody tr")
    assert headers == ["letter", "date", "kind", "sender", "measures"]
    assert len(rows) == 4
    assert rows[0].find_elements(By.TAG_NAME, "td")[0].text == "kst-32852-901"
    assert browser.find_element(By.ID, "status").text.startswith("4 results · ")
    formats = [a.text for a in browser.find_elements(By.CSS_SELECTOR, "#downloads a")]
    assert formats == ["CSV", "TSV", "JSON", "XML"]
    assert browser.find_element(By.CSS_SELECTOR, "#highlight .tok-keyword").text == "PREFIX"

    screenshot = tmp_path / "query-page.png"
    assert browser.save_screenshot(str(screenshot))
    assert screenshot.read_bytes().startswith(b"\x89PNG")
    print(f"screenshot: {screenshot}")


def test_page_browser_shows_the_error_envelope(page_server: Server, browser: Chrome) -> None:
    open_page(browser, page_server)
    editor = browser.find_element(By.ID, "query")
    editor.clear()
    editor.send_keys("SELECT ?x WHERE { ?x ")
    run_with_ctrl_enter(browser)
    error = browser.find_element(By.ID, "error")
    assert error.is_displayed()
    assert error.text.startswith("400 Bad Request: ")
    assert browser.find_elements(By.CSS_SELECTOR, "#table-wrap table") == []


@pytest.mark.parametrize(("selector", "text"), [
    ("#highlight .tok-keyword", "CONSTRUCT"), ("#highlight .tok-variable", "?s"),
    ("#highlight .tok-iri", "<https://w3id.org/npcegraph/def/>"),
    ("#highlight .tok-pname", "npce:Letter"), ("#highlight .tok-literal", '"x"'),
    ("#highlight .tok-comment", "# letters"),
])
def test_page_browser_highlights_sparql(page_server: Server, browser: Chrome, selector: str,
                                        text: str) -> None:
    open_page(browser, page_server)
    editor = browser.find_element(By.ID, "query")
    editor.clear()
    editor.send_keys('CONSTRUCT { ?s a npce:Letter } # letters\n'
                     'WHERE { ?s <https://w3id.org/npcegraph/def/> "x" }')
    assert browser.find_element(By.CSS_SELECTOR, selector).text == text


def test_page_browser_shows_construct_as_turtle(page_server: Server, browser: Chrome) -> None:
    open_page(browser, page_server)
    editor = browser.find_element(By.ID, "query")
    editor.clear()
    editor.send_keys("PREFIX npce: <https://w3id.org/npcegraph/def/>\n"
                     "CONSTRUCT { ?l a npce:Letter } WHERE { ?l a npce:Letter }")
    run_with_ctrl_enter(browser)
    turtle = browser.find_element(By.ID, "graph-text").text
    assert turtle.count("<https://w3id.org/npcegraph/def/Letter>") == 4
    formats = [a.text for a in browser.find_elements(By.CSS_SELECTOR, "#downloads a")]
    assert formats == ["Turtle", "N-Triples", "JSON-LD", "RDF/XML"]
