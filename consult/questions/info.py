"""Information: a text for members to read between questions; it takes no answer."""

from flask_babel import lazy_gettext as _l

from .base import QuestionKind


class Info(QuestionKind):
    name = "info"
    label = _l("Information (no answer)")
    template = "questions/info.html"
    tabulation = None

    def from_xlsform(self, type_, appearance):
        return {"kind": self.name} if type_ in ("note", "add note prompt", "q note") else None

    def form_fields(self, question, language, fallback, draft_token):
        return {}

    def entry(self, form, question):
        return None

    def cleaned(self, question, field):
        return None

    def shown(self, question, value, other, language, fallback):
        return []

    def answered_codes(self, question, value):
        return set()
