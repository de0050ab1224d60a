"""The boundary every Cypher query from a user crosses: it reads the graph and nothing else.

A keyword regex cannot be that boundary: LadybugDB's lexer does not end a comment at ``**/`` and a string
may hide a clause from a naive scan. So the statement is first cut into tokens exactly as the engine's
lexer does (comments, strings with their escapes, back-quoted names, whitespace; Kuzu's ``Cypher.g4``
for LadybugDB, Neo4j's ``Cypher25Lexer.g4`` for Neo4j), and anything the lexer would not accept cleanly
(an unterminated comment or string, an unknown escape) is refused rather than guessed at. Then, on the
tokens:

* one statement only;
* no clause that leaves the graph, whatever the mode: ``COPY``, ``LOAD`` (files, extensions, ``LOAD
  CSV``), ``INSTALL``/``UNINSTALL``/``UPDATE`` (extensions), ``ATTACH``/``DETACH`` a database, ``USE``,
  ``IMPORT``/``EXPORT DATABASE``, transactions and ``CHECKPOINT``, settings (``CALL name = value``);
* updating clauses (``CREATE``, ``MERGE``, ``SET``, ``DELETE``, ``REMOVE``, ``DROP``, ``ALTER``...) only
  with ``write=True`` (``--write``);
* every function is one of an allow-list of the engine's pure built-ins, and ``CALL`` only names an
  allow-listed catalogue procedure (``show_tables()``, ``table_info('Firm')``...): no table function can
  read a file (``READ_CSV``, ``READ_PARQUET``, ``READ_NPY``: the last also crashes the engine).

The clause words (``COPY``, ``SET``...) are not reserved in Cypher: a variable may be called ``copy``.
Such a word is refused wherever it stands on its own (not after ``.``, ``:`` or ``$``, not as a map key):
back-quote the name (```copy```) to use it. Refusing too much is the safe side of that line.

The embedded store adds a second wall: user queries run in a worker process that cannot open files
outside the build or reach the network (graph/query_worker.py).
"""
from __future__ import annotations

import unicodedata
from dataclasses import dataclass

from ..console import PolicygraphError

LADYBUG = "ladybug"
NEO4J = "neo4j"

SECURITY = "see the README's Security model"


class QueryRefused(PolicygraphError):
    """A query that would leave the graph (or write without --write), refused before it reaches the engine."""


# ------------------------------------------------------------------------------------------------------
# Tokens, exactly as the engines' lexers cut them
# ------------------------------------------------------------------------------------------------------

# Kuzu's Cypher.g4 WHITESPACE rule (LadybugDB is a Kuzu fork) and Neo4j's SPACE rule
_SPACES = {
    LADYBUG: frozenset(" \t\n\x0b\x0c\r\x1c\x1d\x1e\x1f\u1680\u180e\u2000\u2001\u2002\u2003\u2004\u2005\u2006"
                       "\u2008\u2009\u200a\u2028\u2029\u205f\u3000\u00a0\u2007\u202f"),
    NEO4J: frozenset("\t\n\x0b\x0c\r\x1c\x1d\x1e\x1f \x85\xa0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006"
                     "\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000"),
}
# dashes and arrow heads both grammars accept in relationship patterns (punctuation for us)
_PATTERN_PUNCT = frozenset("\u00ad\u2010\u2011\u2012\u2013\u2014\u2015\u2212\ufe58\ufe63\uff0d"
                           "\u27e8\u3008\ufe64\uff1c\u27e9\u3009\ufe65\uff1e")
_ASCII_PUNCT = frozenset("()[]{},.:;=<>+-*/%^|&!~?@#")
# Kuzu's string escapes: \\ \' \" \b \f \n \r \t \xHH \uHHHH \UHHHHHHHH
_KUZU_ESCAPES = frozenset("\\'\"bBfFnNrRtT")
_HEX = frozenset("0123456789abcdefABCDEF")


@dataclass(frozen=True)
class Token:
    kind: str  # "name" (bare word), "quoted" (`back-quoted` name), "string", "number", "param", "punct"
    text: str  # as written
    start: int

    @property
    def word(self) -> str:
        """A bare word upper-cased (keywords are case-insensitive); '' for anything else."""
        return self.text.upper() if self.kind == "name" else ""

    @property
    def name(self) -> str:
        """The name a bare or back-quoted word stands for."""
        if self.kind == "quoted":
            return self.text[1:-1].replace("``", "`")
        return self.text


