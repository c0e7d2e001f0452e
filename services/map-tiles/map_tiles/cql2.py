"""CQL2 filters (OGC API - Features Part 3): a subset of cql2-text and cql2-json turned into a
SQL condition over a whitelist of queryables.

Both encodings are parsed into the cql2-json form (``{"op": ..., "args": [...]}``), which one
compiler turns into SQL. The SQL holds only the queryables' own expressions, fixed operators
and ``:cql_n`` bind parameters: nothing the client wrote is ever part of the statement text.

Supported: ``=``, ``<>``, ``<``, ``<=``, ``>``, ``>=``, ``AND``, ``OR``, ``NOT``, ``LIKE``,
``BETWEEN``, ``IN``, ``IS [NOT] NULL``, ``TRUE``/``FALSE`` and ``S_INTERSECTS`` of the
geometry with a point, line, polygon (and their multi forms) or ``BBOX``, in CRS84.

Hand-written rather than the ``cql2`` or ``pygeofilter`` packages: measured in the README
(the first crashes the process on a few thousand nested brackets, the second refuses doubled
quotes in strings and reads ``.`` as a LIKE wildcard); every input, however deep or strange, ends in SQL or in a ``FilterError``."""

from __future__ import annotations

import math
import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

import orjson

from shared.errors import BadRequest

MAX_FILTER_CHARS = 8192
MAX_DEPTH = 32
MAX_LIST = 1000
MAX_POSITIONS = 5000

NUMERIC = ("integer", "number")


@dataclass(frozen=True)
class Queryable:
    """A property a filter may name: its SQL expression and JSON Schema type (``geometry``
    for the geometry)."""

    sql: str
    type: str
    description: str = ""


@dataclass(frozen=True)
class Where:
    """A compiled filter: SQL with ``:cql_n`` placeholders and their values."""

    sql: str = "TRUE"
    params: tuple[tuple[str, Any], ...] = ()


class FilterError(BadRequest):
    def __init__(self, message: str) -> None:
        super().__init__(f"Bad filter: {message}", parameter="filter")


# --- cql2-text --------------------------------------------------------------------------------

_TOKEN = re.compile(
    r"""\s*(?:
      (?P<number>(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?)
    | (?P<string>'(?:[^']|'')*')
    | (?P<quoted>"(?:[^"]|"")+")
    | (?P<word>[A-Za-z_][A-Za-z0-9_.:]*)
    | (?P<op><>|<=|>=|=|<|>|\(|\)|,|-)
    )""",
    re.VERBOSE,
)
_COMPARISONS = ("=", "<>", "<", "<=", ">", ">=")
_GEOMETRY_TYPES = {
    "POINT": "Point",
    "MULTIPOINT": "MultiPoint",
    "LINESTRING": "LineString",
    "MULTILINESTRING": "MultiLineString",
    "POLYGON": "Polygon",
    "MULTIPOLYGON": "MultiPolygon",
}
# Nesting of "coordinates" in GeoJSON: a position is depth 0.
_DEPTH = {
    "Point": 0,
    "MultiPoint": 1,
    "LineString": 1,
    "MultiLineString": 2,
    "Polygon": 2,
    "MultiPolygon": 3,
}


@dataclass(frozen=True)
class _Token:
    kind: str  # number, string, word, op, end
    text: str
    at: int


def _tokens(source: str) -> list[_Token]:
    found: list[_Token] = []
    position = 0
    while True:
        while position < len(source) and source[position].isspace():
            position += 1
        if position == len(source):
            found.append(_Token("end", "", position))
            return found
        match = _TOKEN.match(source, position)
        if match is None or match.end() == position:
            raise FilterError(f"unexpected {source[position : position + 10]!r} at {position + 1}")
        kind = match.lastgroup or "op"
        text, at = match.group(kind), match.start(kind) + 1
        if kind == "quoted":
            kind, text = "property", text[1:-1].replace('""', '"')
        elif kind == "string":
            text = text[1:-1].replace("''", "'")
        found.append(_Token(kind, text, at))
        position = match.end()


