"""Time the theme pipeline: automatic coding of N written answers (default 100,000) against
the starter codebook, and emergent themes on M of them (default 20,000), on SQLite. Prints
the median of three runs of each.

    .venv/bin/python bench/themes.py [N] [M]

The answers are the demo round's sentences in eight languages, one to three an answer, with
made-up words mixed in from a vocabulary of 20,000 a language, so that the stems are not
all known after the first thousand answers as they would be with the demo's few texts.
"""

import os
import random
import statistics
import sys
import tempfile
import time
import uuid
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from flask_migrate import upgrade  # noqa: E402
from sqlalchemy import insert, text  # noqa: E402

from consult import create_app  # noqa: E402
from consult.cellkey import KEY_RANGE  # noqa: E402
from consult.codebooks.operations import seed_starter_codebook  # noqa: E402
from consult.coding.answers import written_answers  # noqa: E402
from consult.coding.autocoding import autocode  # noqa: E402
from consult.coding.emergent import emergent_themes  # noqa: E402
from consult.coding.operations import use_codebook  # noqa: E402
from consult.demo.operations import create_demo_round, synthetic_answers  # noqa: E402
from consult.extensions import db  # noqa: E402
from consult.respond.models import Answer, Response  # noqa: E402

ANSWERS = int(sys.argv[1]) if len(sys.argv) > 1 else 100_000
EMERGENT = int(sys.argv[2]) if len(sys.argv) > 2 else 20_000
RUNS = 3
BATCH = 5_000
ALPHABETS = {
    "en": "abcdefghijklmnopqrstuvwxyz",
    "fr": "abcdefghijklmnopqrstuvwxyzéèàç",
    "es": "abcdefghijklmnopqrstuvwxyzñáéó",
    "pt": "abcdefghijklmnopqrstuvwxyzãçéõ",
    "ru": "абвгдежзийклмнопрстуфхцчшщыэюя",
    "ar": "ابتثجحخدذرزسشصضطظعغفقكلمنهوي",
    "fa": "ابپتثجچحخدذرزژسشصضطظعغفقکگلمنوهی",
    "id": "abcdefghijklmnopqrstuvwxyz",
}


def sentences_by_language():
    pool = {language: [] for language in ALPHABETS}
    for texts in synthetic_answers()["written_answers"].values():
        for language, sentences in texts.items():
            pool[language].extend(sentences)
    # Languages the demo does not write in borrow English sentences; their made-up words
    # are still their own.
    return {language: sentences or pool["en"] for language, sentences in pool.items()}


def made_up_words(rng, alphabet, count=20_000):
    return ["".join(rng.choices(alphabet, k=rng.randint(4, 10))) for _ in range(count)]


def add_written_answers(round_, count, seed=7):
    rng = random.Random(seed)
    sentences = sentences_by_language()
    vocabulary = {language: made_up_words(rng, a) for language, a in ALPHABETS.items()}
    question = next(q for q in round_.questions if q.kind == "long_text")
    languages = list(ALPHABETS)
    for start in range(0, count, BATCH):
        responses, answers = [], []
        for _ in range(min(BATCH, count - start)):
            language = rng.choice(languages)
            response_id = uuid.UUID(int=rng.getrandbits(128), version=4)
            record_key = rng.randrange(KEY_RANGE)
            words = rng.choices(vocabulary[language], k=rng.randint(0, 6))
            chosen = rng.sample(sentences[language], k=rng.randint(1, 3))
            responses.append(
                {
                    "id": response_id,
                    "round_id": round_.id,
                    "language": language,
                    "submitted_on": date(2027, 1, 1),
                    "record_key": record_key,
                }
            )
            answers.append(
                {
                    "response_id": response_id,
                    "question_id": question.id,
                    "item": 0,
                    "text": " ".join([*chosen, *words]),
                    "language": language,
                    "record_key": record_key,
                }
            )
        db.session.execute(insert(Response), responses)
        db.session.execute(insert(Answer), answers)
        db.session.commit()
    db.session.execute(text("ANALYZE"))
    db.session.commit()


def median_seconds(action):
    timings = []
    for _ in range(RUNS):
        started = time.perf_counter()
        result = action()
        timings.append(time.perf_counter() - started)
    return statistics.median(timings), result


def main():
    with tempfile.TemporaryDirectory() as folder:
        app = create_app(
            {
                "SQLALCHEMY_DATABASE_URI": f"sqlite:///{os.path.join(folder, 'bench.sqlite')}",
                "SECRET_KEY": "bench-only-key-0123456789abcdef",
            }
        )
        with app.app_context():
            upgrade()
            round_ = create_demo_round()
            use_codebook(round_, seed_starter_codebook())
            add_written_answers(round_, ANSWERS)
            seconds, coded = median_seconds(lambda: autocode(round_))
            print(
                f"automatic coding: {coded.answers:,} answers, {coded.suggested:,} themes "
                f"suggested, median {seconds:.2f} s of {RUNS} (aim: under 10 s)"
            )
            rows = db.session.execute(written_answers(round_.id).limit(EMERGENT)).all()
            answers = [((r.response_id.hex, r.question_id), r.text, r.language) for r in rows]
            seconds, found = median_seconds(lambda: emergent_themes(answers))
            print(
                f"emergent themes: {len(answers):,} answers, {len(found)} groups, "
                f"median {seconds:.2f} s of {RUNS} (aim: under 30 s)"
            )


if __name__ == "__main__":
    main()
