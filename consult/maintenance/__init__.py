"""Keeping the data safe and keeping only what is needed: backups and restores of the
database (``flask backup``, ``flask restore``) and the deletion of a closed round's
responses for good (retention)."""
