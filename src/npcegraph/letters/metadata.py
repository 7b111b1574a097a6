"""Metadata of a letter: where it is read from and how it is normalised.

Sources, in order of trust (the builder merges them so):

1. ``markup`` - meta tags / elements of officielebekendmakingen HTML or XML, DOCX core properties.
2. ``site`` - the metadata block of the parliament-data website page dump (``Nummer: 2025D11904,
   datum: 2025-03-20``, ``Onderdeel van kamerstukdossier 32852 -352 <titel>.``, ``Eerste
   ondertekenaar: <naam>, <functie>``, ``Indiener: ...``); see :func:`parse_site_block`.
3. ``header`` - the kamerstuk header of the letter itself (``Vergaderjaar 2024-2025``, ``32 852
   <dossiertitel>``, ``Nr. 352 BRIEF VAN DE ...``, ``VERSLAG VAN EEN SCHRIFTELIJK OVERLEG``,
   ``Vastgesteld <datum>``); see :func:`parse_header`.
4. ``text`` - the body: ``Den Haag, 20 maart 2025``, ``Aan de Voorzitter ...``, the signature at
   the end (``De Minister van ...,`` + name), ``mede namens de minister van ...``.
5. ``footer`` - PDF page footers ``Tweede Kamer, vergaderjaar 2023–2024, 32 813, nr. 1397 5``:
   used only when nothing better gave dossier, number or vergaderjaar, with a warning.

Titles of office are normalised to ``Staatssecretaris van Infrastructuur en Waterstaat``: a
leading article and trailing punctuation dropped, all-caps text re-cased, the first letter
capitalised. Dossier numbers lose their spaces (``32 852`` -> ``32852``); vergaderjaren use a
hyphen (``2023–2024`` -> ``2023-2024``).
"""

from __future__ import annotations

import datetime
import re

MONTHS = {
    "januari": 1, "februari": 2, "maart": 3, "april": 4, "mei": 5, "juni": 6, "juli": 7,
    "augustus": 8, "september": 9, "oktober": 10, "november": 11, "december": 12,
}
_DATE_NL = re.compile(r"\b(\d{1,2})\s+(" + "|".join(MONTHS) + r")\s+(\d{4})\b", re.IGNORECASE)
_DATE_ISO = re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b")

# Dossier titles not always printed in the letter (PDF text without header). Small on purpose:
# only the circular-economy dossiers the project meets; anything found in the letter wins.
KNOWN_DOSSIERS = {
    "32852": "Grondstoffenvoorzieningszekerheid",
    "32813": "Kabinetsaanpak Klimaatbeleid",
}

DOC_TYPES = {
    "brief regering": "brief-regering",
    "verslag van een schriftelijk overleg": "verslag-schriftelijk-overleg",
    "verslag schriftelijk overleg": "verslag-schriftelijk-overleg",
    "antwoord schriftelijke vragen": "antwoord-kamervragen",
    "antwoord op schriftelijke vragen": "antwoord-kamervragen",
}

_SMALL_WORDS = {"van", "voor", "en", "de", "der", "den", "het", "op", "in", "met", "te"}
_ROLE_WORD = (
    r"(?:[Mm]inister(?:-[Pp]resident)?|[Ss]taatssecretaris|"
    r"[Vv]ice-?[Mm]inister-?[Pp]resident)"
)
_NAME_WORD = r"(?:[A-Z][\w'’.-]*|\d+)"
_NAME_CONT = rf"(?:(?:,\s|\sen\s)(?={_NAME_WORD})|\s(?={_NAME_WORD}))"
ROLE_RE = re.compile(
    rf"(?:\b[Dd]e\s+)?(?P<role>{_ROLE_WORD})(?:\s+(?P<prep>van|voor)\s+"
    rf"(?P<name>{_NAME_WORD}(?:{_NAME_CONT}{_NAME_WORD})*))?"
)

# ---------------------------------------------------------------------------------------------
# small helpers


