"""Configuration in layers.

Defaults here, then ``instance/config.py``, then ``CONSULT_*`` environment variables, then
``DATABASE_URL``, then the test mapping. ``check_config`` refuses an unsafe production set-up.
"""

import os

#: The interface languages: each has a complete catalogue in ``translations/``.
#: Right-to-left ones are listed in ``RTL_LANGUAGES``.
LANGUAGES = ["en", "fr", "es", "pt", "ru", "ar", "fa", "id"]
RTL_LANGUAGES = {"ar", "fa", "he", "ur"}

#: Values of SECRET_KEY that must never reach production.
KNOWN_UNSAFE_SECRET_KEYS = {"", "dev", "change-me", "secret", "test"}


class DefaultConfig:
    #: "production" unless a developer says otherwise; production refuses unsafe settings.
    ENV = "production"
    SECRET_KEY = None
    SQLALCHEMY_DATABASE_URI = None  # filled in by load_config: SQLite in the instance folder
    SQLALCHEMY_ENGINE_OPTIONS = {"pool_pre_ping": True}

    # The only cookie: progress and CSRF for members, login for staff.
    SESSION_COOKIE_HTTPONLY = True
    SESSION_COOKIE_SAMESITE = "Lax"
    #: None means: Secure in production, not in development (plain http on 127.0.0.1).
    SESSION_COOKIE_SECURE = None
    SESSION_COOKIE_NAME = "consult"
    PERMANENT_SESSION_LIFETIME = 8 * 3600

    WTF_CSRF_TIME_LIMIT = None  # a member may take a long time over a page
    MAX_CONTENT_LENGTH = 1024 * 1024

    LANGUAGES = LANGUAGES
    BABEL_DEFAULT_LOCALE = "en"
    BABEL_DEFAULT_TIMEZONE = "UTC"

    #: Where "Quick exit" leaves for: a neutral site that says nothing about this one.
    QUICK_EXIT_URL = "https://www.google.com/"
    #: A draft never submitted is deleted this many days after it was started, or when its
    #: round closes if that comes first: answers nobody sent are not kept for ever.
    DRAFT_DAYS = 60
    #: For this long after a quick exit, every member address opened in that browser (Back
    #: included) shows a neutral page: long enough for whoever picks up the phone next.
    QUICK_EXIT_HOURS = 4
    #: Rate-limit counters: memory by default, "redis://host:6379/0" across processes.
    RATELIMIT_STORAGE_URI = "memory://"
    RATELIMIT_ENABLED = True
    #: How many reverse proxies to trust for X-Forwarded-For (0: none, as in development).
    PROXY_FIX_X_FOR = 0
    #: werkzeug's method names; tests use a cheap one.
    PASSWORD_HASH_METHOD = "scrypt"  # noqa: S105 (a method name, not a password)
    #: Staff sessions end after this many minutes without a request, and this many hours after
    #: logging in, whatever happens in between.
    STAFF_IDLE_MINUTES = 30
    STAFF_SESSION_HOURS = 12
    #: Admins must set up two-step login (an authenticator app) before anything else; others
    #: may. Tests turn it off so that any test can log an admin in with a password.
    STAFF_TWO_FACTOR_REQUIRED_FOR_ADMINS = True
    #: Staff login tries (each step: password, then code), per account and per client. Every
    #: try counts, the right password too, so over the limit even the right one is refused.
    STAFF_LOGIN_ACCOUNT_LIMIT = "5 per minute; 20 per hour"
    STAFF_LOGIN_CLIENT_LIMIT = "30 per hour"
    #: From this many responses, an export of protected microdata is built by the worker
    #: (review.export_jobs) and downloaded when ready, not written inside the request.
    EXPORT_JOB_FROM = 10_000
    #: Where the job queue lives (consult/queue.py): None for SQLite in the instance folder,
    #: or "redis://host:6379/1".
    QUEUE_URL = None
    #: Run each job at once, in the request that queues it (the tests).
    QUEUE_IMMEDIATE = False
    #: The smallest count any page or export shows (docs/ARCHITECTURE.md, "Invariants").
    DEFAULT_MIN_CELL_SIZE = 5


def load_config(app, test_config=None):
    app.config.from_object(DefaultConfig)
    app.config.from_pyfile("config.py", silent=True)
    app.config.from_prefixed_env("CONSULT")
    if os.environ.get("DATABASE_URL"):
        app.config["SQLALCHEMY_DATABASE_URI"] = os.environ["DATABASE_URL"]
    if test_config is not None:
        app.config.from_mapping(test_config)
    if not app.config["SQLALCHEMY_DATABASE_URI"]:
        os.makedirs(app.instance_path, exist_ok=True)
        path = os.path.join(app.instance_path, "consult.sqlite")
        app.config["SQLALCHEMY_DATABASE_URI"] = f"sqlite:///{path}"
    if app.config["SESSION_COOKIE_SECURE"] is None:
        app.config["SESSION_COOKIE_SECURE"] = app.config["ENV"] == "production"


class UnsafeConfigError(RuntimeError):
    """Raised at start-up when production settings would put respondents at risk."""


def check_config(app):
    problems = []
    if app.config["ENV"] == "production":
        if app.config.get("SECRET_KEY") in KNOWN_UNSAFE_SECRET_KEYS | {None}:
            problems.append(
                "SECRET_KEY is missing or a known default: set a long random value in "
                "instance/config.py or CONSULT_SECRET_KEY"
            )
        if app.debug:
            problems.append("debug mode is on: unset FLASK_DEBUG / CONSULT_DEBUG")
        if not app.config["SESSION_COOKIE_SECURE"]:
            problems.append("SESSION_COOKIE_SECURE is off: cookies must only travel over HTTPS")
    elif not app.config.get("SECRET_KEY"):
        problems.append("SECRET_KEY is missing: `make run` writes one to instance/config.py")
    if problems:
        raise UnsafeConfigError("consult refuses to start: " + "; ".join(problems))
