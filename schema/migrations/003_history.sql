-- Migration 3: history. Every committed change of the graph is kept: who made it, when, what
-- caused it, and the statements it added and retracted. The live tables keep only current facts;
-- history is a separate, append-only record filled by triggers, so every write path (Cypher, the
-- bulk loader, imports) is recorded without having to remember to.

-- Ids are never reused, so that a statement id or node id in history always means the same thing.
-- SQLite hands out max(rowid)+1 for a plain INTEGER PRIMARY KEY, which would give a retracted
-- statement's id (or a deleted node's) to the next insert; AUTOINCREMENT never does. The two
-- tables are rebuilt with it (their rows and ids are kept).
CREATE TABLE term_v3 (
    id    INTEGER PRIMARY KEY AUTOINCREMENT,
    kind  INTEGER NOT NULL,
    value ANY
) STRICT;
INSERT INTO term_v3(id, kind, value) SELECT id, kind, value FROM term ORDER BY id;
DROP TABLE term;
ALTER TABLE term_v3 RENAME TO term;
CREATE UNIQUE INDEX term_by_value ON term(kind, value) WHERE kind <> 1;

CREATE TABLE stmt_v3 (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    s  INTEGER NOT NULL,
    p  INTEGER NOT NULL,
    o  INTEGER NOT NULL
) STRICT;
INSERT INTO stmt_v3(id, s, p, o) SELECT id, s, p, o FROM stmt ORDER BY id;
DROP TABLE stmt;
ALTER TABLE stmt_v3 RENAME TO stmt;
CREATE INDEX stmt_spo ON stmt(s, p, o);
CREATE INDEX stmt_pos ON stmt(p, o, s);
CREATE INDEX stmt_osp ON stmt(o, s, p);

-- One row per committed transaction that changed the graph. The store inserts the row when a
-- write transaction begins (time NULL: open) and, at commit, sets the time and the counts, or
-- deletes the row when nothing changed. A rolled-back transaction takes its row with it.
CREATE TABLE tx (
    id        INTEGER PRIMARY KEY,
    user      TEXT NOT NULL,
    -- UTC commit time, 'YYYY-MM-DDTHH:MM:SS.sssZ'; NULL while the transaction is open.
    time      TEXT,
    -- What caused the changes: the Cypher statements that changed something (separated by
    -- ";\n"), or 'seed', 'import FILE', ...
    text      TEXT NOT NULL DEFAULT '',
    -- The transaction this one undid, if it was an undo.
    undo_of   INTEGER REFERENCES tx(id),
    added     INTEGER NOT NULL DEFAULT 0,
    retracted INTEGER NOT NULL DEFAULT 0,
    -- Its rows of `history`: ids first_change..last_change. A transaction's changes are
    -- contiguous, since one writer at a time appends them; this range replaces an index on
    -- history(tx).
    first_change INTEGER NOT NULL DEFAULT 0,
    last_change  INTEGER NOT NULL DEFAULT 0
) STRICT;
-- At most one transaction is open at a time (SQLite has one writer); triggers find it here.
CREATE UNIQUE INDEX tx_open ON tx((time IS NULL)) WHERE time IS NULL;
CREATE INDEX tx_time ON tx(time);

-- One row per change, in the order they happened (the id). A statement row keeps the whole triple, so
-- any change can be shown and reversed after the statement has left `stmt`. A node's own
-- existence (a Node term added or deleted) is a row with stmt 0, s the node, p and o 0.
CREATE TABLE history (
    id   INTEGER PRIMARY KEY,
    tx   INTEGER NOT NULL,
    op   INTEGER NOT NULL,  -- 1 added, -1 retracted
    stmt INTEGER NOT NULL,
    s    INTEGER NOT NULL,
    p    INTEGER NOT NULL,
    o    INTEGER NOT NULL
) STRICT;

-- Facts present before history existed (a file made by an older Meninx) become the first
-- transaction, so every fact has a history and time travel starts from a complete graph.
INSERT INTO tx(id, user, time, text, added)
SELECT 1, '', strftime('%Y-%m-%dT%H:%M:%fZ', 'now'),
       'facts present before history was recorded (upgrade to schema version 3)',
       (SELECT count(*) FROM term WHERE kind = 1) + (SELECT count(*) FROM stmt)
