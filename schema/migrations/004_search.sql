-- Migration 4: full-text search over what nodes are called (the db.search procedure).
-- node_search holds one row per node property statement whose key is id, name, synonyms, xrefs
-- or description, with the statement id as rowid; the text goes to the column of its key (id
-- and xrefs both to identifiers) so that ranking can weigh a name above a description. Lists
-- (synonyms, xrefs) are indexed as their elements joined by spaces. Case and accents are
-- ignored; punctuation separates tokens (DRUGBANK:DB09330 is drugbank db09330).
--
-- Triggers on stmt keep the index in step with every write path (Cypher, the bulk loader,
-- imports), so that no writer has to know about it. They need the statement's terms to exist
-- when the statement is inserted; terms are never deleted, and statements are never changed in
-- place (a new value is a new statement).

CREATE VIRTUAL TABLE node_search USING fts5(
    name, synonyms, identifiers, description,
    tokenize = 'unicode61 remove_diacritics 2'
);

-- The index rows that the statements in stmt call for (also what the back-fill below reads).
CREATE VIEW node_search_source(id, name, synonyms, identifiers, description) AS
SELECT st.id,
       CASE WHEN k.value = 'name' THEN x.text END,
       CASE WHEN k.value = 'synonyms' THEN x.text END,
       CASE WHEN k.value IN ('id', 'xrefs') THEN x.text END,
       CASE WHEN k.value = 'description' THEN x.text END
FROM stmt AS st
JOIN term AS k ON k.id = st.p
JOIN (SELECT o.id,
             CASE WHEN o.kind = 14
                  THEN (SELECT group_concat(j.value, ' ') FROM json_each(o.value) AS j)
                  ELSE CAST(o.value AS TEXT) END AS text
      FROM term AS o) AS x ON x.id = st.o
WHERE st.s > 0 AND k.kind = 4 AND k.value IN ('id', 'name', 'synonyms', 'xrefs', 'description');

-- Only property statements (the predicate is a property key) of nodes (positive subjects) can
-- be indexed; labels, relationships and relationship properties are skipped at once.
CREATE TRIGGER node_search_insert AFTER INSERT ON stmt
WHEN NEW.s > 0 AND (SELECT kind = 4 FROM term WHERE id = NEW.p)
BEGIN
    INSERT INTO node_search(rowid, name, synonyms, identifiers, description)
    SELECT * FROM node_search_source WHERE id = NEW.id;
END;

CREATE TRIGGER node_search_delete AFTER DELETE ON stmt
WHEN OLD.s > 0 AND (SELECT kind = 4 FROM term WHERE id = OLD.p)
BEGIN
    DELETE FROM node_search WHERE rowid = OLD.id;
END;

-- Row by row, the insert trigger would make bulk loads of many names about twice as slow (the
-- Hetionet sample: 94,000 indexed statements). A bulk load (storage/bulk_loader.cpp) drops the
-- triggers listed here for the load and, at commit, runs each one's catch_up once, with ?1 the
-- first statement id of the load, then creates the trigger again.
CREATE TABLE bulk_deferred_trigger (
    name     TEXT PRIMARY KEY,
    catch_up TEXT NOT NULL
) STRICT;
INSERT INTO bulk_deferred_trigger(name, catch_up) VALUES (
    'node_search_insert',
    'INSERT INTO node_search(rowid, name, synonyms, identifiers, description) ' ||
    'SELECT * FROM node_search_source WHERE id >= ?1');

-- A database written before this migration: index what it already holds.
INSERT INTO node_search(rowid, name, synonyms, identifiers, description)
SELECT * FROM node_search_source;