def dossier_key(raw: str) -> str:
    """``"32 852"`` -> ``"32852"``; ``"36 800 X"`` / ``"36800-X"`` -> ``"36800-X"``."""
    raw = raw.strip()
    m = re.fullmatch(r"(\d{2})\s?(\d{3})(?:\s*[- ]\s*([A-Za-z0-9]{1,6}))?", raw)
    if not m:
        return re.sub(r"\s+", "", raw)
    base = m.group(1) + m.group(2)
    return f"{base}-{m.group(3).upper()}" if m.group(3) else base


def year_label(a: str, b: str) -> str:
    """``("2023", "2024")`` -> ``"2023-2024"``."""
    return f"{a}-{b}"


def label_years(label: str) -> tuple[int, int]:
    """The two calendar years of a vergaderjaar label: ``"2023-2024"`` -> ``(2023, 2024)``."""
    first, _, second = label.partition("-")
    return int(first), int(second) if second else int(first) + 1


def parse_date(text: str) -> datetime.date | None:
    """The first Dutch (``20 maart 2025``) or ISO (``2025-03-20``) date in ``text``."""
    found: list[tuple[int, datetime.date]] = []
    m = _DATE_NL.search(text)
    if m:
        day, month, year = int(m.group(1)), MONTHS[m.group(2).lower()], int(m.group(3))
        d = _safe_date(year, month, day)
        if d:
            found.append((m.start(), d))
    m = _DATE_ISO.search(text)
    if m:
        d = _safe_date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
        if d:
            found.append((m.start(), d))
    return min(found)[1] if found else None


def _safe_date(year: int, month: int, day: int) -> datetime.date | None:
    try:
        return datetime.date(year, month, day)
    except ValueError:
        return None


def prinsjesdag(year: int) -> datetime.date:
    """Third Tuesday of September: the first day of the parliamentary year."""
    first = datetime.date(year, 9, 1)
    offset = (1 - first.weekday()) % 7  # Tuesday is weekday 1
    return first + datetime.timedelta(days=offset + 14)


def vergaderjaar_for(date: datetime.date) -> str:
    """The vergaderjaar a date falls in (``2025-10-13`` -> ``"2025-2026"``)."""
    y = date.year
    if date >= prinsjesdag(y):
        return year_label(str(y), str(y + 1))
    return year_label(str(y - 1), str(y))


def normalise_role(raw: str) -> str | None:
    """``"De staatssecretaris van X,"`` -> ``"Staatssecretaris van X"``.

    Footnote markers (digits glued to the last word) and placeholders are dropped; all-caps
    titles are re-cased word by word, keeping ``van``/``voor``/``en`` lowercase.
    """
    text = re.sub(r"\ue000\d+\ue001", "", raw)
    text = re.sub(r"\s+", " ", text).strip().strip(",.;: ")
    text = re.sub(r"(?<=[^\W\d])\d{1,2}$", "", text)  # "Zaken1" -> "Zaken"
    text = re.sub(r"^(?:de|het)\s+", "", text, flags=re.IGNORECASE)
    if not text:
        return None
    if text.isupper():
        words = []
        for i, word in enumerate(text.lower().split(" ")):
            if i and word in _SMALL_WORDS:
                words.append(word)
            else:
                words.append("-".join(p[:1].upper() + p[1:] for p in word.split("-")))
        text = " ".join(words)
    return text[0].upper() + text[1:]


def roles_in(text: str, limit: int = 6) -> list[str]:
    """Titles of office listed at the start of ``text``: ``de minister van A, de minister van B
    en de minister voor C ...`` -> ``["Minister van A", "Minister van B", "Minister voor C"]``.
    """
    roles: list[str] = []
    pos = 0
    while len(roles) < limit:
        m = ROLE_RE.match(text, pos)
        if not m or not m.group("name"):
            break
        name = re.sub(r"\s+en$", "", m.group("name"))
        role = normalise_role(f"{m.group('role')} {m.group('prep')} {name}")
        if role:
            roles.append(role)
        rest = re.match(r"\s*(?:\ue000\d+\ue001)*\s*(?:,\s*|\s+en\s+)(?=(?:[Dd]e\s+)?" + _ROLE_WORD
                        + ")", text[m.end():])
        if not rest:
            break
        pos = m.end() + rest.end()
    return roles