WHERE EXISTS (SELECT 1 FROM term WHERE kind = 1) OR EXISTS (SELECT 1 FROM stmt);
INSERT INTO history(tx, op, stmt, s, p, o)
SELECT 1, 1, 0, id, 0, 0 FROM term WHERE kind = 1 AND EXISTS (SELECT 1 FROM tx) ORDER BY id;
INSERT INTO history(tx, op, stmt, s, p, o)
SELECT 1, 1, id, s, p, o FROM stmt WHERE EXISTS (SELECT 1 FROM tx) ORDER BY id;
UPDATE tx SET first_change = 1, last_change = (SELECT max(id) FROM history) WHERE id = 1;

-- The history of a relationship (by statement id) and of a node (by subject, and by object for
-- the relationships that end at it).
CREATE INDEX history_stmt ON history(stmt);
CREATE INDEX history_s ON history(s);
CREATE INDEX history_o ON history(o);

-- Recording. A change outside an open Meninx transaction (another SQLite client) is refused
-- rather than recorded without an author.
CREATE TRIGGER history_stmt_added AFTER INSERT ON stmt BEGIN
    INSERT INTO history(tx, op, stmt, s, p, o) VALUES (
        coalesce((SELECT id FROM tx WHERE time IS NULL),
                 RAISE(ABORT, 'the graph is changed only through Meninx, which records history')),
        1, NEW.id, NEW.s, NEW.p, NEW.o);
END;
CREATE TRIGGER history_stmt_retracted AFTER DELETE ON stmt BEGIN
    INSERT INTO history(tx, op, stmt, s, p, o) VALUES (
        coalesce((SELECT id FROM tx WHERE time IS NULL),
                 RAISE(ABORT, 'the graph is changed only through Meninx, which records history')),
        -1, OLD.id, OLD.s, OLD.p, OLD.o);
END;
CREATE TRIGGER history_node_added AFTER INSERT ON term WHEN NEW.kind = 1 BEGIN
    INSERT INTO history(tx, op, stmt, s, p, o) VALUES (
        coalesce((SELECT id FROM tx WHERE time IS NULL),
                 RAISE(ABORT, 'the graph is changed only through Meninx, which records history')),
        1, 0, NEW.id, 0, 0);
END;
CREATE TRIGGER history_node_retracted AFTER DELETE ON term WHEN OLD.kind = 1 BEGIN
    INSERT INTO history(tx, op, stmt, s, p, o) VALUES (
        coalesce((SELECT id FROM tx WHERE time IS NULL),
                 RAISE(ABORT, 'the graph is changed only through Meninx, which records history')),
        -1, 0, OLD.id, 0, 0);
END;

-- What history relies on: statements and terms are never changed in place, names and literals
-- are never deleted (history rows refer to them), and history and committed transactions are
-- never rewritten.
CREATE TRIGGER stmt_no_update BEFORE UPDATE ON stmt BEGIN
    SELECT RAISE(ABORT, 'statements are never changed in place; retract and add instead');
END;
CREATE TRIGGER term_no_update BEFORE UPDATE ON term BEGIN
    SELECT RAISE(ABORT, 'terms are never changed in place');
END;
CREATE TRIGGER term_kept BEFORE DELETE ON term WHEN OLD.kind <> 1 BEGIN
    SELECT RAISE(ABORT, 'names and literals are never deleted: history refers to them');
END;
CREATE TRIGGER history_no_update BEFORE UPDATE ON history BEGIN
    SELECT RAISE(ABORT, 'history is append-only');
END;
CREATE TRIGGER history_no_delete BEFORE DELETE ON history BEGIN
    SELECT RAISE(ABORT, 'history is append-only');
END;
CREATE TRIGGER tx_committed_no_update BEFORE UPDATE ON tx WHEN OLD.time IS NOT NULL BEGIN
    SELECT RAISE(ABORT, 'a committed transaction is never rewritten');
END;
CREATE TRIGGER tx_committed_no_delete BEFORE DELETE ON tx WHEN OLD.time IS NOT NULL BEGIN
    SELECT RAISE(ABORT, 'a committed transaction is never deleted');
END;
