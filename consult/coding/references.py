"""Opaque references to written answers on reviewers' pages.

An answer is keyed by (response id, question id, item); shown as it is, the response id
would tie one member's answers to different questions together. A reference is instead
the deterministic authenticated encryption (AES-SIV) of that key under a key derived from
the app's SECRET_KEY: the same answer always has the same reference, two answers of one
response have unrelated ones, and a reference that was altered or made under another
secret does not decrypt.
"""

import base64
import binascii
import re
import struct
import uuid
from functools import lru_cache

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.ciphers.aead import AESSIV
from cryptography.hazmat.primitives.kdf.hkdf import HKDF
from flask import current_app

#: HKDF's label: the key of references is used for nothing else.
INFO = b"consult answer reference"
#: Response id (16 bytes), question id and item (4 bytes each, unsigned).
PLAIN = struct.Struct(">16sII")
#: URL-safe base64 without padding of the 16-byte tag and the 24-byte plain text.
REFERENCE = re.compile(r"[A-Za-z0-9_-]{54}")


def reference_of(response_id, question_id, item):
    """The reference of the written answer (``response_id``, ``question_id``, ``item``):
    the same every time under the same SECRET_KEY, and revealing nothing of the response."""
    plain = PLAIN.pack(uuid.UUID(str(response_id)).bytes, question_id, item)
    sealed = _cipher(_secret()).encrypt(plain, None)
    return base64.urlsafe_b64encode(sealed).rstrip(b"=").decode("ascii")


def answer_key_of(reference):
    """(response id, question id, item) of a reference made by ``reference_of`` under this
    app's SECRET_KEY, or None for anything else: malformed, altered, or made elsewhere."""
    if not isinstance(reference, str) or not REFERENCE.fullmatch(reference):
        return None
    try:
        sealed = base64.urlsafe_b64decode(reference + "==")
    except (binascii.Error, ValueError):
        return None
    # Base64's last character carries spare bits: only the one spelling we make is taken.
    if base64.urlsafe_b64encode(sealed).rstrip(b"=").decode("ascii") != reference:
        return None
    try:
        plain = _cipher(_secret()).decrypt(sealed, None)
    except InvalidTag:
        return None
    response, question_id, item = PLAIN.unpack(plain)
    return uuid.UUID(bytes=response), question_id, item


def _secret():
    secret = current_app.config["SECRET_KEY"]
    return secret if isinstance(secret, bytes) else str(secret).encode("utf-8")


@lru_cache(maxsize=8)
def _cipher(secret):
    key = HKDF(algorithm=hashes.SHA256(), length=64, salt=None, info=INFO).derive(secret)
    return AESSIV(key)
