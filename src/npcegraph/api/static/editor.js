// npcegraph query page: turns the plain form into a small SPARQL editor.
// Highlighting overlay, canned queries as examples, Ctrl+Enter, results table, errors, timing.
// No libraries; everything the page needs is in this file, editor.css and index.html.
"use strict";

const SHOWN_ROWS = 1000;  // rows drawn in the table; the downloads hold all of them
const XSD = "http://www.w3.org/2001/XMLSchema#";
const ACCEPT = "application/sparql-results+json, text/turtle;q=0.9";
const DOWNLOADS = {
  solutions: [["csv", "CSV"], ["tsv", "TSV"], ["json", "JSON"], ["xml", "XML"]],
  graph: [["turtle", "Turtle"], ["ntriples", "N-Triples"], ["jsonld", "JSON-LD"],
          ["rdfxml", "RDF/XML"]],
};
const KEYWORDS = new Set((
  "BASE PREFIX SELECT CONSTRUCT DESCRIBE ASK WHERE FROM NAMED GRAPH SERVICE SILENT OPTIONAL " +
  "UNION MINUS FILTER BIND VALUES AS DISTINCT REDUCED ORDER BY ASC DESC LIMIT OFFSET GROUP " +
  "HAVING NOT IN EXISTS UNDEF A TRUE FALSE COUNT SUM MIN MAX AVG SAMPLE GROUP_CONCAT SEPARATOR " +
  "STR LANG LANGMATCHES DATATYPE BOUND IRI URI BNODE RAND ABS CEIL FLOOR ROUND CONCAT STRLEN " +
  "UCASE LCASE ENCODE_FOR_URI CONTAINS STRSTARTS STRENDS STRBEFORE STRAFTER YEAR MONTH DAY " +
  "HOURS MINUTES SECONDS TIMEZONE TZ NOW UUID STRUUID MD5 SHA1 SHA256 SHA384 SHA512 COALESCE " +
  "IF STRLANG STRDT SAMETERM ISIRI ISURI ISBLANK ISLITERAL ISNUMERIC REGEX SUBSTR REPLACE " +
  "INSERT DELETE DATA WITH USING DEFAULT ALL LOAD CLEAR DROP CREATE ADD MOVE COPY TO INTO"
).split(" "));
// One alternative per token class, tried in this order at each position.
const TOKEN = new RegExp([
  /(#[^\n]*)/,                                                   // 1 comment
  /(<[^<>"{}|^`\\\s]*>)/,                                        // 2 IRI
  /("""[\s\S]*?(?:"""|$)|'''[\s\S]*?(?:'''|$)|"(?:[^"\\\n]|\\.)*"?|'(?:[^'\\\n]|\\.)*'?)/, // 3
  /(@[A-Za-z]+(?:-[A-Za-z0-9]+)*)/,                              // 4 language tag
  /([?$][\w\u00B7\u00C0-\uFFFF]+)/,                             // 5 variable
  /((?:[A-Za-z\u00C0-\uFFFF][\w.-]*)?:(?:[\w%-]|\.(?=[\w%-]))*)/,  // 6 prefixed name
  /(\b\d+(?:\.\d+)?(?:[eE][+-]?\d+)?\b)/,                         // 7 number
  /([A-Za-z_]\w*)/,                                              // 8 word (keyword or not)
].map((r) => r.source).join("|"), "g");
const CLASSES = [null, "comment", "iri", "literal", "literal", "variable", "pname", "number"];

const escapeHtml = (text) => text.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);

/** The SPARQL text as HTML with each token in a span of its class. */
function highlight(text) {
  let html = "";
  let last = 0;
  for (const match of text.matchAll(TOKEN)) {
    html += escapeHtml(text.slice(last, match.index));
    const group = match.findIndex((g, i) => i > 0 && g !== undefined);
    let kind = CLASSES[group];
    if (group === 8) kind = KEYWORDS.has(match[0].toUpperCase()) ? "keyword" : null;
    const token = escapeHtml(match[0]);
    html += kind ? `<span class="tok-${kind}">${token}</span>` : token;
    last = match.index + match[0].length;
  }
  return html + escapeHtml(text.slice(last)) + "\n";
}

/** A cell's text for one RDF term of SPARQL JSON results. */
function termCell(term) {
  const td = document.createElement("td");
  if (!term) return td;
  if (term.type === "uri") {
    td.className = "iri";
    td.textContent = term.value;
  } else if (term.type === "bnode") {
    td.textContent = "_:" + term.value;
  } else {
    td.textContent = term.value;
    const note = term["xml:lang"] ? ["lang", "@" + term["xml:lang"]]
      : term.datatype ? ["dt", " ^^" + term.datatype.replace(XSD, "xsd:")] : null;
    if (note) {
      const small = document.createElement("span");
      [small.className, small.textContent] = note;
      td.append(" ", small);
    }
  }
  return td;
}

