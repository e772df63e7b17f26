"""consult: anonymous, multilingual community consultations."""

import os

from flask import Flask

PACKAGE_DIRECTORY = os.path.dirname(os.path.abspath(__file__))
#: The checkout holding the package: migrations/ and translations/ sit beside it.
PROJECT_ROOT = os.path.dirname(PACKAGE_DIRECTORY)


def _beside_or_inside(name):
    """An installed wheel carries the folder inside the package (setup.py); a checkout, or
    an editable install of it, has it beside the package."""
    inside = os.path.join(PACKAGE_DIRECTORY, name)
    return inside if os.path.isdir(inside) else os.path.join(PROJECT_ROOT, name)


MIGRATIONS_DIRECTORY = _beside_or_inside("migrations")
TRANSLATIONS_DIRECTORY = _beside_or_inside("translations")


def create_app(test_config=None):
    """Build the application: configure, bind extensions, register blueprints and commands."""
    app = Flask(
        __name__,
        instance_path=os.environ.get("CONSULT_INSTANCE_PATH") or None,
        instance_relative_config=True,
    )
    _configure(app, test_config)
    _init_extensions(app)
    _register_blueprints(app)
    _register_cli(app)
    _init_queue(app)
    return app


def _init_queue(app):
    """After the blueprints: the modules they import register the jobs the queue runs."""
    from . import queue

    queue.init_app(app)


def _configure(app, test_config):
    from .config import check_config, load_config
    from .privacy import hide_client_details_from_logs

    load_config(app, test_config)
    check_config(app)
    hide_client_details_from_logs()


def _init_extensions(app):
    from . import audit, i18n, questions, security, uploads  # noqa: F401 (audit adds its model)
    from .accounts.models import load_user
    from .extensions import babel, csrf, db, login_manager, migrate
    from .ratelimit import limiter
    from .sessions import RoundSessionInterface

    db.init_app(app)
    migrate.init_app(app, db, directory=MIGRATIONS_DIRECTORY)
    babel.init_app(
        app,
        locale_selector=i18n.select_locale,
        default_translation_directories=TRANSLATIONS_DIRECTORY,
    )
    uploads.init_app(app)  # before the CSRF check, which reads the body
    csrf.init_app(app)
    login_manager.init_app(app)
    login_manager.user_loader(load_user)
    login_manager.login_view = "accounts.login"
    login_manager.login_message = None
    i18n.init_app(app)
    questions.init_app(app)
    security.init_app(app)
    app.session_interface = RoundSessionInterface()
    limiter.init_app(app)
    if app.config["PROXY_FIX_X_FOR"]:
        # Behind a reverse proxy: the client's address (only ever hashed, see ratelimit.py)
        # comes from X-Forwarded-For, trusted for this many proxies.
        from werkzeug.middleware.proxy_fix import ProxyFix

        app.wsgi_app = ProxyFix(app.wsgi_app, x_for=app.config["PROXY_FIX_X_FOR"])


def _register_blueprints(app):
    from .access_codes.views import bp as access_codes_bp
    from .accounts import admin_views  # noqa: F401 (more accounts routes)
    from .accounts.views import bp as accounts_bp
    from .codebooks.views import bp as codebooks_bp
    from .coding import brief_views, screen_views  # noqa: F401 (they join the themes blueprint)
    from .coding.views import bp as themes_bp
    from .design import block_views, page_views, preview  # noqa: F401 (more design routes)
    from .design.views import bp as design_bp
    from .errors import bp as errors_bp
    from .maintenance.views import bp as maintenance_bp
    from .respond.views import bp as respond_bp
    from .review.views import bp as review_bp
    from .staff.views import bp as staff_bp
    from .translate.views import bp as translate_bp

    for blueprint in (
        errors_bp,
        respond_bp,
        accounts_bp,
        staff_bp,
        design_bp,
        review_bp,
        translate_bp,
        access_codes_bp,
        themes_bp,
        codebooks_bp,
        maintenance_bp,
    ):
        app.register_blueprint(blueprint)


def _register_cli(app):
    from .accounts.cli import create_user_command, reset_two_factor_command, set_role_command
    from .coding.cli import themes_cli  # the codebook commands and coding's autocode
    from .demo.cli import seed_demo_command
    from .design.cli import blocks_cli, rounds_cli
    from .i18n import translate_cli
    from .maintenance.cli import backup_command, restore_command
    from .networks.cli import networks_cli
    from .queue import jobs_cli
    from .respond.cli import drafts_cli
    from .review.cli import responses_cli, results_cli

    for command in (
        create_user_command,
        set_role_command,
        reset_two_factor_command,
        seed_demo_command,
        translate_cli,
        networks_cli,
        rounds_cli,
        blocks_cli,
        drafts_cli,
        results_cli,
        responses_cli,
        themes_cli,
        jobs_cli,
        backup_command,
        restore_command,
    ):
        app.cli.add_command(command)