def _refuse(text: str, at: int, what: str) -> QueryRefused:
    line = text.count("\n", 0, at) + 1
    return QueryRefused(f"cannot check this query: {what} at line {line}, character {at + 1} (policygraph "
                        "only runs queries it can read exactly as the engine will)")


def _name_start(ch: str) -> bool:
    return ch.isidentifier() or unicodedata.category(ch) == "Pc"


def _name_part(ch: str) -> bool:
    return ("a" + ch).isidentifier() or unicodedata.category(ch) in ("Pc", "Sc")


def tokenize(text: str, dialect: str = LADYBUG) -> list[Token]:
    """The statement's tokens without whitespace and comments; QueryRefused if the engine's lexer would not
    read it cleanly (then what the engine does with it cannot be known here)."""
    if dialect not in _SPACES:
        raise ValueError(f"unknown Cypher dialect {dialect!r}")
    spaces = _SPACES[dialect]
    tokens: list[Token] = []
    i, n = 0, len(text)
    while i < n:
        ch = text[i]
        nxt = text[i + 1] if i + 1 < n else ""
        if ch in spaces:
            i += 1
        elif ch == "/" and nxt == "*":
            i = _block_comment(text, i, dialect)
        elif ch == "/" and nxt == "/":
            i = _line_comment(text, i, dialect)
        elif ch in "'\"":
            j = _string(text, i, dialect)
            tokens.append(Token("string", text[i:j], i))
            i = j
        elif ch == "`":
            j = _quoted_name(text, i, dialect)
            tokens.append(Token("quoted", text[i:j], i))
            i = j
        elif ch == "$":
            j = i + 1
            if j < n and text[j] == "`":
                j = _quoted_name(text, j, dialect)
            else:
                while j < n and (_name_part(text[j]) if dialect == LADYBUG else _ascii_part(text[j])):
                    j += 1
            if j == i + 1:
                raise _refuse(text, i, "a '$' that starts no parameter name")
            tokens.append(Token("param", text[i:j], i))
            i = j
        elif ch.isdigit() or (ch == "." and nxt.isdigit() and not (tokens and tokens[-1].text == ".")):
            j = _kuzu_number(text, i) if dialect == LADYBUG else _neo4j_number(text, i)
            tokens.append(Token("number", text[i:j], i))
            i = j
        elif dialect == NEO4J and ch in "sS" and nxt in "'\"" and not _glued(text, i):
            raise _refuse(text, i, "an interpolated string (s'...')")
        elif (_name_start(ch) if dialect == LADYBUG else _ascii_start(ch)):
            j = i + 1
            while j < n and (_name_part(text[j]) if dialect == LADYBUG else _ascii_part(text[j])):
                j += 1
            tokens.append(Token("name", text[i:j], i))
            i = j
        elif ch in _ASCII_PUNCT or ch in _PATTERN_PUNCT:
            tokens.append(Token("punct", ch, i))
            i += 1
        else:
            raise _refuse(text, i, f"an unexpected character {ch!r}")
    return tokens


def _glued(text: str, i: int) -> bool:
    """Whether text[i] continues a name (then an `s` before a quote is not a string prefix)."""
    return i > 0 and _ascii_part(text[i - 1])


def _ascii_start(ch: str) -> bool:
    # Neo4j names outside back-quotes: ASCII letters and '_' here (anything else: back-quote it), so that
    # no difference between Neo4j's Unicode tables and Python's can split a word differently
    return ch == "_" or ("a" <= ch <= "z") or ("A" <= ch <= "Z")


def _ascii_part(ch: str) -> bool:
    return _ascii_start(ch) or ch.isascii() and ch.isdigit()


def _block_comment(text: str, i: int, dialect: str) -> int:
    n = len(text)
    j = i + 2
    if dialect == NEO4J:  # '/*' .*? '*/': the first */ ends it
        end = text.find("*/", j)
        if end < 0:
            raise _refuse(text, i, "an unterminated /* comment")
        return end + 2
    # Kuzu: '/*' ( ~[*] | '*' ~[/] )* '*/' -- a '*' followed by anything but '/' is consumed with that
    # character, so '/* **/' does NOT end the comment (the second '*' was eaten by the first)
    while j < n:
        c = text[j]
        if c != "*":
            j += 1
        elif j + 1 < n and text[j + 1] == "/":
            return j + 2
        elif j + 1 < n:
            j += 2
        else:
            break
    raise _refuse(text, i, "an unterminated /* comment")


