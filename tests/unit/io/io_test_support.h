// Helpers for the import and export tests: temporary directories, the seeded database, a
// comparable description of a whole graph, and a dump of every table of a database file.
#pragma once

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>
#include <unistd.h>

#include <algorithm>
#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "loader/seed_loader.h"
#include "meninx/database.h"
#include "meninx/import_export.h"

namespace io_test {

namespace fs = std::filesystem;

inline const std::string kSource = MENINX_SOURCE_DIR;
inline const std::string kShared = MENINX_SHARED_DIR;

// A fresh directory under the temporary directory, removed with its contents at the end.
class TempDir {
  public:
    explicit TempDir(const std::string& name) {
        static int counter = 0;
        path_ =
            fs::temp_directory_path() / ("meninx-io-" + name + "-" + std::to_string(::getpid()) +
                                         "-" + std::to_string(counter++));
        fs::remove_all(path_);
        fs::create_directories(path_);
    }
    ~TempDir() {
        std::error_code ignored;
        fs::remove_all(path_, ignored);
    }
    std::string file(const std::string& name) const { return (path_ / name).string(); }
    // Writes `content` to `name` in the directory and returns its path.
    std::string write(const std::string& name, const std::string& content) const {
        std::ofstream out(file(name), std::ios::binary);
        out << content;
        return file(name);
    }

  private:
    fs::path path_;
};

inline std::string read_text(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::stringstream s;
    s << in.rdbuf();
    return s.str();
}

inline std::unique_ptr<meninx::Database> open_db(const std::string& path) {
    meninx::Error error;
    auto db = meninx::Database::open(path, {}, &error);
    INFO(error.message);
    REQUIRE(db);
    return db;
}

// The seeded review database at `path`.
inline void build_seed(const std::string& path) {
    meninx::loader::build_seed_database(kSource + "/schema/model.json", kSource + "/seed-data",
                                        path);
}

// A strict database with the review's model and no graph.
inline void build_model_only(const std::string& path) {
    meninx::loader::build_seed_database(kSource + "/schema/model.json", "", path);
}

inline meninx::QueryResult must(meninx::Database& db, const std::string& query,
                                const meninx::Map& parameters = {}) {
    meninx::QueryResult result = db.query(query, parameters);
    INFO(query);
    INFO((result.ok() ? std::string() : result.error->to_string()));
    REQUIRE(result.ok());
    return result;
}

// Every node (sorted labels and properties) and every relationship (its end nodes, type,
// properties) as text, sorted: equal for two databases holding the same graph, whatever the
// internal ids, with each relationship's evidence records. Values are written as Cypher literals,
// so 1 and 1.0, 'x' and ['x'] differ.
inline std::string node_text(const meninx::Node& n) {
    std::vector<std::string> labels = n.labels;
    std::sort(labels.begin(), labels.end());
    std::string text = "(";
    for (const auto& l : labels) text += ":" + l;
    return text + " " + meninx::Value(*n.properties).to_cypher() + ")";
}

// Evidence records are compared without their ids and, unless `authorship`, without who
// recorded them when.
inline std::vector<std::string> graph_signature(meninx::Database& db, bool authorship = true) {
    std::vector<std::string> out;
    for (const auto& row : must(db, "MATCH (n) RETURN n").rows) {
        out.push_back(node_text(row[0].as_node()));
    }
    for (const auto& row : must(db, "MATCH (a)-[r]->(b) RETURN a, r, b, evidence(r)").rows) {
        const meninx::Relationship& r = row[1].as_relationship();
        std::string evidence;
        for (const auto& record : row[3].as_list()) {
            meninx::Map fields = record.as_map();
            fields.erase("id");
            if (!authorship) {
                fields.erase("curator");
                fields.erase("created");
            }
            evidence += " " + meninx::Value(fields).to_cypher();
        }
        out.push_back(node_text(row[0].as_node()) + "-[:" + r.type + " " +
                      meninx::Value(*r.properties).to_cypher() + "]->" +
                      node_text(row[2].as_node()) + evidence);
    }
    std::sort(out.begin(), out.end());
    return out;
}

// Every row of every table of the database file, for checking that a failed import changed
// nothing.
inline std::string dump_tables(const std::string& path) {
    SQLite::Database db(path, SQLite::OPEN_READONLY);
    std::vector<std::string> tables;
    SQLite::Statement list(db, "SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name");
    while (list.executeStep()) tables.push_back(list.getColumn(0).getString());
    std::string out;
    for (const auto& table : tables) {
        out += "== " + table + "\n";
        SQLite::Statement rows(db, "SELECT * FROM \"" + table + "\"");
        std::vector<std::string> lines;
        while (rows.executeStep()) {
            std::string line;
            for (int i = 0; i < rows.getColumnCount(); ++i) {
                line += rows.getColumn(i).getString() + "\t";
            }
            lines.push_back(line);
        }
        std::sort(lines.begin(), lines.end());
        for (const auto& line : lines) out += line + "\n";
    }
    return out;
}

}  // namespace io_test