class _TextParser:
    """Recursive descent over the tokens, building cql2-json."""

    def __init__(self, source: str) -> None:
        self.tokens = _tokens(source)
        self.index = 0
        self.depth = 0

    @property
    def current(self) -> _Token:
        return self.tokens[self.index]

    def _describe(self, token: _Token) -> str:
        return "the end" if token.kind == "end" else f"{token.text[:30]!r} at {token.at}"

    def fail(self, expected: str) -> FilterError:
        return FilterError(f"expected {expected}, found {self._describe(self.current)}")

    def keyword(self, *words: str) -> bool:
        """Consume the keyword(s) if they come next."""
        for offset, word in enumerate(words):
            token = self.tokens[min(self.index + offset, len(self.tokens) - 1)]
            if token.kind != "word" or token.text.upper() != word:
                return False
        self.index += len(words)
        return True

    def punctuation(self, text: str) -> bool:
        if self.current.kind == "op" and self.current.text == text:
            self.index += 1
            return True
        return False

    def expect(self, text: str) -> None:
        if not self.punctuation(text):
            raise self.fail(f"'{text}'")

    def parse(self) -> Any:
        expression = self.expression()
        if self.current.kind != "end":
            raise self.fail("AND, OR or the end of the filter")
        return expression

    def descend(self) -> None:
        """One level deeper (brackets, NOT): bounded, so no input exhausts the stack."""
        self.depth += 1
        if self.depth > MAX_DEPTH:
            raise FilterError(f"nested more than {MAX_DEPTH} levels deep")

    def expression(self) -> Any:
        self.descend()
        terms = [self.term()]
        while self.keyword("OR"):
            terms.append(self.term())
        self.depth -= 1
        return terms[0] if len(terms) == 1 else {"op": "or", "args": terms}

    def term(self) -> Any:
        factors = [self.factor()]
        while self.keyword("AND"):
            factors.append(self.factor())
        return factors[0] if len(factors) == 1 else {"op": "and", "args": factors}

    def factor(self) -> Any:
        if self.keyword("NOT"):
            self.descend()
            negated = {"op": "not", "args": [self.factor()]}
            self.depth -= 1
            return negated
        if self.punctuation("("):
            inner = self.expression()
            self.expect(")")
            return inner
        token = self.current
        following = self.tokens[self.index + 1] if token.kind != "end" else token
        if (
            token.kind == "word"
            and token.text.upper() in ("TRUE", "FALSE")
            and following.text not in _COMPARISONS
        ):
            self.index += 1
            return token.text.upper() == "TRUE"
        if token.kind == "word" and token.text.upper() == "S_INTERSECTS":
            self.index += 1
            self.expect("(")
            first = self.operand()
            self.expect(",")
            second = self.operand()
            self.expect(")")
            return {"op": "s_intersects", "args": [first, second]}
        if token.kind == "word" and following.text == "(":
            raise FilterError(f"unsupported function {token.text[:30]!r} at {token.at}")
        return self.predicate()

    def predicate(self) -> Any:
        left = self.operand()
        negated = self.keyword("NOT")
        if self.keyword("LIKE"):
            result: Any = {"op": "like", "args": [left, self.operand()]}
        elif self.keyword("BETWEEN"):
            low = self.operand()
            if not self.keyword("AND"):
                raise self.fail("AND in BETWEEN")
            result = {"op": "between", "args": [left, low, self.operand()]}
        elif self.keyword("IN"):
            self.expect("(")
            items = [self.operand()]
            while self.punctuation(","):
                items.append(self.operand())
            self.expect(")")
            result = {"op": "in", "args": [left, items]}
        elif negated:
            raise self.fail("LIKE, BETWEEN or IN after NOT")
        elif self.keyword("IS", "NOT", "NULL"):
            return {"op": "not", "args": [{"op": "isNull", "args": [left]}]}
        elif self.keyword("IS", "NULL"):
            return {"op": "isNull", "args": [left]}
        elif self.current.kind == "op" and self.current.text in _COMPARISONS:
            operator = self.current.text
            self.index += 1
            return {"op": operator, "args": [left, self.operand()]}
        else:
            raise self.fail("a comparison (=, <>, <, <=, >, >=, LIKE, BETWEEN, IN, IS NULL)")
        return {"op": "not", "args": [result]} if negated else result

    def operand(self) -> Any:
        token = self.current
        if token.kind == "number":
            self.index += 1
            return _number(token.text)
        if (
            token.kind == "op"
            and token.text == "-"
            and self.tokens[self.index + 1].kind == "number"
        ):
            self.index += 2
            return -_number(self.tokens[self.index - 1].text)
        if token.kind == "string":
            self.index += 1
            return token.text
        if token.kind == "property":
            self.index += 1
            return {"property": token.text}
        if token.kind == "word":
            word = token.text.upper()
            if word in ("TRUE", "FALSE"):
                self.index += 1
                return word == "TRUE"
            if word == "BBOX":
                self.index += 1
                self.expect("(")
                values = [self.signed_number()]
                while self.punctuation(","):
                    values.append(self.signed_number())
                self.expect(")")
                return {"bbox": values}
            if word in _GEOMETRY_TYPES:
                self.index += 1
                kind = _GEOMETRY_TYPES[word]
                return {"type": kind, "coordinates": self.coordinates(_DEPTH[kind])}
            if word in ("DATE", "TIMESTAMP", "INTERVAL"):
                raise FilterError(f"temporal values are not supported ({token.at})")
            if self.tokens[self.index + 1].text == "(":
                raise FilterError(f"unsupported function {token.text[:30]!r} at {token.at}")
            self.index += 1
            return {"property": token.text}
        raise self.fail("a property or a value")

    def signed_number(self) -> float:
        negative = self.punctuation("-")
        if self.current.kind != "number":
            raise self.fail("a number")
        value = _number(self.current.text)
        self.index += 1
        return -value if negative else value

    def coordinates(self, depth: int) -> Any:
        """WKT coordinates as GeoJSON nested lists: ``depth`` 0 is one position ``x y``
        (bracketed in POINT and, optionally, in MULTIPOINT)."""
        if depth == 0:
            if self.punctuation("("):
                position = self.position()
                self.expect(")")
                return position
            return self.position()
        self.expect("(")
        items = [self.coordinates(depth - 1)]
        while self.punctuation(","):
            items.append(self.coordinates(depth - 1))
        self.expect(")")
        return items

    def position(self) -> list[float]:
        numbers = [self.signed_number(), self.signed_number()]
        if self.current.kind == "number" or self.current.text == "-":
            numbers.append(self.signed_number())
        return numbers


