// Reading KGX tables, mapped tables and JSON Lines into graph records.
#include "loader/record_readers.h"

#include <algorithm>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "common/json_value.h"
#include "loader/cell_values.h"
#include "meninx/error.h"
#include "storage/term_codec.h"

namespace meninx::loader {

namespace {

using catalog::Element;
using catalog::PropertyType;
using Kind = GraphRecord::Kind;
using nlohmann::json;

std::string ends_with_name(const std::string& path) {
    size_t slash = path.find_last_of('/');
    return slash == std::string::npos ? path : path.substr(slash + 1);
}

bool has_suffix(const std::string& s, const std::string& suffix) {
    return s.size() >= suffix.size() &&
           s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

[[noreturn]] void mapping_error(const std::string& path, const std::string& what) {
    throw Exception(ErrorKind::Usage, path + ": " + what);
}

std::optional<PropertyType> parse_type(const std::string& name) {
    if (name == "INTEGER") return PropertyType::Integer;
    if (name == "FLOAT") return PropertyType::Float;
    if (name == "STRING") return PropertyType::String;
    if (name == "BOOLEAN") return PropertyType::Boolean;
    if (name == "LIST<STRING>") return PropertyType::StringList;
    return std::nullopt;
}

// Reads an edge's evidence records: a JSON array of objects. Returns a problem, or "".
std::string evidence_list(const json& j, List& out) {
    if (!j.is_array() ||
        !std::all_of(j.begin(), j.end(), [](const json& r) { return r.is_object(); })) {
        return "row shape: evidence must be a list of evidence records (JSON objects)";
    }
    for (const auto& record : j) out.push_back(value_from_json(record));
    return "";
}

std::string evidence_records(const std::string& text, List& out) {
    try {
        return evidence_list(json::parse(text), out);
    } catch (const json::parse_error& e) {
        return std::string("row shape: evidence is not JSON (") + e.what() + ")";
    }
}

// A node key: a string or an integer.
bool valid_key(const Value& v) { return v.is_string() || v.is_int(); }

// --- tables ------------------------------------------------------------------------------------

enum class Role {
    Property,
    Ignore,
    Id,
    Category,
    Subject,
    Predicate,
    Object,
    OriginalPredicate,
    Evidence
};

struct Column {
    std::string header;
    Role role = Role::Property;
    std::string property;  // the property a Property column sets
    std::optional<PropertyType> declared;
    bool list_column = false;
};

// Splits one record of a table into fields. Returns false when a quoted field is still open at
// the end of `text` (the record continues on the next line). `*malformed` is set for text after
// a closing quote.
bool split_record(const std::string& text, char delimiter, bool quoted,
                  std::vector<std::string>& fields, bool* malformed) {
    fields.clear();
    *malformed = false;
    if (!quoted) {
        fields = split(text, delimiter);
        return true;
    }
    std::string field;
    size_t i = 0;
    while (true) {
        field.clear();
        if (i < text.size() && text[i] == '"') {
            ++i;
            while (true) {
                if (i >= text.size()) return false;
                if (text[i] == '"') {
                    if (i + 1 < text.size() && text[i + 1] == '"') {
                        field += '"';
                        i += 2;
                        continue;
                    }
                    ++i;
                    break;
                }
                field += text[i++];
            }
            if (i < text.size() && text[i] != delimiter) *malformed = true;
            while (i < text.size() && text[i] != delimiter) ++i;
        } else {
            while (i < text.size() && text[i] != delimiter) field += text[i++];
        }
        fields.push_back(field);
        if (i >= text.size()) return true;
        ++i;  // the delimiter
        if (i == text.size()) {
            fields.emplace_back();
            return true;
        }
    }
}

class TableReader final : public RecordReader {
  public:
    TableReader(const std::string& path, const TableMapping* mapping, const PropertyTyper& typer)
        : RecordReader(path), typer_(typer) {
        std::string plain = without_gzip_suffix(path);
        bool csv = has_suffix(plain, ".csv");
        delimiter_ = mapping && mapping->delimiter ? *mapping->delimiter : (csv ? ',' : '\t');
        quoted_ = csv && delimiter_ != '\t';
        list_separator_ = mapping ? mapping->list_separator : '|';
        std::vector<std::string> header;
        int64_t header_line = 0;
        if (!read_record(header, &header_line, true)) {
            throw Exception(ErrorKind::Io, path + ": the file is empty; a header line is needed");
        }
        for (auto& h : header) h = trim(h);
        if (mapping && !mapping->kgx_columns) {
            plan_mapped(header, *mapping);
        } else {
            plan_kgx(header, mapping);
        }
    }

    std::optional<Kind> kind() const override { return kind_; }

    bool next(GraphRecord& record) override {
        std::vector<std::string> cells;
        int64_t line = 0;
        while (true) {
            if (!read_record(cells, &line, false)) return false;
            if (!(cells.size() == 1 && trim(cells[0]).empty())) break;  // blank line
        }
        record = GraphRecord{};
        record.kind = kind_;
        record.line = line;
        if (!problem_.empty()) {
            record.problem = problem_;
            return true;
        }
        // Missing trailing cells are empty (as KGX's own reader takes them); extra ones are not.
        if (cells.size() > columns_.size()) {
            record.problem = "row shape: the row has " + std::to_string(cells.size()) +
                             " columns, the header has " + std::to_string(columns_.size());
            return true;
        }
        cells.resize(columns_.size());
        if (kind_ == Kind::Node && !fixed_category_.empty()) {
            record.categories.push_back(fixed_category_);
        }
        if (kind_ == Kind::Edge) record.predicate = fixed_predicate_;
        for (size_t i = 0; i < columns_.size() && record.problem.empty(); ++i) {
            apply(columns_[i], trim(cells[i]), record);
        }
        if (record.problem.empty()) require_structure(record);
        return true;
    }

  private:
    // Reads one record (several lines when a quoted field spans them); false at the end.
    bool read_record(std::vector<std::string>& fields, int64_t* line, bool header) {
        std::string text;
        while (true) {
            if (!lines_.next(text)) return false;
            if (header && (text.empty() || text[0] == '#')) continue;
            break;
        }
        *line = lines_.line_number();
        bool malformed = false;
        while (!split_record(text, delimiter_, quoted_, fields, &malformed)) {
            std::string more;
            if (!lines_.next(more)) {
                problem_ = "row shape: a quoted field opened on line " + std::to_string(*line) +
                           " is never closed";
                fields.clear();
                return true;
            }
            text += "\n" + more;
        }
        if (malformed) problem_once_ = "row shape: text after a closing quote";
        return true;
    }

    void plan_kgx(const std::vector<std::string>& header, const TableMapping* refinements) {
        auto has = [&](const char* name) {
            return std::find(header.begin(), header.end(), name) != header.end();
        };
        if (has("subject") && has("object")) {
            kind_ = Kind::Edge;
        } else if (has("id")) {
            kind_ = Kind::Node;
        } else {
            throw Exception(ErrorKind::Io, lines_.path() +
                                               ": the header has neither an `id` column (nodes) "
                                               "nor `subject` and `object` columns (edges); give "
                                               "a mapping file for other tables");
        }
        for (const auto& h : header) {
            Column c;
            c.header = h;
            c.property = h;
            c.list_column = is_kgx_list_column(h);
            if (kind_ == Kind::Node && h == "id") c.role = Role::Id;
            if (kind_ == Kind::Node && h == "category") c.role = Role::Category;
            if (kind_ == Kind::Edge && h == "subject") c.role = Role::Subject;
            if (kind_ == Kind::Edge && h == "predicate") c.role = Role::Predicate;
            if (kind_ == Kind::Edge && h == "object") c.role = Role::Object;
            if (kind_ == Kind::Edge && h == "original_predicate") c.role = Role::OriginalPredicate;
            if (kind_ == Kind::Edge && h == "evidence") c.role = Role::Evidence;
            if (refinements) refine(c, *refinements);
            columns_.push_back(c);
        }
    }

    // A mapping without columns of its own adjusts the KGX columns: renamed or ignored
    // properties, declared types.
    static void refine(Column& c, const TableMapping& m) {
        if (c.role != Role::Property) return;
        if (std::find(m.ignore.begin(), m.ignore.end(), c.header) != m.ignore.end()) {
            c.role = Role::Ignore;
            return;
        }
        if (auto renamed = m.properties.find(c.header); renamed != m.properties.end()) {
            c.property = renamed->second;
        } else if (!m.all_properties) {
            c.role = Role::Ignore;
            return;
        }
        if (auto type = m.types.find(c.property); type != m.types.end()) c.declared = type->second;
    }

    void plan_mapped(const std::vector<std::string>& header, const TableMapping& m) {
        kind_ = m.kind;
        fixed_category_ = m.category;
        fixed_predicate_ = m.predicate;
        auto role_of = [&](const std::string& h) {
            if (kind_ == Kind::Node) {
                if (h == m.id_column) return Role::Id;
                if (h == m.category_column) return Role::Category;
            } else {
                if (h == m.subject_column) return Role::Subject;
                if (h == m.object_column) return Role::Object;
                if (h == m.predicate_column) return Role::Predicate;
            }
            if (std::find(m.ignore.begin(), m.ignore.end(), h) != m.ignore.end()) {
                return Role::Ignore;
            }
            if (!m.all_properties && !m.properties.count(h)) return Role::Ignore;
            return Role::Property;
        };
        auto require = [&](const std::string& column, const char* key) {
            if (column.empty()) return;
            if (std::find(header.begin(), header.end(), column) == header.end()) {
                throw Exception(ErrorKind::Io, lines_.path() + ": the mapping's " + key + " '" +
                                                   column + "' is not a column of the header");
            }
        };
        require(m.id_column, "id_column");
        require(m.category_column, "category_column");
        require(m.subject_column, "subject_column");
        require(m.object_column, "object_column");
        require(m.predicate_column, "predicate_column");
        for (const auto& [column, property] : m.properties) require(column, "properties column");
        for (const auto& h : header) {
            Column c;
            c.header = h;
            c.role = role_of(h);
            auto renamed = m.properties.find(h);
            c.property = renamed != m.properties.end() ? renamed->second : h;
            auto type = m.types.find(c.property);
            if (type != m.types.end()) c.declared = type->second;
            columns_.push_back(c);
        }
    }

    // A node key from the text of an id, subject or object cell: typed like the `id` property.
    std::optional<Value> key(const std::string& text, GraphRecord& record, const char* what) {
        if (text.empty()) {
            record.problem = std::string("row shape: the row has no ") + what;
            return std::nullopt;
        }
        std::string problem;
        auto value = typer_.from_text("id", text, Element::Node, list_separator_, std::nullopt,
                                      false, &problem);
        if (!value || !valid_key(*value)) {
            record.problem = problem.empty()
                                 ? std::string("row shape: '") + text + "' cannot be a node id"
                                 : problem;
            return std::nullopt;
        }
        return value;
    }

    void apply(const Column& c, const std::string& text, GraphRecord& record) {
        switch (c.role) {
            case Role::Ignore:
                return;
            case Role::Id:
                if (auto k = key(text, record, "id")) record.id = *k;
                return;
            case Role::Subject:
                if (auto k = key(text, record, "subject")) record.subject = *k;
                return;
            case Role::Object:
                if (auto k = key(text, record, "object")) record.object = *k;
                return;
            case Role::Category:
                for (const auto& item : split(text, list_separator_)) {
                    std::string t = trim(item);
                    if (!t.empty()) record.categories.push_back(t);
                }
                return;
            case Role::Predicate:
                record.predicate = text;
                return;
            case Role::Evidence:
                if (!text.empty()) record.problem = evidence_records(text, record.evidence);
                return;
            case Role::OriginalPredicate:
                if (text.rfind("MENINX:", 0) == 0) {
                    record.original_predicate = text;
                    return;
                }
                break;
            case Role::Property:
                break;
        }
        if (text.empty()) return;
        std::string problem;
        auto element = record.kind == Kind::Node ? Element::Node : Element::Relationship;
        auto value = typer_.from_text(c.property, text, element, list_separator_, c.declared,
                                      c.list_column, &problem);
        if (!value) {
            record.problem = problem;
            return;
        }
        if (!record.properties.emplace(c.property, std::move(*value)).second) {
            record.problem = "row shape: the property '" + c.property + "' is given twice";
        }
    }

    void require_structure(GraphRecord& record) {
        if (!problem_once_.empty()) {
            record.problem = problem_once_;
            problem_once_.clear();
            return;
        }
        if (record.kind == Kind::Node && record.id.is_null()) {
            record.problem = "row shape: the row has no id";
        } else if (record.kind == Kind::Edge &&
                   (record.subject.is_null() || record.object.is_null())) {
            record.problem = "row shape: the row has no subject or object";
        }
    }

    const PropertyTyper& typer_;
    char delimiter_ = '\t';
    bool quoted_ = false;
    char list_separator_ = '|';
    Kind kind_ = Kind::Node;
    std::vector<Column> columns_;
    std::string fixed_category_;
    std::string fixed_predicate_;
    std::string problem_;       // the rest of the file cannot be read (an open quote)
    std::string problem_once_;  // the record just read is malformed
};

// --- JSON Lines --------------------------------------------------------------------------------

class JsonLinesReader final : public RecordReader {
  public:
    JsonLinesReader(const std::string& path, const PropertyTyper& typer)
        : RecordReader(path), typer_(typer) {
        std::string name = ends_with_name(path);
        if (name.find("nodes") != std::string::npos) kind_ = Kind::Node;
        if (name.find("edges") != std::string::npos) kind_ = Kind::Edge;
    }

    std::optional<Kind> kind() const override { return kind_; }

    bool next(GraphRecord& record) override {
        std::string text;
        while (true) {
            if (!lines_.next(text)) return false;
            if (!trim(text).empty()) break;
        }
        record = GraphRecord{};
        record.line = lines_.line_number();
        json object;
        try {
            object = json::parse(text);
        } catch (const json::parse_error& e) {
            record.problem = std::string("row shape: not JSON (") + e.what() + ")";
            return true;
        }
        if (!object.is_object()) {
            record.problem = "row shape: the line is not a JSON object";
            return true;
        }
        bool edge = object.contains("subject") || object.contains("object");
        record.kind = edge ? Kind::Edge : Kind::Node;
        if (kind_ && *kind_ != record.kind) {
            record.problem = std::string("row shape: an ") + (edge ? "edge" : "node") +
                             " in a file of " + (edge ? "nodes" : "edges");
            return true;
        }
        for (auto it = object.begin(); it != object.end() && record.problem.empty(); ++it) {
            member(it.key(), it.value(), record);
        }
        if (record.problem.empty()) {
            if (!edge && record.id.is_null()) record.problem = "row shape: the node has no id";
            if (edge && (record.subject.is_null() || record.object.is_null())) {
                record.problem = "row shape: the edge has no subject or object";
            }
        }
        return true;
    }

  private:
    bool key(const json& j, Value* out, GraphRecord& record, const std::string& what) {
        Value v = value_from_json(j);
        if (!valid_key(v)) {
            record.problem = "row shape: the " + what + " must be a string or an integer";
            return false;
        }
        *out = v;
        return true;
    }

    bool text(const json& j, std::string* out, GraphRecord& record, const std::string& what) {
        if (!j.is_string()) {
            record.problem = "row shape: the " + what + " must be a string";
            return false;
        }
        *out = j.get<std::string>();
        return true;
    }

    void member(const std::string& name, const json& j, GraphRecord& record) {
        bool edge = record.kind == Kind::Edge;
        if (!edge && name == "id") {
            key(j, &record.id, record, "id");
            return;
        }
        if (!edge && name == "category") {
            if (j.is_string()) {
                record.categories.push_back(j.get<std::string>());
                return;
            }
            if (j.is_array() &&
                std::all_of(j.begin(), j.end(), [](const json& c) { return c.is_string(); })) {
                for (const auto& c : j) record.categories.push_back(c.get<std::string>());
                return;
            }
            record.problem = "row shape: the category must be a string or a list of strings";
            return;
        }
        if (edge && name == "subject") {
            key(j, &record.subject, record, "subject");
            return;
        }
        if (edge && name == "object") {
            key(j, &record.object, record, "object");
            return;
        }
        if (edge && name == "predicate") {
            text(j, &record.predicate, record, "predicate");
            return;
        }
        if (edge && name == "evidence") {
            record.problem = evidence_list(j, record.evidence);
            return;
        }
        if (edge && name == "original_predicate" && j.is_string() &&
            j.get<std::string>().rfind("MENINX:", 0) == 0) {
            record.original_predicate = j.get<std::string>();
            return;
        }
        Value value = value_from_json(j);
        if (value.is_null()) return;
        std::string problem;
        auto typed = typer_.from_json(name, std::move(value),
                                      edge ? Element::Relationship : Element::Node, &problem);
        if (!typed) {
            record.problem = problem;
            return;
        }
        record.properties[name] = std::move(*typed);
    }

    const PropertyTyper& typer_;
    std::optional<Kind> kind_;
};

}  // namespace

// --- typing ------------------------------------------------------------------------------------

PropertyTyper::PropertyTyper(const catalog::Catalog* catalog, bool strict)
    : catalog_(catalog), strict_(strict && catalog != nullptr) {}

std::optional<Value> PropertyTyper::from_text(const std::string& name, const std::string& text,
                                              Element element, char list_separator,
                                              std::optional<PropertyType> declared,
                                              bool list_column, std::string* problem) const {
    const catalog::PropertyDef* def = catalog_ ? catalog_->property(name) : nullptr;
    if (def) declared = def->type;
    if (!def && strict_) {
        *problem = "model: " + *catalog_->check_property(name, Value(text), element);
        return std::nullopt;
    }
    if (declared) {
        if (auto value = typed_value(*declared, text, list_separator)) {
            return checked(name, std::move(*value), element, problem);
        }
        if (strict_ || !def) {
            *problem = "property type: '" + text + "' is not a " +
                       std::string(catalog::property_type_name(*declared)) + " for property '" +
                       name + "'";
            return std::nullopt;
        }
    }
    return checked(name, inferred_value(text, list_separator, list_column), element, problem);
}

std::optional<Value> PropertyTyper::from_json(const std::string& name, Value value, Element element,
                                              std::string* problem) const {
    const catalog::PropertyDef* def = catalog_ ? catalog_->property(name) : nullptr;
    if (def && def->type == PropertyType::Float && value.is_int()) {
        value = Value(static_cast<double>(value.as_int()));
    }
    return checked(name, std::move(value), element, problem);
}

std::optional<Value> PropertyTyper::checked(const std::string& name, Value value, Element element,
                                            std::string* problem) const {
    if (strict_) {
        if (auto why = catalog_->check_property(name, value, element)) {
            *problem = "model: " + *why;
            return std::nullopt;
        }
    }
    try {
        storage::literal_term(value);
    } catch (const Exception& e) {
        *problem = "property type: '" + name + "' cannot be stored: " + e.error().message;
        return std::nullopt;
    }
    return value;
}

// --- mapping files -----------------------------------------------------------------------------

TableMapping read_table_mapping(const std::string& path) {
    std::ifstream in(path);
    if (!in) throw Exception(ErrorKind::Io, "cannot read the mapping file " + path);
    std::stringstream text;
    text << in.rdbuf();
    json j;
    try {
        j = json::parse(text.str());
    } catch (const json::parse_error& e) {
        mapping_error(path, std::string("not JSON: ") + e.what());
    }
    if (!j.is_object()) mapping_error(path, "a mapping is a JSON object");
    TableMapping m;
    auto string_member = [&](const char* name, std::string* out) {
        if (!j.contains(name)) return;
        if (!j[name].is_string())
            mapping_error(path, std::string("\"") + name + "\" must be a string");
        *out = j[name].get<std::string>();
    };
    static const char* const kKnown[] = {
        "kind",           "delimiter",        "id_column", "category_column", "category",
        "subject_column", "predicate_column", "predicate", "object_column",   "properties",
        "ignore",         "list_separator",   "types"};
    for (auto it = j.begin(); it != j.end(); ++it) {
        if (std::find_if(std::begin(kKnown), std::end(kKnown),
                         [&](const char* k) { return it.key() == k; }) == std::end(kKnown)) {
            mapping_error(path, "unknown key \"" + it.key() +
                                    "\" (known: kind, delimiter, id_column, category_column, "
                                    "category, subject_column, predicate_column, predicate, "
                                    "object_column, properties, ignore, list_separator, types)");
        }
    }
    std::string kind, delimiter, separator;
    string_member("kind", &kind);
    string_member("delimiter", &delimiter);
    string_member("id_column", &m.id_column);
    string_member("category_column", &m.category_column);
    string_member("category", &m.category);
    string_member("subject_column", &m.subject_column);
    string_member("predicate_column", &m.predicate_column);
    string_member("predicate", &m.predicate);
    string_member("object_column", &m.object_column);
    string_member("list_separator", &separator);
    const bool structure = !m.id_column.empty() || !m.category_column.empty() ||
                           !m.category.empty() || !m.subject_column.empty() ||
                           !m.object_column.empty() || !m.predicate_column.empty() ||
                           !m.predicate.empty();
    if (kind.empty() && !structure) {
        // Only types, ignored columns, separators: a KGX table read with these refinements.
        m.kgx_columns = true;
    } else if (kind.empty()) {
        kind = m.subject_column.empty() && m.object_column.empty() ? "nodes" : "edges";
    }
    if (m.kgx_columns) {
        // The header decides between nodes and edges.
    } else if (kind == "nodes") {
        m.kind = GraphRecord::Kind::Node;
        if (m.id_column.empty()) mapping_error(path, "a nodes mapping needs \"id_column\"");
    } else if (kind == "edges") {
        m.kind = GraphRecord::Kind::Edge;
        if (m.subject_column.empty() || m.object_column.empty()) {
            mapping_error(path, "an edges mapping needs \"subject_column\" and \"object_column\"");
        }
        if (m.predicate_column.empty() == m.predicate.empty()) {
            mapping_error(path,
                          "an edges mapping needs one of \"predicate_column\" and \"predicate\"");
        }
    } else {
        mapping_error(path, "\"kind\" must be \"nodes\" or \"edges\", not \"" + kind + "\"");
    }
    if (!delimiter.empty()) {
        if (delimiter.size() != 1) mapping_error(path, "\"delimiter\" must be one character");
        m.delimiter = delimiter[0];
    }
    if (!separator.empty()) {
        if (separator.size() != 1) mapping_error(path, "\"list_separator\" must be one character");
        m.list_separator = separator[0];
    }
    if (j.contains("properties")) {
        if (!j["properties"].is_object()) {
            mapping_error(path, "\"properties\" maps column names to property names");
        }
        m.all_properties = false;
        for (auto it = j["properties"].begin(); it != j["properties"].end(); ++it) {
            if (!it.value().is_string()) {
                mapping_error(path, "\"properties\": the property for column \"" + it.key() +
                                        "\" must be a string");
            }
            m.properties[it.key()] = it.value().get<std::string>();
        }
    }
    if (j.contains("ignore")) {
        if (!j["ignore"].is_array()) mapping_error(path, "\"ignore\" is a list of column names");
        for (const auto& c : j["ignore"]) {
            if (!c.is_string()) mapping_error(path, "\"ignore\" is a list of column names");
            m.ignore.push_back(c.get<std::string>());
        }
    }
    if (j.contains("types")) {
        if (!j["types"].is_object()) mapping_error(path, "\"types\" maps property names to types");
        for (auto it = j["types"].begin(); it != j["types"].end(); ++it) {
            auto type =
                it.value().is_string() ? parse_type(it.value().get<std::string>()) : std::nullopt;
            if (!type) {
                mapping_error(path, "\"types\": the type of \"" + it.key() +
                                        "\" must be INTEGER, FLOAT, STRING, BOOLEAN or "
                                        "LIST<STRING>");
            }
            m.types[it.key()] = *type;
        }
    }
    return m;
}

std::unique_ptr<RecordReader> open_table(const std::string& path, const TableMapping* mapping,
                                         const PropertyTyper& typer) {
    return std::make_unique<TableReader>(path, mapping, typer);
}

std::unique_ptr<RecordReader> open_json_lines(const std::string& path, const PropertyTyper& typer) {
    return std::make_unique<JsonLinesReader>(path, typer);
}

}  // namespace meninx::loader