def _line_comment(text: str, i: int, dialect: str) -> int:
    n = len(text)
    j = i + 2
    while j < n and text[j] not in "\r\n":
        j += 1
    if dialect == LADYBUG and j < n and text[j] == "\r" and not text.startswith("\r\n", j):
        # Kuzu: '//' ~[\r\n]* '\r'? ('\n' | EOF) -- a lone carriage return is no comment end
        raise _refuse(text, i, "a // comment ended by a lone carriage return")
    return j


def _string(text: str, i: int, dialect: str) -> int:
    quote, n = text[i], len(text)
    j = i + 1
    while j < n:
        c = text[j]
        if c == quote:
            return j + 1
        if c != "\\":
            j += 1
            continue
        if j + 1 >= n:
            break
        e = text[j + 1]
        if dialect == NEO4J:  # '\\' . : any character is escaped
            j += 2
        elif e in _KUZU_ESCAPES:
            j += 2
        elif e in "xX" and all(c in _HEX for c in text[j + 2:j + 4]) and len(text[j + 2:j + 4]) == 2:
            j += 4
        elif e in "uU" and all(c in _HEX for c in text[j + 2:j + 6]) and len(text[j + 2:j + 6]) == 4:
            j += 10 if len(text[j + 2:j + 10]) == 8 and all(c in _HEX for c in text[j + 2:j + 10]) else 6
        else:
            raise _refuse(text, j, f"an escape the engine does not accept ({text[j:j + 2]!r}) in a string")
    raise _refuse(text, i, "an unterminated string")


def _quoted_name(text: str, i: int, dialect: str) -> int:
    n = len(text)
    j = i + 1
    while True:  # `...` with `` for a back-quote, in both grammars
        end = text.find("`", j)
        if end < 0:
            raise _refuse(text, i, "an unterminated `name`")
        if end + 1 < n and text[end + 1] == "`":
            j = end + 2
            continue
        return end + 1


def _kuzu_number(text: str, i: int) -> int:
    """Kuzu: digits, '.' digits, an exponent [eE] '-'? digits; a letter after them starts a new token."""
    n = len(text)
    j = i
    while j < n and "0" <= text[j] <= "9":
        j += 1
    if j + 1 < n and text[j] == "." and "0" <= text[j + 1] <= "9":
        j += 1
        while j < n and "0" <= text[j] <= "9":
            j += 1
    if j < n and text[j] in "eE":
        k = j + 1 + (j + 1 < n and text[j + 1] == "-")
        if k < n and "0" <= text[k] <= "9":
            j = k
            while j < n and "0" <= text[j] <= "9":
                j += 1
    return j


def _neo4j_number(text: str, i: int) -> int:
    """Neo4j: a number token runs on through letters, digits and '_' (0x1F, 1_000, even 12abc: then an error)."""
    n = len(text)
    j = i
    while j < n and (text[j].isascii() and text[j].isalnum() or text[j] == "_"):
        j += 1
    if j + 1 < n and text[j] == "." and text[j + 1].isdigit():
        j += 1
        while j < n and (text[j].isascii() and text[j].isalnum() or text[j] == "_"):
            j += 1
        if j < n and text[j] in "+-" and text[j - 1] in "eE":
            j += 1
            while j < n and text[j].isdigit():
                j += 1
    elif j < n and text[j] in "+-" and text[j - 1] in "eE" and j + 1 < n and text[j + 1].isdigit():
        j += 1
        while j < n and text[j].isdigit():
            j += 1
    return j


# ------------------------------------------------------------------------------------------------------
# What a query may say
# ------------------------------------------------------------------------------------------------------

# clauses that leave the graph (files, extensions, other databases, settings, transactions): never run
FORBIDDEN = {
    LADYBUG: frozenset({"COPY", "LOAD", "INSTALL", "UNINSTALL", "UPDATE", "FORCE", "EXTENSION", "ATTACH",
                        "DETACH", "USE", "IMPORT", "EXPORT", "CHECKPOINT", "BEGIN", "COMMIT", "ROLLBACK",
                        "TRANSACTION", "MACRO", "GLOB", "PROJECT", "GRAPH", "USER", "ROLE", "PASSWORD"}),
    NEO4J: frozenset({"LOAD", "CSV", "USE", "DETACH", "COMMIT", "ROLLBACK", "BEGIN", "TRANSACTION",
                      "TRANSACTIONS", "TERMINATE", "SHOW", "GRANT", "DENY", "REVOKE", "START", "STOP", "ENABLE",
                      "ALIAS", "DATABASE", "DATABASES", "USER", "USERS", "ROLE", "ROLES", "PRIVILEGE",
                      "PRIVILEGES", "IMPERSONATE", "SERVER", "SERVERS"}),
}
# updating clauses: only with write=True
WRITES = {
    LADYBUG: frozenset({"CREATE", "MERGE", "SET", "DELETE", "REMOVE", "DROP", "ALTER", "COMMENT"}),
    NEO4J: frozenset({"CREATE", "MERGE", "SET", "DELETE", "REMOVE", "DROP", "ALTER", "RENAME", "FOREACH"}),
}

