-- Migration 5: the history of a bulk load as ranges. A load adds a contiguous run of new node ids
-- and of new statement ids, and ids are never reused, so "transaction T added every node and
-- statement with an id in these ranges" says the same as one history row per fact, at a fraction
-- of the cost: for the Hetionet sample, 290,000 history rows and their three indexes (16 MB and a
-- third of the load's time). The triple of such a statement is where it always is: in stmt while
-- it lives, and in the history row of its retraction afterwards (statements are never changed in
-- place).
--
-- storage/history.cpp reads these ranges as history rows: node n of the range is change
-- first_change + (n - first_node), statement k is change
-- first_change + (last_node - first_node + 1) + (k - first_stmt), so a load's changes keep their
-- place in the order of all changes. Those positions are reserved by one history row with op 0
-- at the end of the span (a marker, skipped by every reader), after which later changes are
-- numbered.
CREATE TABLE bulk_change (
    tx           INTEGER NOT NULL,
    first_change INTEGER NOT NULL,
    -- Node ids first_node..last_node: the terms of kind 1 among them (an empty range has
    -- last_node = first_node - 1).
    first_node   INTEGER NOT NULL,
    last_node    INTEGER NOT NULL,
    -- Statement ids first_stmt..last_stmt, all of them.
    first_stmt   INTEGER NOT NULL,
    last_stmt    INTEGER NOT NULL,
    -- How many nodes and statements the load added.
    added        INTEGER NOT NULL
) STRICT;
CREATE INDEX bulk_change_tx ON bulk_change(tx);

CREATE TRIGGER bulk_change_no_update BEFORE UPDATE ON bulk_change BEGIN
    SELECT RAISE(ABORT, 'history is append-only');
END;
CREATE TRIGGER bulk_change_no_delete BEFORE DELETE ON bulk_change BEGIN
    SELECT RAISE(ABORT, 'history is append-only');
END;
