from flask_wtf import FlaskForm


class ButtonForm(FlaskForm):
    """An empty form for a button-only action: it carries only the CSRF token."""