# words that can stand right before '(' without calling a function
_PAREN_WORDS = frozenset({
    "MATCH", "OPTIONAL", "WHERE", "AND", "OR", "XOR", "NOT", "IN", "RETURN", "WITH", "UNWIND", "AS", "CASE",
    "WHEN", "THEN", "ELSE", "END", "DISTINCT", "BY", "SKIP", "LIMIT", "CONTAINS", "IS", "ALL", "ANY", "NONE",
    "SINGLE", "EXISTS", "COUNT", "CAST", "HINT", "JOIN", "MULTI_JOIN", "SHORTEST", "WSHORTEST", "TRAIL",
    "ACYCLIC", "UNION", "YIELD", "ON", "CREATE", "MERGE", "SET", "DELETE", "REMOVE", "DECIMAL", "STRUCT",
    "OFFSET", "ORDER", "ASC", "DESC", "ASCENDING", "DESCENDING", "TABLE", "FROM", "TO", "CALL", "FILTER",
    "REDUCE", "SHORTESTPATH", "ALLSHORTESTPATHS", "KEY", "PRIMARY", "GROUP", "FOREACH",
})

# The engine's built-in scalar and aggregate functions that compute on their arguments alone. Missing on
# purpose: table functions (READ_CSV, READ_PARQUET, READ_NPY, READ_PANDAS, FILE_INFO, ...: files, and a
# crash), sequences (NEXTVAL, CURRVAL), SETSEED, and anything an extension would add.
LADYBUG_FUNCTIONS = frozenset("""
abs acos asin atan atan2 avg bitshift_left bitshift_right bitwise_and bitwise_or bitwise_xor blob cardinality
cast cbrt ceil ceiling century coalesce collect concat concat_ws contains cos cot cost count count_if count_star
current_date current_timestamp date date_part date_trunc datepart datetrunc dayname decode degrees duration
element_at encode end_node ends_with epoch_ms equals error even factorial floor gamma gen_random_uuid greatest
hash histogram id ifnull initcap internal_id interval is_acyclic is_trail keys label labels last_day lcase least
left length levenshtein lgamma list_any_value list_append list_cat list_concat list_contains list_creation
list_distinct list_element list_extract list_filter list_has list_has_all list_has_any list_indexof list_max
list_min list_position list_prepend list_product list_reduce list_reverse list_reverse_sort list_slice list_sort
list_sum list_to_string list_transform list_unique ln log log10 log2 lower lpad ltrim make_date map map_extract
map_keys map_values max md5 min monthname negate nodes nullif octet_length offset percentilecont percentiledisc
pi pow prefix properties radians random range regexp_extract regexp_extract_all regexp_full_match
regexp_matches regexp_replace regexp_split_to_array relationships rels repeat replace reverse right round rowid
rpad rtrim sha256 sign sin size split_part sqrt start_node starts_with string string_split string_to_array
struct_extract struct_pack str_split substr substring suffix sum tan time_bucket timestamp to_blob to_bool
to_date to_days to_double to_epoch_ms to_float to_hours to_int128 to_int16 to_int32 to_int64 to_int8
to_interval to_microseconds to_milliseconds to_minutes to_months to_seconds to_serial to_string to_timestamp
to_uint128 to_uint16 to_uint32 to_uint64 to_uint8 to_uuid to_years tolower toupper trim typeof ucase
union_extract union_tag union_value upper uuid array_value array_append array_cat array_concat array_contains
array_extract array_has array_indexof array_position array_prepend array_push_back array_push_front array_slice
array_distance array_cosine_similarity array_cross_product array_dot_product array_inner_product
array_squared_distance any all none single
""".split())
# catalogue procedures a query may CALL: they read the schema, nothing else
LADYBUG_PROCEDURES = frozenset({"show_tables", "table_info", "show_connection", "show_functions", "db_version"})

