"""XLSForm ``relevant`` expressions to consult conditions and back."""

import re

from flask_babel import gettext as _
from pyxform.aliases import survey_header

from ..definition_values import MAX_TEXT
from .common import NEGATION, TOKEN


class RelevantParser:
    """relevant := term (("and" | "or") term)*, not mixed without parentheses; a term is
    ${q} = 'a', ${q} != 'a', ${q} = '', selected(${q}, 'a'), not(term) or (relevant); a
    string may be concat('…', "'", '…'), as write_xlsform joins one holding both quotes."""

    def __init__(self, expression):
        self.tokens, self.at, position = [], 0, 0
        while position < len(expression.rstrip()):
            match = TOKEN.match(expression, position)
            if not match:
                raise ValueError(_("an expression consult cannot translate"))
            kind = "str" if match.lastgroup in ("sq", "dq", "num") else match.lastgroup
            self.tokens.append((kind, match.group(match.lastgroup)))
            position = match.end()
        self.tokens.append(("end", None))

    def parse(self):
        condition = self.combination(0)
        self.expect("end")
        return condition

    def take(self, kind, value=None):
        """The next token if it is of this kind (and value), else None."""
        token = self.tokens[self.at]
        if token[0] == kind and value in (None, token[1]):
            self.at += 1
            return token
        return None

    def expect(self, kind, value=None):
        token = self.take(kind, value)
        if token is None:
            raise ValueError(_("an expression consult cannot translate"))
        return token[1]

    def string(self):
        if not self.take("word", "concat"):
            return self.expect("str")
        self.expect("sym", "(")
        pieces = [self.expect("str")]
        while self.take("sym", ","):
            pieces.append(self.expect("str"))
        self.expect("sym", ")")
        return "".join(pieces)

    def combination(self, depth):
        if depth > 3:
            raise ValueError(_("nested too deeply"))
        clauses, joiners = [self.term(depth)], set()
        while word := self.take("word", "and") or self.take("word", "or"):
            joiners.add(word[1])
            clauses.append(self.term(depth))
        if len(joiners) > 1:
            raise ValueError(
                _(
                    "'%(first)s' and '%(second)s' mixed without parentheses",
                    first="and",
                    second="or",
                )
            )
        return {"all" if "and" in joiners else "any": clauses} if joiners else clauses[0]

    def term(self, depth):
        if self.take("sym", "("):
            inner = self.combination(depth + 1)
            self.expect("sym", ")")
            return inner
        if self.take("word", "not"):
            self.expect("sym", "(")
            inner = self.term(depth)
            self.expect("sym", ")")
            if inner.get("op") not in NEGATION:
                raise ValueError(_("only a single test can be negated"))
            return {**inner, "op": NEGATION[inner["op"]]}
        if self.take("word", "selected"):
            self.expect("sym", "(")
            question = self.expect("ref")
            self.expect("sym", ",")
            value = self.string()
            self.expect("sym", ")")
            return {"question": question, "op": "equals", "value": value}
        question = self.expect("ref")
        equal = self.take("sym", "!=") is None
        if equal:
            self.expect("sym", "=")
        value = self.string()
        if value == "":
            return {"question": question, "op": "not_answered" if equal else "answered"}
        return {"question": question, "op": "equals" if equal else "not_equals", "value": value}


# --- Import ------------------------------------------------------------------------------


def cell_text(value):
    return ("" if value is None else str(value)).replace("\x00", "").strip()[:MAX_TEXT]


def column_key(column):
    return re.sub(r"[\s_]+", "_", column.strip().lower())


#: The groups pyxform reads as a column's prefix ("bind::relevant", "control::appearance").
_COLUMN_GROUP = re.compile(r"^(?:bind|control|body|instance|media)::?")


def survey_column(column):
    """A column under the name consult reads, as pyxform reads it: its group prefix dropped
    and pyxform's own alias followed ("relevance" and "bind::relevant" are "relevant",
    "bind::required" is "required", "command" is "type")."""
    key = _COLUMN_GROUP.sub("", column_key(column))
    alias = survey_header.get(key, key)
    return (alias[1] if isinstance(alias, tuple) else alias).lower()
