"""The store's tables. One DDL, applied on creation; ``SCHEMA_VERSION`` guards upgrades.

``observations`` is keyed by (series_key, period, vintage, source): every figure
each source reported, at each release, is kept; nothing is overwritten.
"""

from __future__ import annotations

SCHEMA_VERSION = "1"

DDL = """
CREATE TABLE IF NOT EXISTS meta (key VARCHAR PRIMARY KEY, value VARCHAR);

CREATE TABLE IF NOT EXISTS series (
    series_key VARCHAR PRIMARY KEY,
    kind VARCHAR NOT NULL,
    reporter VARCHAR,
    partner VARCHAR,
    product VARCHAR NOT NULL,
    hs_code VARCHAR,
    flow VARCHAR,
    measure VARCHAR NOT NULL,
    unit VARCHAR NOT NULL,
    frequency VARCHAR NOT NULL,
    title VARCHAR NOT NULL
);

CREATE TABLE IF NOT EXISTS observations (
    obs_id BIGINT PRIMARY KEY,
    series_key VARCHAR NOT NULL,
    period VARCHAR NOT NULL,
    period_start DATE NOT NULL,
    period_end DATE NOT NULL,
    freq VARCHAR NOT NULL,
    months INTEGER NOT NULL,
    vintage DATE NOT NULL,
    vintage_estimated BOOLEAN NOT NULL,
    value DOUBLE,
    reported_mom_pct DOUBLE,
    reported_yoy_pct DOUBLE,
    reported_change_bp DOUBLE,
    obs_date DATE,
    source_title VARCHAR NOT NULL,
    source_url VARCHAR,
    source_id VARCHAR NOT NULL,
    source_rank INTEGER NOT NULL,
    flags VARCHAR NOT NULL,
    note VARCHAR NOT NULL,
    source_file VARCHAR NOT NULL,
    source_line INTEGER NOT NULL,
    extra VARCHAR NOT NULL,
    ingest_id BIGINT NOT NULL
);

CREATE TABLE IF NOT EXISTS events (
    event_id VARCHAR NOT NULL,
    announced DATE NOT NULL,
    effective DATE,
    ends DATE,
    effective_note VARCHAR NOT NULL,
    authority VARCHAR NOT NULL,
    kind VARCHAR NOT NULL,
    items VARCHAR NOT NULL,
    destinations VARCHAR NOT NULL,
    summary VARCHAR NOT NULL,
    source_title VARCHAR NOT NULL,
    source_url VARCHAR,
    vintage DATE NOT NULL,
    source_file VARCHAR NOT NULL,
    source_line INTEGER NOT NULL,
    ingest_id BIGINT NOT NULL,
    PRIMARY KEY (event_id, vintage)
);

CREATE TABLE IF NOT EXISTS polls (
    poll_date DATE,
    fixing_date DATE NOT NULL,
    respondents INTEGER,
    expect_unchanged INTEGER,
    expect_cut INTEGER,
    expected_1y_pct DOUBLE,
    expected_5y_pct DOUBLE,
    source_title VARCHAR NOT NULL,
    source_url VARCHAR,
    source_id VARCHAR NOT NULL,
    vintage DATE NOT NULL,
    vintage_estimated BOOLEAN NOT NULL,
    source_file VARCHAR NOT NULL,
    source_line INTEGER NOT NULL,
    ingest_id BIGINT NOT NULL
);

CREATE TABLE IF NOT EXISTS ingests (
    ingest_id BIGINT PRIMARY KEY,
    ingested_at TIMESTAMP NOT NULL,
    source_file VARCHAR NOT NULL,
    format VARCHAR NOT NULL,
    observations_added INTEGER NOT NULL,
    events_added INTEGER NOT NULL,
    polls_added INTEGER NOT NULL
);
"""

TABLES = ("series", "observations", "events", "polls", "ingests")