# ---------------------------------------------------------------------------------------------
# the website's metadata block

_NAV = re.compile(r"^\s*(?:\[[^\]]*\]\s*)+$")
_PREVIEW = re.compile(r"^\s*Preview document\b")
_SITE_NUMMER = re.compile(r"^\s*Nummer:\s*(\d{4}D\d{3,7})(?:,\s*datum:\s*(\d{4}-\d{2}-\d{2}))?")
_SITE_LINE = re.compile(
    r"^\s*(?:Nummer:|Directe link|Gerelateerde personen|Bijlagen:?|Onderdeel van|Preview document|"
    r"-\s|Indiener:|Voortouwcommissie:|Eerste ondertekenaar:|Medeindiener:|Mede-indiener:)"
)
_SITE_DOSSIER = re.compile(
    r"Onderdeel van kamerstukdossier\s+(\d+(?:-[A-Za-z0-9]+)?)\s*-\s*(\d+)\s*(.*?)\.?\s*$"
)
_SITE_PERSON = re.compile(
    r"(Eerste ondertekenaar|Indiener|Medeindiener|Mede-indiener):\s*"
    r"([^,]+?),\s*([^(]+?)\s*(?:\(.*)?$"
)


def is_nav(line: str) -> bool:
    """A navigation bar line of the website: ``[overzicht] [activiteiten] ...``."""
    return bool(_NAV.match(line))


def is_preview(line: str) -> bool:
    """The site's ``Preview document (origineel)`` line."""
    return bool(_PREVIEW.match(line))


def parse_site_block(lines: list[str]) -> tuple[dict[str, object], int, int]:
    """Find the site metadata block; return its fields and the ``[start, end)`` line range.

    The block starts at the first non-navigation line (title, dossier title, document type
    above ``Nummer:``) and ends after ``Preview document`` or at the first line that is not site
    furniture. ``(({}, 0, 0))`` when the text has no such block.
    """
    head = min(len(lines), 80)
    i_num = next((i for i in range(head) if _SITE_NUMMER.match(lines[i])), None)
    if i_num is None:
        return {}, 0, 0
    fields: dict[str, object] = {}
    m = _SITE_NUMMER.match(lines[i_num])
    assert m is not None
    fields["document_number"] = m.group(1)
    if m.group(2):
        fields["date"] = parse_date(m.group(2))
    start = 0
    above = [ln.strip() for ln in lines[start:i_num] if ln.strip() and not is_nav(ln)]
    end = i_num + 1
    while end < len(lines):
        line = lines[end]
        if line.strip() and not _SITE_LINE.match(line):
            break
        end += 1
        if is_preview(line):
            break
    co: list[str] = []
    for line in lines[i_num:end]:
        if (dm := _SITE_DOSSIER.search(line)) and "dossier" not in fields:  # first dossier wins
            fields["dossier"] = dossier_key(dm.group(1))
            fields["number"] = dm.group(2)
            if dm.group(3):
                fields["dossier_title"] = dm.group(3).strip()
        if pm := _SITE_PERSON.search(line):
            who, name, role = pm.group(1), pm.group(2).strip(), normalise_role(pm.group(3))
            if who in ("Eerste ondertekenaar", "Indiener"):
                fields.setdefault("signer_name", name)
                if role:
                    fields.setdefault("sender", role)
            elif role:
                co.append(role)
    if co:
        fields["co_senders"] = tuple(dict.fromkeys(co))
    _site_titles(above, fields)
    return fields, start, end


