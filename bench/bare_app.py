"""The yardstick of bench/load.py: a bare Flask app whose one endpoint inserts one row, served
by the same gunicorn setup against the same database as consult.

    DATABASE_URL=... gunicorn -w 4 bench.bare_app:app
"""

import os

from flask import Flask
from sqlalchemy import Column, Integer, MetaData, String, Table, create_engine, insert

import consult.extensions  # noqa: F401 (the same SQLite settings as consult's: WAL, busy wait)

engine = create_engine(os.environ["DATABASE_URL"], pool_pre_ping=True)
metadata = MetaData()
rows = Table(
    "bench_row", metadata, Column("id", Integer, primary_key=True), Column("value", String(60))
)
app = Flask(__name__)


@app.post("/insert")
def insert_one():
    with engine.begin() as connection:
        connection.execute(insert(rows).values(value="one row"))
    return "ok"


def create_table():
    metadata.create_all(engine)
