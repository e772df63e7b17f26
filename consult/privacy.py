"""What keeps a member's answer from being traced to a person (the anonymity invariant,
docs/ARCHITECTURE.md).

Responses hold no address, browser or time finer than the day (see ``respond.models``); this
module keeps the address and the exact time out of the development server's log too.
"""

import logging
import re

#: werkzeug writes ``127.0.0.1 - - [26/Nov/2026 10:01:02] "GET / HTTP/1.1" 200 -``.
_ADDRESS_AND_TIME = re.compile(r"^\S+ - - \[[^\]]*\] ")


class HideClientDetails(logging.Filter):
    """Drops the client address and the exact time from each request line."""

    def filter(self, record):
        if isinstance(record.msg, str):
            record.msg = _ADDRESS_AND_TIME.sub("", record.msg)
        return True


def hide_client_details_from_logs():
    logger = logging.getLogger("werkzeug")
    if not any(isinstance(f, HideClientDetails) for f in logger.filters):
        logger.addFilter(HideClientDetails())
