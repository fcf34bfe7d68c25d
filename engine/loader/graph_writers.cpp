// Writing nodes and relationships as KGX TSV, JSON Lines, N-Triples and Cypher.
#include "loader/graph_writers.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <nlohmann/json.hpp>
#include <set>
#include <unordered_map>

#include "common/text_escape.h"
#include "meninx/error.h"

namespace meninx::loader {

namespace {

using ordered_json = nlohmann::ordered_json;

[[noreturn]] void cannot_export(const std::string& why) {
    throw Exception(ErrorKind::Constraint, "cannot export: " + why);
}

std::string id_text(const Value& id) {
    return id.is_string() ? id.as_string() : std::to_string(id.as_int());
}

// How the rows of the files name each node: its `id` property, or "_:n<number>" when it has
// none. Duplicate ids and ids of other types cannot be written.
class NodeKeys {
  public:
    explicit NodeKeys(const GraphExtract& graph) {
        std::unordered_map<std::string, int64_t> seen;
        for (const auto& node : graph.nodes) {
            auto it = node.properties->find("id");
            if (it == node.properties->end()) {
                keys_[node.id] = Value("_:n" + std::to_string(node.id));
                continue;
            }
            const Value& id = it->second;
            if (!id.is_string() && !id.is_int()) {
                cannot_export("node " + std::to_string(node.id) + " has an id of type " +
                              std::string(type_name(id.type())) +
                              "; KGX and JSON Lines name nodes by a string or integer id");
            }
            std::string text = (id.is_string() ? "s" : "i") + id_text(id);
            auto [other, fresh] = seen.emplace(text, node.id);
            if (!fresh) {
                cannot_export("nodes " + std::to_string(other->second) + " and " +
                              std::to_string(node.id) + " both have the id '" + id_text(id) +
                              "', and KGX and JSON Lines name nodes by their id; give them "
                              "distinct ids, or export as cypher");
            }
            keys_[node.id] = id;
        }
    }
    const Value& key(int64_t node) const { return keys_.at(node); }