# Neo4j 5 built-ins (without plugins: no apoc.*, no gds.*, and no file or network access)
NEO4J_FUNCTIONS = frozenset("""
abs acos asin atan atan2 avg ceil coalesce collect cos cot count degrees e elementid endnode exp floor haversin
head id isempty isnan keys labels last left length log log10 ltrim max min nodes none percentilecont
percentiledisc pi properties radians rand randomuuid range reduce relationships replace reverse right round
rtrim sign sin single size split sqrt startnode stdev stdevp substring sum tail tan tofloat tointeger tolower
toupper tostring toboolean tobooleanlist tobooleanornull tofloatlist tofloatornull tointegerlist
tointegerornull tostringlist tostringornull trim type valuetype char_length character_length normalize btrim
lower upper isnormalized all any exists date datetime localdatetime localtime time duration timestamp point
date.truncate datetime.truncate localdatetime.truncate localtime.truncate time.truncate duration.between
duration.inmonths duration.indays duration.inseconds point.distance point.withinbbox vector.similarity.cosine
vector.similarity.euclidean shortestpath allshortestpaths
""".split())
NEO4J_PROCEDURES = frozenset({"db.labels", "db.relationshiptypes", "db.propertykeys", "db.schema.visualization",
                              "db.schema.nodetypeproperties", "db.schema.reltypeproperties", "dbms.components"})

_FUNCTIONS = {LADYBUG: LADYBUG_FUNCTIONS, NEO4J: NEO4J_FUNCTIONS}
_PROCEDURES = {LADYBUG: LADYBUG_PROCEDURES, NEO4J: NEO4J_PROCEDURES}


def _standalone(tokens: list[Token], k: int) -> bool:
    """Whether the bare word tokens[k] could be a keyword: not a property (n.set), label (:Set), parameter, or
    map key ({set: 1}; ':=' is a named argument, also not a clause)."""
    if k > 0 and tokens[k - 1].text in (".", ":", "$"):
        return False
    if k + 1 < len(tokens) and tokens[k + 1].text == ":":
        return False
    return True


def _dotted_name(tokens: list[Token], k: int) -> tuple[str, int]:
    """The (possibly dotted, for Neo4j) function or procedure name ending at tokens[k], and its first index."""
    parts = [tokens[k].name]
    j = k
    while j >= 2 and tokens[j - 1].text == "." and tokens[j - 2].kind in ("name", "quoted"):
        parts.insert(0, tokens[j - 2].name)
        j -= 2
    return ".".join(parts), j


def _statements(tokens: list[Token]) -> list[Token]:
    semis = [k for k, t in enumerate(tokens) if t.text == ";"]
    if semis and any(k < len(tokens) - 1 for k in semis):
        raise QueryRefused("one statement per query: remove the ';' between statements and run them one by one")
    return tokens[:-1] if semis else tokens


def check_query(text: str, dialect: str = LADYBUG, write: bool = False) -> list[Token]:
    """Refuse (QueryRefused, one line) a statement that could leave the graph, or that writes without
    write=True; return its tokens otherwise."""
    if not isinstance(text, str) or not text.strip():
        raise PolicygraphError("empty query")
    tokens = _statements(tokenize(text, dialect))
    if not tokens:
        raise PolicygraphError("empty query (only comments)")
    _check_start(tokens, dialect, write)
    forbidden, writes = FORBIDDEN[dialect], WRITES[dialect]
    functions, procedures = _FUNCTIONS[dialect], _PROCEDURES[dialect]
    writing: list[str] = []
    for k, tok in enumerate(tokens):
        word = tok.word
        nxt = tokens[k + 1] if k + 1 < len(tokens) else None
        if word and _standalone(tokens, k):
            if word == "DETACH" and nxt is not None and nxt.word == "DELETE":
                writing.append(word)  # DETACH DELETE (in LadybugDB, DETACH alone detaches a database)
                continue
            if word in forbidden:
                raise QueryRefused(f"this query uses {word}, which policygraph never runs: a query can only read "
                                   f"(or with --write, change) the graph, never files, extensions, other databases "
                                   f"or settings ({SECURITY})")
            if word in writes:
                writing.append(word)
            if word == "CALL":
                _check_call(tokens, k, procedures, dialect)
        dotted = k > 0 and tokens[k - 1].text == "."
        if (tok.kind in ("name", "quoted") and nxt is not None and nxt.text == "("
                and not (tok.kind == "name" and word in _PAREN_WORDS and not dotted)
                and not (k > 0 and tokens[k - 1].word == "CALL")
                and not (k > 0 and tokens[k - 1].word in ("TABLE", "MACRO", "EXISTS") and writing)):
            name, first = _dotted_name(tokens, k)
            if dialect == LADYBUG and first != k:
                raise QueryRefused(f"function {name}() is not a LadybugDB built-in function")
            if first > 0 and tokens[first - 1].word == "CALL":
                continue  # checked by _check_call
            if name.lower() not in functions:
                raise QueryRefused(f"function {name}() is not allowed in policygraph queries: only the engine's "
                                   f"built-in functions that compute on their arguments ({SECURITY})")
    if writing and not write:
        seen = list(dict.fromkeys(writing))
        raise QueryRefused(f"this query writes ({', '.join(seen)}); queries are read-only unless you pass --write "
                           "(Python: write=True)")
    return tokens