def _site_titles(above: list[str], fields: dict[str, object]) -> None:
    """Title lines above ``Nummer:``: ``[title], [dossier title], document type``."""
    rest = list(above)
    if rest and rest[-1].lower() in DOC_TYPES:
        fields["kind"] = DOC_TYPES[rest.pop().lower()]
    dossier_title = fields.get("dossier_title")
    rest = [t for t in rest if t != dossier_title]
    if rest:
        fields["title"] = rest[0]


# A metadata table of a saved web page, one ``Label | value`` row a line (how tables are read):
# ``Nummer | 2027D47312``, ``Datum | 18 november 2027``, ``Kamerstuk | Kamerstuk 32852-964``.
_TABLE_ROW = re.compile(r"^\s*(Nummer|Datum|Kamerstuk|Indiener|Eerste ondertekenaar|Medeindiener|"
                        r"Mede-indiener)\s*\|\s*(.+?)\s*$", re.IGNORECASE)
_TABLE_KAMERSTUK = re.compile(r"(\d{2}\s?\d{3})\s*-\s*(\d+)")
_DOCUMENT_NUMBER = re.compile(r"^\d{4}[DZ]\d{3,7}$")


def parse_table_rows(lines: list[str]) -> dict[str, object]:
    """Fields of a page's metadata table among ``lines``: document number, date, dossier and
    number, signer and sender, co-senders; ``{}`` when there is no such table."""
    fields: dict[str, object] = {}
    co: list[str] = []
    for line in lines:
        if not (m := _TABLE_ROW.match(line)):
            continue
        label, value = m.group(1).lower(), m.group(2)
        if label == "nummer" and _DOCUMENT_NUMBER.match(value):
            fields.setdefault("document_number", value)
        elif label == "datum" and (date := parse_date(value)):
            fields.setdefault("date", date)
        elif label == "kamerstuk" and (km := _TABLE_KAMERSTUK.search(value)):
            fields.setdefault("dossier", dossier_key(km.group(1)))
            fields.setdefault("number", km.group(2))
        elif label in ("indiener", "eerste ondertekenaar"):
            name, _, role = value.partition(",")
            if role.strip():
                fields.setdefault("signer_name", name.strip())
                fields.setdefault("sender", normalise_role(role))
        elif role := normalise_role(value):
            co.append(role)
    if co:
        fields["co_senders"] = tuple(dict.fromkeys(co))
    return fields


# ---------------------------------------------------------------------------------------------
# the kamerstuk header

_H_KAMER = re.compile(r"^(?:Tweede|Eerste) Kamer der Staten-Generaal(?:\s+\d+)?$")
_H_JAAR = re.compile(r"^Vergaderjaar\s+(\d{4})\s*[-–/]\s*(\d{2,4})$", re.IGNORECASE)
_H_DOSSIER = re.compile(r"^(\d{2}\s?\d{3}(?:[- ](?:[A-Z]{1,5}|[IVXL]+))?)\s+([^\d\s].*)$")
_H_NR = re.compile(r"^Nr\.\s*(\d+)\s*(.*)$")
_H_DOCTITLE = re.compile(r"^(BRIEF|VERSLAG|ANTWOORD|LIJST|NOTA|MEMORIE|MOTIE)\b|^Brief van\b")
_H_VASTGESTELD = re.compile(r"^Vastgesteld\s+(.*\d{4})\s*$")


def doc_title_fields(title: str) -> dict[str, object]:
    """Kind and sender from a document title such as ``BRIEF VAN DE MINISTER VAN ...``."""
    fields: dict[str, object] = {}
    low = title.lower()
    if "schriftelijk overleg" in low:
        fields["kind"] = "verslag-schriftelijk-overleg"
    elif low.startswith("antwoord"):
        fields["kind"] = "antwoord-kamervragen"
    elif low.startswith("brief"):
        fields["kind"] = "brief-regering"
        m = re.match(r"brief van (?:de |het )?(.+)$", title, re.IGNORECASE)
        if m and re.match(r"(minister|staatssecretaris)", m.group(1), re.IGNORECASE):
            fields["sender"] = normalise_role(m.group(1))
    return fields