  private:
    std::unordered_map<int64_t, Value> keys_;
};

std::vector<std::string> sorted_keys(const std::vector<std::shared_ptr<const Map>>& maps) {
    std::set<std::string> keys;
    for (const auto& m : maps) {
        for (const auto& [k, v] : *m) keys.insert(k);
    }
    return {keys.begin(), keys.end()};
}

template <typename Element>
std::vector<std::shared_ptr<const Map>> property_maps(const std::vector<Element>& elements) {
    std::vector<std::shared_ptr<const Map>> out;
    out.reserve(elements.size());
    for (const auto& e : elements) out.push_back(e.properties);
    return out;
}

void check_reserved(const std::vector<std::string>& keys, const std::vector<std::string>& reserved,
                    const char* element) {
    for (const auto& key : keys) {
        if (std::find(reserved.begin(), reserved.end(), key) != reserved.end()) {
            cannot_export(std::string("a ") + element + " property is named '" + key +
                          "', which is a structural field of KGX; rename it, or export as cypher");
        }
    }
}

// --- values as JSON ----------------------------------------------------------------------------

ordered_json to_json(const Value& v, ExportWarnings& warnings) {
    switch (v.type()) {
        case ValueType::Null:
            return nullptr;
        case ValueType::Bool:
            return v.as_bool();
        case ValueType::Int:
            return v.as_int();
        case ValueType::Float:
            if (!std::isfinite(v.as_float())) {
                warnings.add("NaN or infinite floats written as null (JSON has no such numbers)");
                return nullptr;
            }
            return v.as_float();
        case ValueType::String:
            return v.as_string();
        case ValueType::List: {
            ordered_json out = ordered_json::array();
            for (const auto& item : v.as_list()) out.push_back(to_json(item, warnings));
            return out;
        }
        case ValueType::Map: {
            ordered_json out = ordered_json::object();
            for (const auto& [k, item] : v.as_map()) out[k] = to_json(item, warnings);
            return out;
        }
        default:
            return nullptr;
    }
}

// A relationship's evidence records as a JSON list, or null when it has none.
ordered_json evidence_json(const GraphExtract& graph, int64_t relationship,
                           ExportWarnings& warnings) {
    auto it = graph.evidence.find(relationship);
    if (it == graph.evidence.end() || it->second.empty()) return nullptr;
    ordered_json out = ordered_json::array();
    for (const auto& record : it->second) out.push_back(to_json(Value(record), warnings));
    return out;
}

ordered_json key_json(const Value& key) {
    return key.is_string() ? ordered_json(key.as_string()) : ordered_json(key.as_int());
}

// --- values as TSV cells -----------------------------------------------------------------------

std::string clean_cell(const std::string& text, ExportWarnings& warnings) {
    std::string out = text;
    for (char& c : out) {
        if (c == '\t' || c == '\n' || c == '\r') {
            c = ' ';
            warnings.add("tabs or line breaks inside TSV cells replaced by spaces");
        }
    }
    return out;
}

std::string cell(const Value& v, ExportWarnings& warnings) {
    switch (v.type()) {
        case ValueType::Null:
            return "";
        case ValueType::String:
            if (v.as_string().empty())
                warnings.add("empty strings written as empty cells (no value)");
            return clean_cell(v.as_string(), warnings);
        case ValueType::List: {
            if (v.as_list().empty()) warnings.add("empty lists written as empty cells (no value)");
            std::string out;
            bool first = true;
            for (const auto& item : v.as_list()) {
                std::string text = item.is_string() ? item.as_string() : item.to_cypher();
                if (text.find('|') != std::string::npos) {
                    warnings.add("list items containing '|' (the KGX list separator)");
                }
                out += (first ? "" : "|") + text;
                first = false;
            }
            return clean_cell(out, warnings);
        }
        case ValueType::Map:
            return clean_cell(to_json(v, warnings).dump(), warnings);
        default:
            return v.to_cypher();
    }
}

void write_row(std::ostream& out, const std::vector<std::string>& cells) {
    for (size_t i = 0; i < cells.size(); ++i) {
        if (i) out << '\t';
        out << cells[i];
    }
    out << '\n';
}

// Columns after the structural ones: `first` in that order when present, then the rest sorted.
std::vector<std::string> property_columns(std::vector<std::string> keys,
                                          const std::vector<std::string>& first) {
    std::vector<std::string> out;
    for (const auto& f : first) {
        auto it = std::find(keys.begin(), keys.end(), f);
        if (it != keys.end()) {
            out.push_back(f);
            keys.erase(it);
        }
    }
    out.insert(out.end(), keys.begin(), keys.end());
    return out;
}

bool needs_original(const GraphExtract& graph, const Vocabulary& vocabulary) {
    for (const auto& r : graph.relationships) {
        if (!vocabulary.predicate(r.type).original_predicate.empty()) return true;
    }
    return false;
}

// --- N-Triples ---------------------------------------------------------------------------------

const char* const kRdf = "http://www.w3.org/1999/02/22-rdf-syntax-ns#";
const char* const kRdfs = "http://www.w3.org/2000/01/rdf-schema#";
const char* const kXsd = "http://www.w3.org/2001/XMLSchema#";
const char* const kLocal = "urn:meninx:";

std::string iri_escape(const std::string& text) {
    static const char* hex = "0123456789ABCDEF";
    std::string out;
    for (unsigned char c : text) {
        if (c <= 0x20 ||
            std::string_view("<>\"{}|^`\\%").find(static_cast<char>(c)) != std::string_view::npos) {
            out += '%';
            out += hex[c >> 4];
            out += hex[c & 15];
        } else {
            out += static_cast<char>(c);
        }
    }
    return out;
}

std::string iri(const std::string& text) { return "<" + text + ">"; }

// Text escaped for an N-Triples string literal (between double quotes).
std::string literal_escape(const std::string& text) {
    return escape_quoted(text, '"', ControlChars::HexEscape);
}

std::string typed(const std::string& lexical, const std::string& datatype) {
    return "\"" + literal_escape(lexical) + "\"^^" + iri(datatype);
}

// The RDF literals of a value: one per list item.
std::vector<std::string> rdf_literals(const Value& v, ExportWarnings& warnings) {
    switch (v.type()) {
        case ValueType::Bool:
            return {typed(v.as_bool() ? "true" : "false", std::string(kXsd) + "boolean")};
        case ValueType::Int:
            return {typed(std::to_string(v.as_int()), std::string(kXsd) + "integer")};
        case ValueType::Float: {
            double d = v.as_float();
            std::string text = std::isnan(d)   ? "NaN"
                               : std::isinf(d) ? (d > 0 ? "INF" : "-INF")
                                               : v.to_cypher();
            return {typed(text, std::string(kXsd) + "double")};
        }
        case ValueType::String:
            return {"\"" + literal_escape(v.as_string()) + "\""};
        case ValueType::List: {
            std::vector<std::string> out;
            for (const auto& item : v.as_list()) {
                auto more = rdf_literals(item, warnings);
                out.insert(out.end(), more.begin(), more.end());
            }
            return out;
        }
        case ValueType::Map:
            return {typed(to_json(v, warnings).dump(), std::string(kRdf) + "JSON")};
        default:
            return {};
    }
}

std::string local_iri(const std::string& kind, const std::string& name) {
    return iri(kLocal + kind + ":" + iri_escape(name));
}

// --- Cypher ------------------------------------------------------------------------------------

bool plain_identifier(const std::string& s) {
    if (s.empty() || std::isdigit(static_cast<unsigned char>(s[0]))) return false;
    return std::all_of(s.begin(), s.end(), [](char c) {
        return c == '_' || std::isalnum(static_cast<unsigned char>(c));
    });
}

std::string cypher_name(const std::string& name) {
    if (plain_identifier(name)) return name;
    std::string out = "`";
    for (char c : name) out += c == '`' ? std::string("``") : std::string(1, c);
    return out + "`";
}

std::string cypher_value(const Value& v) {
    switch (v.type()) {
        case ValueType::Float: {
            double d = v.as_float();
            if (std::isnan(d)) return "0.0 / 0.0";
            if (std::isinf(d)) return d > 0 ? "1.0 / 0.0" : "-1.0 / 0.0";
            return v.to_cypher();
        }
        case ValueType::List: {
            std::string out = "[";
            bool first = true;
            for (const auto& item : v.as_list()) {
                out += (first ? "" : ", ") + cypher_value(item);
                first = false;
            }
            return out + "]";
        }
        case ValueType::Map: {
            std::string out = "{";
            bool first = true;
            for (const auto& [k, item] : v.as_map()) {
                out += (first ? "" : ", ") + cypher_name(k) + ": " + cypher_value(item);
                first = false;
            }
            return out + "}";
        }
        default:
            return v.to_cypher();
    }
}

constexpr size_t kCypherBatch = 100;

}  // namespace

std::vector<std::string> ExportWarnings::lines() const {
    std::vector<std::string> out;
    for (const auto& [what, n] : counts_) out.push_back(what + " (" + std::to_string(n) + ")");
    return out;
}

// --- KGX TSV -----------------------------------------------------------------------------------

void write_kgx_tsv(const GraphExtract& graph, const Vocabulary& vocabulary, std::ostream& nodes,
                   std::ostream& edges, ExportWarnings& warnings) {
    NodeKeys keys(graph);
    std::vector<std::string> node_keys = sorted_keys(property_maps(graph.nodes));
    node_keys.erase(std::remove(node_keys.begin(), node_keys.end(), "id"), node_keys.end());
    check_reserved(node_keys, {"category"}, "node");
    std::vector<std::string> node_columns = property_columns(node_keys, {"name", "description"});
    std::vector<std::string> header = {"id", "category"};
    header.insert(header.end(), node_columns.begin(), node_columns.end());
    write_row(nodes, header);
    for (const auto& node : graph.nodes) {
        std::vector<std::string> cells = {clean_cell(id_text(keys.key(node.id)), warnings)};
        std::string categories;
        for (const auto& c : vocabulary.categories(node.labels)) {
            categories += (categories.empty() ? "" : "|") + c;
        }
        cells.push_back(clean_cell(categories, warnings));
        for (const auto& column : node_columns) {
            auto it = node.properties->find(column);
            cells.push_back(it == node.properties->end() ? "" : cell(it->second, warnings));
        }
        write_row(nodes, cells);
    }

    std::vector<std::string> edge_keys = sorted_keys(property_maps(graph.relationships));
    check_reserved(edge_keys, {"subject", "predicate", "object", "original_predicate", "evidence"},
                   "relationship");
    bool original = needs_original(graph, vocabulary);
    header = {"subject", "predicate", "object"};
    if (original) header.push_back("original_predicate");
    header.insert(header.end(), edge_keys.begin(), edge_keys.end());
    if (!graph.evidence.empty()) header.push_back("evidence");
    write_row(edges, header);
    for (const auto& r : graph.relationships) {
        WrittenPredicate p = vocabulary.predicate(r.type);
        std::vector<std::string> cells = {clean_cell(id_text(keys.key(r.start)), warnings),
                                          p.predicate,
                                          clean_cell(id_text(keys.key(r.end)), warnings)};
        if (original) cells.push_back(clean_cell(p.original_predicate, warnings));
        for (const auto& column : edge_keys) {
            auto it = r.properties->find(column);
            cells.push_back(it == r.properties->end() ? "" : cell(it->second, warnings));
        }
        if (!graph.evidence.empty()) {
            ordered_json evidence = evidence_json(graph, r.id, warnings);
            cells.push_back(evidence.is_null() ? "" : evidence.dump());
        }
        write_row(edges, cells);
    }
}

// --- JSON Lines --------------------------------------------------------------------------------

void write_json_lines(const GraphExtract& graph, const Vocabulary& vocabulary, std::ostream& nodes,
                      std::ostream& edges, ExportWarnings& warnings) {
    NodeKeys keys(graph);
    check_reserved(sorted_keys(property_maps(graph.nodes)), {"category"}, "node");
    check_reserved(sorted_keys(property_maps(graph.relationships)),
                   {"subject", "predicate", "object", "original_predicate", "evidence"},
                   "relationship");
    for (const auto& node : graph.nodes) {
        ordered_json j = ordered_json::object();
        j["id"] = key_json(keys.key(node.id));
        j["category"] = vocabulary.categories(node.labels);
        for (const auto& [k, v] : *node.properties) {
            if (k != "id") j[k] = to_json(v, warnings);
        }
        nodes << j.dump() << '\n';
    }
    for (const auto& r : graph.relationships) {
        WrittenPredicate p = vocabulary.predicate(r.type);
        ordered_json j = ordered_json::object();
        j["subject"] = key_json(keys.key(r.start));
        j["predicate"] = p.predicate;
        j["object"] = key_json(keys.key(r.end));
        if (!p.original_predicate.empty()) j["original_predicate"] = p.original_predicate;
        for (const auto& [k, v] : *r.properties) j[k] = to_json(v, warnings);
        ordered_json evidence = evidence_json(graph, r.id, warnings);
        if (!evidence.is_null()) j["evidence"] = std::move(evidence);
        edges << j.dump() << '\n';
    }
}

// --- N-Triples ---------------------------------------------------------------------------------

std::string curie_iri(const std::string& curie) {
    static const std::vector<std::pair<std::string, std::string>> kPrefixes = {
        {"biolink", "https://w3id.org/biolink/vocab/"},
        {"CHEBI", "http://purl.obolibrary.org/obo/CHEBI_"},
        {"CHEMBL.COMPOUND", "http://identifiers.org/chembl.compound/"},
        {"CL", "http://purl.obolibrary.org/obo/CL_"},
        {"DOI", "https://doi.org/"},
        {"DOID", "http://purl.obolibrary.org/obo/DOID_"},
        {"DRUGBANK", "http://identifiers.org/drugbank/"},
        {"GO", "http://purl.obolibrary.org/obo/GO_"},
        {"HGNC", "http://identifiers.org/hgnc/"},
        {"HP", "http://purl.obolibrary.org/obo/HP_"},
        {"MESH", "http://id.nlm.nih.gov/mesh/"},
        {"MIRBASE", "http://identifiers.org/mirbase/"},
        {"MIRBASE.MATURE", "http://identifiers.org/mirbase.mature/"},
        {"MONDO", "http://purl.obolibrary.org/obo/MONDO_"},
        {"NCBIGene", "http://identifiers.org/ncbigene/"},
        {"NCBITaxon", "http://purl.obolibrary.org/obo/NCBITaxon_"},
        {"NCIT", "http://purl.obolibrary.org/obo/NCIT_"},
        {"PMCID", "http://www.ncbi.nlm.nih.gov/pmc/"},
        {"PMID", "http://www.ncbi.nlm.nih.gov/pubmed/"},
        {"RO", "http://purl.obolibrary.org/obo/RO_"},
        {"UBERON", "http://purl.obolibrary.org/obo/UBERON_"},
        {"UniProtKB", "http://purl.uniprot.org/uniprot/"},
        {"UNII", "http://identifiers.org/unii/"},
    };
    size_t colon = curie.find(':');
    if (colon != std::string::npos && colon > 0) {
        std::string prefix = curie.substr(0, colon);
        for (const auto& [p, ns] : kPrefixes) {
            if (p == prefix) return ns + iri_escape(curie.substr(colon + 1));
        }
    }
    return std::string(kLocal) + "node:" + iri_escape(curie);
}

void write_ntriples(const GraphExtract& graph, const Vocabulary& vocabulary, std::ostream& out,
                    ExportWarnings& warnings) {
    const std::string type = iri(std::string(kRdf) + "type");
    std::unordered_map<int64_t, std::string> subjects;
    std::set<std::string> labels, types;
    for (const auto& node : graph.nodes) {
        auto it = node.properties->find("id");
        bool named =
            it != node.properties->end() && (it->second.is_string() || it->second.is_int());
        subjects[node.id] = named ? iri(curie_iri(id_text(it->second)))
                                  : local_iri("node", "_:n" + std::to_string(node.id));
    }
    auto property_triples = [&](const std::string& subject, const Map& properties) {
        for (const auto& [key, value] : properties) {
            for (const auto& literal : rdf_literals(value, warnings)) {
                out << subject << ' ' << local_iri("property", key) << ' ' << literal << " .\n";
            }
        }
    };
    for (const auto& node : graph.nodes) {
        const std::string& s = subjects[node.id];
        for (const auto& label : node.labels) {
            out << s << ' ' << type << ' ' << local_iri("label", label) << " .\n";
            labels.insert(label);
        }
        auto name = node.properties->find("name");
        if (name != node.properties->end() && name->second.is_string()) {
            out << s << ' ' << iri(std::string(kRdfs) + "label") << " \""
                << literal_escape(name->second.as_string()) << "\" .\n";
        }
        property_triples(s, *node.properties);
    }
    for (const auto& r : graph.relationships) {
        std::string p = local_iri("type", r.type);
        types.insert(r.type);
        out << subjects[r.start] << ' ' << p << ' ' << subjects[r.end] << " .\n";
        auto evidence = graph.evidence.find(r.id);
        bool has_evidence = evidence != graph.evidence.end() && !evidence->second.empty();
        if (r.properties->empty() && !has_evidence) continue;
        std::string statement = local_iri("relationship", std::to_string(r.id));
        out << statement << ' ' << type << ' ' << iri(std::string(kRdf) + "Statement") << " .\n";
        out << statement << ' ' << iri(std::string(kRdf) + "subject") << ' ' << subjects[r.start]
            << " .\n";
        out << statement << ' ' << iri(std::string(kRdf) + "predicate") << ' ' << p << " .\n";
        out << statement << ' ' << iri(std::string(kRdf) + "object") << ' ' << subjects[r.end]
            << " .\n";
        property_triples(statement, *r.properties);
        if (!has_evidence) continue;
        for (const auto& record : evidence->second) {
            out << statement << ' ' << iri(std::string(kLocal) + "evidence") << ' '
                << rdf_literals(Value(record), warnings).front() << " .\n";
        }
    }
    // The local vocabulary, linked to Biolink where the model maps it.
    for (const auto& label : labels) {
        std::string curie = vocabulary.biolink_class(label);
        if (curie.empty()) continue;
        out << local_iri("label", label) << ' ' << iri(std::string(kRdfs) + "subClassOf") << ' '
            << iri(curie_iri(curie)) << " .\n";
    }
    for (const auto& t : types) {
        std::string curie = vocabulary.biolink_predicate(t);
        if (curie.empty()) continue;
        out << local_iri("type", t) << ' ' << iri(std::string(kRdfs) + "subPropertyOf") << ' '
            << iri(curie_iri(curie)) << " .\n";
    }
}

// --- Cypher ------------------------------------------------------------------------------------

void write_cypher(const GraphExtract& graph, std::ostream& out, ExportWarnings&) {
    // Nodes are found again by `id` when every node has a distinct string or integer id;
    // otherwise by a temporary property removed at the end.
    std::string match_key = "id";
    std::set<std::string> ids;
    for (const auto& node : graph.nodes) {
        auto it = node.properties->find("id");
        bool usable = it != node.properties->end() &&
                      (it->second.is_string() || it->second.is_int()) &&
                      ids.insert((it->second.is_string() ? "s" : "i") + id_text(it->second)).second;
        if (!usable) {
            match_key = "_meninx_key";
            break;
        }
    }
    auto key_of = [&](const Node& node) {
        return match_key == "id" ? node.properties->at("id") : Value("n" + std::to_string(node.id));
    };
    std::unordered_map<int64_t, const Node*> by_id;
    for (const auto& node : graph.nodes) by_id[node.id] = &node;

    out << "// A Meninx graph: " << graph.nodes.size() << " nodes, " << graph.relationships.size()
        << " relationships. Run it on an empty database:\n"
        << "//   meninx NEW.meninx -f THIS_FILE   (or, in the shell, :import THIS_FILE)\n";

    // Nodes, by labels (in the order the nodes have them).
    std::map<std::vector<std::string>, std::vector<const Node*>> by_labels;
    for (const auto& node : graph.nodes) by_labels[node.labels].push_back(&node);
    for (const auto& [labels, nodes] : by_labels) {
        std::string pattern = "n";
        for (const auto& l : labels) pattern += ":" + cypher_name(l);
        for (size_t start = 0; start < nodes.size(); start += kCypherBatch) {
            out << "UNWIND [";
            for (size_t i = start; i < std::min(nodes.size(), start + kCypherBatch); ++i) {
                Map row = *nodes[i]->properties;
                if (match_key != "id") row[match_key] = key_of(*nodes[i]);
                out << (i > start ? ", " : "") << cypher_value(Value(std::move(row)));
            }
            out << "] AS row CREATE (" << pattern << ") SET n = row;\n";
        }
    }

    // Relationships, by type.
    std::map<std::string, std::vector<const Relationship*>> by_type;
    for (const auto& r : graph.relationships) by_type[r.type].push_back(&r);
    for (const auto& [type, rels] : by_type) {
        for (size_t start = 0; start < rels.size(); start += kCypherBatch) {
            bool with_evidence = false;
            out << "UNWIND [";
            for (size_t i = start; i < std::min(rels.size(), start + kCypherBatch); ++i) {
                const Relationship& r = *rels[i];
                Map row{{"s", key_of(*by_id.at(r.start))},
                        {"o", key_of(*by_id.at(r.end))},
                        {"p", Value(*r.properties)}};
                if (auto e = graph.evidence.find(r.id); e != graph.evidence.end()) {
                    // The running user and time are recorded anew.
                    List records;
                    for (Map record : e->second) {
                        record.erase("curator");
                        record.erase("created");
                        records.push_back(Value(std::move(record)));
                    }
                    row["e"] = Value(std::move(records));
                    with_evidence = true;
                }
                out << (i > start ? ", " : "") << cypher_value(Value(std::move(row)));
            }
            out << "] AS row MATCH (a {" << cypher_name(match_key) << ": row.s}), (b {"
                << cypher_name(match_key) << ": row.o}) CREATE (a)-[r:" << cypher_name(type)
                << "]->(b) SET r = row.p";
            if (with_evidence) {
                out << " WITH r, row UNWIND row.e AS e CALL db.evidence.add(r, e) YIELD evidence "
                       "RETURN count(evidence) AS evidence_records";
            }
            out << ";\n";
        }
    }
    if (match_key != "id") {
        out << "MATCH (n) WHERE n." << match_key << " IS NOT NULL REMOVE n." << match_key << ";\n";
    }
}

}  // namespace meninx::loader
