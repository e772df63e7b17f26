"""Files staff download (exports of rounds, responses, codebooks, translations, briefs and
invitation codes) all answer one way."""

import re

from flask import Response

#: A file name keeps letters, digits, dots, hyphens and underscores: built from addresses
#: and codes that already hold no others, it can never break the header.
_NOT_IN_A_NAME = re.compile(r"[^A-Za-z0-9._-]")


def attachment(body, filename, mimetype):
    """A response the browser saves as ``filename``; ``body`` is text, bytes or an iterable
    of chunks (a large export streams)."""
    response = Response(body, mimetype=mimetype)
    # Werkzeug writes the header as send_file(download_name=...) does; the name is made safe
    # first all the same, so that no address or code can make it surprising.
    response.headers.set(
        "Content-Disposition", "attachment", filename=_NOT_IN_A_NAME.sub("-", filename)
    )
    return response