def _number(text: str) -> float | int:
    value = float(text)
    if not math.isfinite(value):
        raise FilterError(f"number out of range: {text[:30]}")
    return int(text) if re.fullmatch(r"\d+", text) and abs(value) < 2**53 else value


def parse_text(source: str) -> Any:
    """cql2-text → cql2-json."""
    if len(source) > MAX_FILTER_CHARS:
        raise FilterError(f"longer than {MAX_FILTER_CHARS} characters")
    if not source.strip():
        raise FilterError("empty")
    return _TextParser(source).parse()


def parse_json(source: str) -> Any:
    if len(source) > MAX_FILTER_CHARS:
        raise FilterError(f"longer than {MAX_FILTER_CHARS} characters")
    try:
        return orjson.loads(source)
    except orjson.JSONDecodeError:
        raise FilterError("not valid JSON (filter-lang=cql2-json)") from None


# --- cql2-json → SQL ----------------------------------------------------------------------------


class _Compiler:
    def __init__(self, queryables: Mapping[str, Queryable]) -> None:
        self.queryables = queryables
        self.params: list[tuple[str, Any]] = []

    def bind(self, value: Any, cast: str) -> str:
        name = f"cql_{len(self.params)}"
        self.params.append((name, value))
        return f"CAST(:{name} AS {cast})"

    def condition(self, node: Any, depth: int = 0) -> str:
        if depth > MAX_DEPTH:
            raise FilterError(f"nested more than {MAX_DEPTH} levels deep")
        if isinstance(node, bool):
            return "TRUE" if node else "FALSE"
        if not isinstance(node, dict) or "op" not in node:
            raise FilterError("expected a predicate ({'op': ..., 'args': [...]})")
        operator = str(node["op"]).lower() if isinstance(node["op"], str) else ""
        args = node.get("args")
        if not isinstance(args, list):
            raise FilterError(f"'{operator[:20]}' needs an 'args' list")
        if operator in ("and", "or"):
            if len(args) < 2:
                raise FilterError(f"'{operator}' needs at least two arguments")
            joined = f" {operator.upper()} ".join(self.condition(a, depth + 1) for a in args)
            return f"({joined})"
        if operator == "not":
            self._count(operator, args, 1)
            return f"(NOT {self.condition(args[0], depth + 1)})"
        if operator in _COMPARISONS:
            self._count(operator, args, 2)
            (left, left_type), (right, right_type) = self.value(args[0]), self.value(args[1])
            self._comparable(operator, left_type, right_type)
            return f"({left} {operator} {right})"
        if operator == "like":
            self._count(operator, args, 2)
            (left, left_type), (right, right_type) = self.value(args[0]), self.value(args[1])
            if left_type != "string" or right_type != "string" or not isinstance(args[1], str):
                raise FilterError("LIKE compares a text property with a text pattern")
            _check_pattern(args[1])
            # The escape is spelled out: the statement does not depend on the server's default.
            return f"({left} LIKE {right} ESCAPE E'\\\\')"
        if operator == "between":
            self._count(operator, args, 3)
            (value, value_type), (low, low_type), (high, high_type) = (
                self.value(args[0]),
                self.value(args[1]),
                self.value(args[2]),
            )
            if not {value_type, low_type, high_type} <= set(NUMERIC):
                raise FilterError("BETWEEN needs a numeric property and two numbers")
            return f"({value} BETWEEN {low} AND {high})"
        if operator == "in":
            self._count(operator, args, 2)
            value, value_type = self.value(args[0])
            return self._in(value, value_type, args[1])
        if operator in ("isnull", "is null"):
            self._count(operator, args, 1)
            value, _ = self.value(args[0])
            return f"({value} IS NULL)"
        if operator == "s_intersects":
            self._count(operator, args, 2)
            return self._intersects(args[0], args[1])
        raise FilterError(f"unsupported operator {_shown(node['op'])}")

    def _count(self, operator: str, args: list[Any], count: int) -> None:
        if len(args) != count:
            raise FilterError(f"'{operator}' takes {count} argument(s), not {len(args)}")

    def _comparable(self, operator: str, left: str, right: str) -> None:
        if left in NUMERIC and right in NUMERIC:
            return
        if left != right or left == "geometry":
            raise FilterError(f"cannot compare {left} with {right}")
        if left == "boolean" and operator not in ("=", "<>"):
            raise FilterError("booleans compare with = and <> only")

    def value(self, node: Any) -> tuple[str, str]:
        """SQL and type of an operand: a queryable or a literal."""
        if isinstance(node, dict) and "property" in node:
            name = node["property"]
            queryable = self.queryables.get(name) if isinstance(name, str) else None
            if queryable is None:
                raise FilterError(
                    f"unknown property {_shown(name)}; queryables: {', '.join(self.queryables)}"
                )
            return queryable.sql, queryable.type
        if isinstance(node, bool):
            return self.bind(node, "boolean"), "boolean"
        if isinstance(node, int | float):
            if not math.isfinite(node):
                raise FilterError("numbers must be finite")
            return self.bind(float(node), "float8"), "number"
        if isinstance(node, str):
            return self.bind(_text(node), "text"), "string"
        if isinstance(node, dict) and ("bbox" in node or "type" in node):
            raise FilterError("a geometry can only be used in S_INTERSECTS")
        if isinstance(node, dict) and ("date" in node or "timestamp" in node):
            raise FilterError("temporal values are not supported")
        raise FilterError(f"expected a property or a value, found {_shown(node)}")

    def _in(self, value: str, value_type: str, items: Any) -> str:
        if not isinstance(items, list) or not items:
            raise FilterError("IN needs a non-empty list of values")
        if len(items) > MAX_LIST:
            raise FilterError(f"IN takes at most {MAX_LIST} values")
        if value_type in NUMERIC:
            if not all(isinstance(i, int | float) and not isinstance(i, bool) for i in items):
                raise FilterError("IN on a numeric property needs numbers")
            if not all(math.isfinite(i) for i in items):
                raise FilterError("numbers must be finite")
            return f"({value} = ANY({self.bind(tuple(float(i) for i in items), 'float8[]')}))"
        if value_type == "string":
            if not all(isinstance(i, str) for i in items):
                raise FilterError("IN on a text property needs strings")
            return f"({value} = ANY({self.bind(tuple(_text(i) for i in items), 'text[]')}))"
        raise FilterError(f"IN is not supported on a {value_type} property")

    def _intersects(self, first: Any, second: Any) -> str:
        if isinstance(second, dict) and "property" in second:
            first, second = second, first
        column, column_type = self.value(first)
        if column_type != "geometry":
            raise FilterError("S_INTERSECTS needs the geometry property and a geometry")
        return f"ST_Intersects({column}, {self.geometry(second)})"

    def geometry(self, node: Any) -> str:
        if not isinstance(node, dict):
            raise FilterError("expected a geometry (GeoJSON, WKT or BBOX)")
        if "bbox" in node:
            box = node["bbox"]
            if not isinstance(box, list) or len(box) not in (4, 6) or not _numbers(box):
                raise FilterError("BBOX needs four numbers: minx, miny, maxx, maxy")
            minx, miny, maxx, maxy = (box[0], box[1], box[3], box[4]) if len(box) == 6 else box
            if not (-180 <= minx <= maxx <= 180 and -90 <= miny <= maxy <= 90):
                raise FilterError("BBOX must lie within -180,-90,180,90 with min <= max")
            corners = ", ".join(self.bind(float(v), "float8") for v in (minx, miny, maxx, maxy))
            return f"ST_MakeEnvelope({corners}, 4326)"
        kind = node.get("type")
        if kind not in _DEPTH:
            raise FilterError(f"unsupported geometry type {_shown(kind)}")
        coordinates = node.get("coordinates")
        counted = _check_coordinates(coordinates, _DEPTH[kind], kind)
        if counted > MAX_POSITIONS:
            raise FilterError(f"geometries take at most {MAX_POSITIONS} positions")
        # Re-serialised from the checked numbers, not the client's text.
        geojson = orjson.dumps({"type": kind, "coordinates": coordinates}).decode()
        return f"ST_SetSRID(ST_GeomFromGeoJSON({self.bind(geojson, 'text')}), 4326)"


