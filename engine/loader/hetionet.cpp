#include "loader/hetionet.h"

#include <string_view>
#include <unordered_map>
#include <vector>

#include "loader/line_reader.h"
#include "meninx/error.h"

namespace meninx::loader {

namespace {

std::vector<std::string_view> split_tabs(std::string_view line) {
    std::vector<std::string_view> out;
    size_t start = 0;
    while (true) {
        size_t tab = line.find('\t', start);
        out.push_back(line.substr(start, tab == std::string_view::npos ? tab : tab - start));
        if (tab == std::string_view::npos) break;
        start = tab + 1;
    }
    return out;
}

[[noreturn]] void malformed(const std::string& file, int64_t line, const std::string& what) {
    throw Exception(ErrorKind::Io, file + ":" + std::to_string(line) + ": " + what);
}

}  // namespace

LoadCounts load_hetionet(Store& store, const std::string& dir, const std::string& edges_file) {
    LoadCounts counts;
    auto bulk = store.bulk_loader();
    TermId key_id = bulk->intern(Term{TermKind::PropertyKey, Value("id")});
    TermId key_name = bulk->intern(Term{TermKind::PropertyKey, Value("name")});
    std::unordered_map<std::string, TermId> nodes;
    std::unordered_map<std::string, TermId> labels;
    std::unordered_map<std::string, TermId> types;

    std::string nodes_path = dir + "/hetionet-v1.0-nodes.tsv";
    LineReader in(nodes_path);
    std::string line;
    in.next(line);  // header
    while (in.next(line)) {
        if (line.empty()) continue;
        auto cols = split_tabs(line);
        if (cols.size() < 3) malformed(nodes_path, in.line_number(), "expected id, name and kind");
        TermId node = bulk->intern(Term{TermKind::Node, Value()});
        std::string kind(cols[2]);
        auto label = labels.find(kind);
        if (label == labels.end()) {
            label = labels.emplace(kind, bulk->intern(Term{TermKind::Label, Value(kind)})).first;
        }
        bulk->add(node, Store::kLabelPredicate, label->second);
        bulk->add(node, key_id, bulk->intern(Term{TermKind::String, Value(cols[0])}));
        bulk->add(node, key_name, bulk->intern(Term{TermKind::String, Value(cols[1])}));
        counts.statements += 3;
        nodes.emplace(std::string(cols[0]), node);
        ++counts.nodes;
    }

    std::string edges_path = dir + "/" + edges_file;
    LineReader edges(edges_path);
    edges.next(line);  // header
    while (edges.next(line)) {
        if (line.empty()) continue;
        auto cols = split_tabs(line);
        if (cols.size() < 3)
            malformed(edges_path, edges.line_number(), "expected source, metaedge, target");
        auto s = nodes.find(std::string(cols[0]));
        auto o = nodes.find(std::string(cols[2]));
        if (s == nodes.end() || o == nodes.end()) {
            malformed(edges_path, edges.line_number(),
                      "unknown node " + std::string(s == nodes.end() ? cols[0] : cols[2]));
        }
        std::string type(cols[1]);
        auto t = types.find(type);
        if (t == types.end()) {
            t = types.emplace(type, bulk->intern(Term{TermKind::RelationshipType, Value(type)}))
                    .first;
        }
        bulk->add(s->second, t->second, o->second);
        ++counts.statements;
        ++counts.edges;
    }
    bulk->commit();
    return counts;
}

}  // namespace meninx::loader
