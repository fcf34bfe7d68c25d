-- Migration 1: the triple store.
-- Terms are dictionary-encoded; statements are rows of term ids indexed in the spo, pos and osp
-- orders. Each secondary index carries the rowid (the statement id), so every lookup with a bound
-- position is a covering index seek.

CREATE TABLE term (
    id    INTEGER PRIMARY KEY,
    kind  INTEGER NOT NULL,
    value ANY
) STRICT;
-- Literal and name terms are canonical: one id per (kind, value). Nodes (kind 1) have no value
-- and are excluded, so any number of them can exist.
CREATE UNIQUE INDEX term_by_value ON term(kind, value) WHERE kind <> 1;

CREATE TABLE stmt (
    id INTEGER PRIMARY KEY,
    s  INTEGER NOT NULL,
    p  INTEGER NOT NULL,
    o  INTEGER NOT NULL
) STRICT;
CREATE INDEX stmt_spo ON stmt(s, p, o);
CREATE INDEX stmt_pos ON stmt(p, o, s);
CREATE INDEX stmt_osp ON stmt(o, s, p);

-- Reserved terms with fixed ids.
INSERT INTO term(id, kind, value) VALUES (1, 0, 'label');

-- Facts about the database itself (format, creation time, ...).
CREATE TABLE meta (
    key   TEXT PRIMARY KEY,
    value ANY
) STRICT;