function resultsTable(data) {
  const table = document.createElement("table");
  const head = table.createTHead().insertRow();
  for (const name of data.head.vars) {
    const th = document.createElement("th");
    th.textContent = name;
    head.append(th);
  }
  const body = table.createTBody();
  for (const binding of data.results.bindings.slice(0, SHOWN_ROWS)) {
    const row = body.insertRow();
    for (const name of data.head.vars) row.append(termCell(binding[name]));
  }
  return table;
}

function errorText(status, body) {
  try {
    const error = JSON.parse(body).error;
    return `${error.status} ${error.title}: ${error.detail}`;
  } catch (_) {
    return body.trim() || `HTTP ${status}`;
  }
}

function setUp() {
  document.documentElement.classList.add("js");
  const form = document.getElementById("query-form");
  const endpoint = form.getAttribute("action");
  const textarea = document.getElementById("query");
  const overlay = document.querySelector("#highlight code");
  const examples = document.getElementById("examples");
  const description = document.getElementById("example-description");
  const status = document.getElementById("status");
  const runButton = document.getElementById("run");
  const errorBox = document.getElementById("error");
  const tableWrap = document.getElementById("table-wrap");
  const graphText = document.getElementById("graph-text");
  const downloads = document.getElementById("downloads");
  const canned = JSON.parse(document.getElementById("canned").textContent);

  const refresh = () => {  // the textarea grows with its text, so both wrap alike
    overlay.innerHTML = highlight(textarea.value);
    textarea.style.height = "auto";
    textarea.style.height = `${textarea.scrollHeight + 2}px`;
  };
  textarea.addEventListener("input", refresh);
  refresh();

  for (const query of canned) examples.add(new Option(query.title, query.name));
  examples.addEventListener("change", () => {
    const query = canned.find((q) => q.name === examples.value);
    description.textContent = query ? query.description : "";
    if (!query) return;
    textarea.value = query.sparql;
    refresh();
    textarea.focus();
  });

  const clear = () => {
    errorBox.hidden = true;
    graphText.hidden = true;
    tableWrap.replaceChildren();
    downloads.replaceChildren();
  };
  const offerDownloads = (kind, query) => {
    downloads.append("Download: ");
    for (const [format, label] of DOWNLOADS[kind]) {
      const link = document.createElement("a");
      link.href = `${endpoint}?${new URLSearchParams({ query, format })}`;
      link.textContent = label;
      link.download = `results.${format}`;
      downloads.append(link);
    }
  };
  const show = (contentType, body, query) => {
    if (contentType.startsWith("application/sparql-results+json")) {
      const data = JSON.parse(body);
      if ("boolean" in data) {
        tableWrap.textContent = `ASK: ${data.boolean}`;
        return null;
      }
      tableWrap.append(resultsTable(data));
      offerDownloads("solutions", query);
      return data.results.bindings.length;
    }
    graphText.textContent = body;
    graphText.hidden = false;
    offerDownloads("graph", query);
    return null;
  };

  async function run() {
    const query = textarea.value;
    clear();
    runButton.disabled = true;
    status.textContent = "running…";
    const started = performance.now();
    try {
      const response = await fetch(endpoint, {
        method: "POST",
        headers: { Accept: ACCEPT, "Content-Type": "application/x-www-form-urlencoded" },
        body: new URLSearchParams({ query }),
      });
      const body = await response.text();
      const ms = Math.round(performance.now() - started);
      if (!response.ok) {
        errorBox.textContent = errorText(response.status, body);
        errorBox.hidden = false;
        status.textContent = `failed after ${ms} ms`;
        return;
      }
      const rows = show(response.headers.get("content-type") || "", body, query);
      const header = response.headers.get("x-result-rows");
      const count = header !== null ? Number(header) : rows;
      const shown = count > SHOWN_ROWS ? ` (first ${SHOWN_ROWS} shown)` : "";
      status.textContent = (count === null ? "" : `${count} results${shown} · `) + `${ms} ms`;
    } catch (err) {
      errorBox.textContent = `the server could not be reached: ${err.message}`;
      errorBox.hidden = false;
      status.textContent = "";
    } finally {
      runButton.disabled = false;
    }
  }

  form.addEventListener("submit", (event) => {
    event.preventDefault();
    run();
  });
  form.addEventListener("keydown", (event) => {
    if (event.key === "Enter" && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      run();
    }
  });
}

document.addEventListener("DOMContentLoaded", setUp);