HEADER_REACH = 60  # non-blank lines before the kamerstuk header (page furniture, a metadata table)


def header_start(lines: list[str]) -> int:
    """Where the kamerstuk header begins: its ``Tweede Kamer der Staten-Generaal`` or
    ``Vergaderjaar`` line, or a dossier line followed by ``Nr.``, among the first
    ``HEADER_REACH`` non-blank lines (a page dump puts menus or a metadata table above it);
    0 when there is none, so that a header at the top is read as before."""
    seen = 0
    for i, raw in enumerate(lines):
        line = raw.strip()
        if not line:
            continue
        seen += 1
        if seen > HEADER_REACH:
            break
        nxt = next((ln.strip() for ln in lines[i + 1:i + 4] if ln.strip()), "")
        if _H_KAMER.match(line) or _H_JAAR.match(line) or (
                _H_DOSSIER.match(line) and _H_NR.match(nxt)):
            return i
    return 0


def parse_header(lines: list[str]) -> tuple[dict[str, object], set[int]]:
    """Fields of the kamerstuk header, and the indices of header lines.

    Only a run of recognised header lines is taken (blank lines allowed), starting where
    :func:`header_start` finds the header, so a body sentence is never mistaken for one.
    """
    fields: dict[str, object] = {}
    used: set[int] = set()
    seen = 0
    in_header = False
    i = header_start(lines)
    while i < len(lines) and seen < 12:
        line = lines[i].strip()
        i += 1
        if not line:
            continue
        seen += 1
        nxt = next((ln.strip() for ln in lines[i:i + 3] if ln.strip()), "")
        if _H_KAMER.match(line):
            in_header = True
        elif m := _H_JAAR.match(line):
            b = m.group(2) if len(m.group(2)) == 4 else m.group(1)[:2] + m.group(2)
            fields["year_label"] = year_label(m.group(1), b)
            in_header = True
        elif (m := _H_DOSSIER.match(line)) and (in_header or _H_NR.match(nxt)):
            fields["dossier"] = dossier_key(m.group(1))
            fields["dossier_title"] = m.group(2).strip()
            in_header = True
        elif m := _H_NR.match(line):
            fields["number"] = m.group(1)
            title = m.group(2).strip()
            if not title and _H_DOCTITLE.match(nxt):
                title = nxt
                used.add(_index_of(lines, i, nxt))
            fields.update({k: v for k, v in doc_title_fields(title).items() if v})
            in_header = True
        elif _H_DOCTITLE.match(line) and (in_header or line.isupper()):
            for k, v in doc_title_fields(line).items():
                fields.setdefault(k, v)
            in_header = True
        elif (m := _H_VASTGESTELD.match(line)) and in_header:
            if d := parse_date(m.group(1)):
                fields["date"] = d
        else:
            break
        used.add(i - 1)
    return fields, used


def _index_of(lines: list[str], start: int, text: str) -> int:
    for j in range(start, min(len(lines), start + 3)):
        if lines[j].strip() == text:
            return j
    return start


# ---------------------------------------------------------------------------------------------
# page footers

FOOTER = re.compile(
    r"^(?P<kamer>Tweede|Eerste) Kamer, vergaderjaar (?P<a>\d{4})\s*[–-]\s*(?P<b>\d{4}), "
    r"(?P<dossier>\d{2} \d{3}(?:[- ][A-Z0-9]{1,5})?)(?: en \d{2} \d{3}(?:[- ][A-Z0-9]{1,5})?)*, "
    r"nr\. (?P<nr>\d+)\s+(?P<page>\d{1,3})$"
)


def footer_fields(line: str) -> dict[str, object] | None:
    """Dossier, number and vergaderjaar from a page footer line, or ``None``."""
    m = FOOTER.match(line.strip())
    if not m:
        return None
    return {
        "dossier": dossier_key(m.group("dossier")),
        "number": m.group("nr"),
        "year_label": year_label(m.group("a"), m.group("b")),
    }
