"""Staff imports take files far larger than a member's form (MAX_CONTENT_LENGTH, 1 MB).

A view that accepts a file says so with ``accepts_files_up_to``; the limit is raised before
anything reads the body, in a hook that runs ahead of the app-wide CSRF check (which reads
the form before the view is called).
"""

from flask import current_app, request


def accepts_files_up_to(max_bytes):
    def mark(view):
        view.max_content_length = max_bytes
        return view

    return mark


def raise_the_limit_for_uploads():
    view = current_app.view_functions.get(request.endpoint)
    limit = getattr(view, "max_content_length", None)
    if limit is not None:
        request.max_content_length = limit


def init_app(app):
    """Call before ``csrf.init_app``: hooks run in the order they are registered."""
    app.before_request(raise_the_limit_for_uploads)
