"""Every failure is a LetterError that names the file and the problem."""

from __future__ import annotations

from pathlib import Path

import pytest

from npcegraph.errors import LetterError
from npcegraph.letters import letter_from_text, read_letter

CASES = [
    ("empty.txt", b"", "empty file"),
    ("blank.txt", b" \n\n \t\n", "empty file"),
    ("latin.txt", b"\x81\x8d\x8f\x90 tekst", "undecodable"),
    ("binary.txt", b"tekst\x00\x01", "binary data"),
    ("corrupt.pdf", b"%PDF-1.4\n1 0 obj <<", "corrupt PDF"),
    ("notpdf.pdf", b"dit is geen pdf", "corrupt PDF"),
    ("corrupt.docx", b"PK\x03\x04 kapot", "corrupt DOCX"),
    ("text.docx", b"platte tekst", "corrupt DOCX"),
    ("broken.xml", b"<stuk><al>tekst</stuk>", "malformed XML"),
    ("empty.html", b"<html><body><nav>menu</nav></body></html>", "no letter text"),
    ("letter.rtf", b"{\\rtf1 tekst}", "unsupported suffix '.rtf'"),
]


@pytest.mark.parametrize(("name", "data", "problem"), CASES)
def test_letters_error_names_file_and_problem(
    tmp_path: Path, name: str, data: bytes, problem: str
) -> None:
    path = tmp_path / name
    path.write_bytes(data)
    with pytest.raises(LetterError) as info:
        read_letter(path)
    assert info.value.path == str(path)
    assert problem in info.value.problem
    assert str(path) in str(info.value)


def test_letters_error_missing_file(tmp_path: Path) -> None:
    with pytest.raises(LetterError, match="file not found") as info:
        read_letter(tmp_path / "weg.txt")
    assert info.value.path == str(tmp_path / "weg.txt")


def test_letters_error_directory(tmp_path: Path) -> None:
    with pytest.raises(LetterError, match="not a file"):
        read_letter(tmp_path)


def test_letters_error_empty_text() -> None:
    with pytest.raises(LetterError, match="empty text") as info:
        letter_from_text("   \n", source="stdin")
    assert info.value.path == "stdin"


def test_letters_error_exit_code_is_bad_input() -> None:
    assert LetterError("x", "y").exit_code == 2