def _shown(node: Any) -> str:
    """A client's value in a message: short, and never the repr of a deep structure."""
    if isinstance(node, str):
        return repr(node[:40])
    if isinstance(node, bool | int | float) or node is None:
        return repr(node)[:40]
    return "an object" if isinstance(node, dict) else "a list"


def _text(value: str) -> str:
    """A text literal PostgreSQL can hold (its text type has no NUL character)."""
    if "\x00" in value:
        raise FilterError("text values cannot contain the NUL character")
    return value


def _check_pattern(pattern: str) -> None:
    """A CQL2 LIKE pattern: ``%`` any run of characters, ``_`` one character, ``\\`` takes
    the next character literally. PostgreSQL's ``LIKE ... ESCAPE '\\'`` reads it the same
    way, so it passes unchanged, but an escape must have a character to escape."""
    escaped = False
    for character in pattern:
        escaped = not escaped and character == "\\"
    if escaped:
        raise FilterError("a LIKE pattern cannot end with the escape character '\\'")


def _numbers(values: list[Any]) -> bool:
    return all(
        isinstance(v, int | float) and not isinstance(v, bool) and math.isfinite(v) for v in values
    )


def _check_coordinates(coordinates: Any, depth: int, kind: str) -> int:
    """Number of positions; raises unless ``coordinates`` nest ``depth`` lists of positions
    (lines of two positions or more, closed polygon rings of four or more)."""
    if not isinstance(coordinates, list):
        raise FilterError(f"{kind} coordinates must be a list")
    if depth == 0:
        if len(coordinates) not in (2, 3) or not _numbers(coordinates):
            raise FilterError(f"{kind}: a position is two (or three) numbers")
        lon, lat = coordinates[0], coordinates[1]
        if not (-180 <= lon <= 180 and -90 <= lat <= 90):
            raise FilterError(f"{kind}: positions are longitude, latitude in degrees (CRS84)")
        return 1
    if not coordinates:
        raise FilterError(f"{kind} has empty coordinates")
    total = sum(_check_coordinates(part, depth - 1, kind) for part in coordinates)
    line = depth == 1 and kind in ("LineString", "MultiLineString")
    ring = depth == 1 and kind in ("Polygon", "MultiPolygon")
    if line and len(coordinates) < 2:
        raise FilterError(f"{kind}: a line needs two positions or more")
    if ring and (len(coordinates) < 4 or coordinates[0][:2] != coordinates[-1][:2]):
        raise FilterError(f"{kind}: a ring needs four positions or more and must be closed")
    return total


def compile_filter(
    source: str | None, language: str | None, queryables: Mapping[str, Queryable]
) -> Where:
    """The filter of a request (``filter`` in ``filter-lang``) as SQL over ``queryables``."""
    language = language or "cql2-text"
    if language not in ("cql2-text", "cql2-json"):
        raise BadRequest("'filter-lang' must be cql2-text or cql2-json.", parameter="filter-lang")
    if source is None or source == "":
        return Where()
    tree = parse_text(source) if language == "cql2-text" else parse_json(source)
    compiler = _Compiler(queryables)
    sql = compiler.condition(tree)
    return Where(sql, tuple(compiler.params))
