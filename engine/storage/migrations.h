// Migrations: the schema steps of a Meninx file, schema/migrations/NNN_name.sql, embedded into
// the library at build time (migrations_data.cpp is generated from the .sql files, so a binary
// never needs the source tree). A file's schema version (PRAGMA user_version) is the number of the
// last migration applied to it.
#pragma once

#include <cstdint>
#include <vector>

namespace meninx::storage {

// PRAGMA application_id of every Meninx file: "MNNX" in ASCII.
constexpr int32_t kApplicationId = 0x4D4E4E58;

struct Migration {
    int version;       // NNN of the file name; versions run 1, 2, 3, ... without gaps
    const char* name;  // the file name without .sql
    const char* sql;   // the file's text
};

// Every migration this build knows, in version order (generated).
const std::vector<Migration>& migrations();

// The highest schema version this build knows.
int latest_schema_version();

}  // namespace meninx::storage