# what a statement may start with: a query (and, with write=True, an updating clause or a schema change)
READ_STARTS = frozenset({"MATCH", "OPTIONAL", "UNWIND", "WITH", "RETURN", "CALL"})
WRITE_STARTS = frozenset({"CREATE", "MERGE", "DROP", "ALTER", "COMMENT", "FOREACH"})


def _check_start(tokens: list[Token], dialect: str, write: bool) -> None:
    """Only query statements run: EXPLAIN/PROFILE (and Neo4j's CYPHER options) may come first, then a
    reading clause, or with write=True an updating one. Any other statement (whatever a future engine adds)
    is refused."""
    k = 0
    while k < len(tokens) and tokens[k].word in ("EXPLAIN", "PROFILE", "LOGICAL"):
        k += 1
    if dialect == NEO4J and k < len(tokens) and tokens[k].word == "CYPHER":  # CYPHER 5 runtime=slotted ...
        clauses = READ_STARTS | WRITE_STARTS | WRITES[dialect] | FORBIDDEN[dialect]
        while k < len(tokens) and tokens[k].word not in clauses:
            k += 1
    first = tokens[k] if k < len(tokens) else None
    word = first.word if first is not None else ""
    if word in READ_STARTS or (write and word in WRITE_STARTS):
        return
    if word in WRITE_STARTS or word in WRITES[dialect]:
        return  # the write check below says it in its own words
    if word in FORBIDDEN[dialect]:
        return  # so does the forbidden-clause check
    shown = first.text if first is not None else "(nothing)"
    raise QueryRefused(f"a query starts with MATCH, OPTIONAL MATCH, UNWIND, WITH, RETURN or CALL, not {shown!r} "
                       f"({SECURITY})")


def _check_call(tokens: list[Token], k: int, procedures: frozenset, dialect: str) -> None:
    j = k + 1
    if j < len(tokens) and tokens[j].text == "{" or (j < len(tokens) and tokens[j].text == "("):
        raise QueryRefused(f"CALL {{ subqueries }} are not run by policygraph ({SECURITY})")
    if j >= len(tokens) or tokens[j].kind not in ("name", "quoted"):
        raise QueryRefused("CALL must name a procedure")
    end = j
    while end + 2 < len(tokens) and tokens[end + 1].text == "." and tokens[end + 2].kind in ("name", "quoted"):
        end += 2
    name = ".".join(t.name for t in tokens[j:end + 1:2])
    after = tokens[end + 1] if end + 1 < len(tokens) else None
    if after is None or after.text != "(":
        raise QueryRefused(f"CALL {name} without (...) is not allowed: it changes an engine setting, and queries "
                           f"cannot change settings ({SECURITY})")
    if name.lower() not in procedures:
        allowed = ", ".join(sorted(p + "()" for p in procedures))
        raise QueryRefused(f"CALL {name}() is not allowed: a query may only CALL {allowed} ({SECURITY})")


def write_words(text: str, dialect: str = LADYBUG) -> list[str]:
    """The updating clauses a statement uses (upper-cased, in order, without duplicates)."""
    tokens = tokenize(text, dialect)
    found: list[str] = []
    for k, tok in enumerate(tokens):
        word = tok.word
        if word and (word in WRITES[dialect] or word == "DETACH") and _standalone(tokens, k) and word not in found:
            found.append(word)
    return found


def parameter_names(text: str, dialect: str = LADYBUG) -> list[str]:
    """The ``$name`` parameters a statement uses, in order of first use (strings and comments skipped)."""
    out: list[str] = []
    for tok in tokenize(text, dialect):
        if tok.kind == "param":
            name = tok.text[1:]
            if name.startswith("`"):
                name = name[1:-1].replace("``", "`")
            if name not in out:
                out.append(name)
    return out
