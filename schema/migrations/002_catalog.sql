-- Migration 2: the catalog, the domain model kept as data (loaded from schema/model.json).
-- Categories are node labels with a parent; predicates are relationship types with the endpoint
-- rules writes are checked against; properties have a type and a unit. A category allows its
-- descendants wherever it is named in an endpoint rule.

CREATE TABLE catalog_category (
    name        TEXT PRIMARY KEY,
    curie       TEXT NOT NULL,
    parent      TEXT REFERENCES catalog_category(name),
    description TEXT NOT NULL DEFAULT ''
) STRICT;

CREATE TABLE catalog_predicate (
    name        TEXT PRIMARY KEY,
    curie       TEXT NOT NULL,
    description TEXT NOT NULL DEFAULT ''
) STRICT;

-- One row per (rule, subject category, object category): a relationship is allowed when its
-- endpoints match the subject and object of one rule of its predicate.
CREATE TABLE catalog_endpoint (
    predicate TEXT NOT NULL REFERENCES catalog_predicate(name),
    rule      INTEGER NOT NULL,
    side      TEXT NOT NULL CHECK (side IN ('subject', 'object')),
    category  TEXT NOT NULL REFERENCES catalog_category(name),
    PRIMARY KEY (predicate, rule, side, category)
) STRICT;

-- type is one of INTEGER, FLOAT, STRING, BOOLEAN, LIST<STRING>; applies_to is node,
-- relationship or both; allowed_values is a JSON array of permitted strings, or NULL.
CREATE TABLE catalog_property (
    name           TEXT PRIMARY KEY,
    type           TEXT NOT NULL,
    unit           TEXT NOT NULL DEFAULT '',
    applies_to     TEXT NOT NULL CHECK (applies_to IN ('node', 'relationship', 'both')),
    allowed_values TEXT,
    description    TEXT NOT NULL DEFAULT ''
) STRICT;

-- Properties every relationship (element 'relationship') or node (element 'node') must carry.
CREATE TABLE catalog_required (
    element TEXT NOT NULL CHECK (element IN ('node', 'relationship')),
    name    TEXT NOT NULL,
    PRIMARY KEY (element, name)
) STRICT;

-- The local identifier prefixes the model declares.
CREATE TABLE catalog_prefix (
    prefix      TEXT PRIMARY KEY,
    description TEXT NOT NULL DEFAULT ''
) STRICT;
