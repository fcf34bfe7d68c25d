// Mapping KGX categories and predicates to labels and relationship types, and back.
#include "loader/vocabulary.h"

#include <algorithm>
#include <cctype>

#include "loader/cell_values.h"

namespace meninx::loader {

namespace {

constexpr std::string_view kBiolink = "biolink";

struct Curie {
    std::string_view prefix;  // empty when the value has no ':'
    std::string_view local;
};

Curie parse_curie(std::string_view value) {
    size_t colon = value.find(':');
    if (colon == std::string_view::npos) return {{}, value};
    return {value.substr(0, colon), value.substr(colon + 1)};
}

bool ours_or_biolink(std::string_view prefix) {
    return prefix == kBiolink || prefix == kLocalPrefix;
}

std::string upper(std::string_view s) {
    std::string out(s);
    for (char& c : out) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    return out;
}

std::string lower(std::string_view s) {
    std::string out(s);
    for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return out;
}

// "SmallMolecule": a capital letter, then letters and digits.
bool class_shape(std::string_view s) {
    if (s.empty() || !std::isupper(static_cast<unsigned char>(s[0]))) return false;
    return std::all_of(s.begin(), s.end(),
                       [](char c) { return std::isalnum(static_cast<unsigned char>(c)) != 0; });
}

// "HAS_COMPONENT": capital letters, digits and underscores, starting with a letter.
bool upper_snake_shape(std::string_view s) {
    if (s.empty() || !std::isupper(static_cast<unsigned char>(s[0]))) return false;
    return std::all_of(s.begin(), s.end(), [](char c) {
        return std::isupper(static_cast<unsigned char>(c)) || std::isdigit(c) || c == '_';
    });
}

std::string join_names(const std::vector<std::string>& names) {
    std::string out;
    for (const auto& n : names) out += (out.empty() ? "" : ", ") + n;
    return out;
}

}  // namespace

Vocabulary::Vocabulary(const catalog::Catalog* catalog, bool strict)
    : catalog_(catalog), strict_(strict && catalog != nullptr) {}

std::optional<std::string> Vocabulary::label(std::string_view category,
                                             std::string* problem) const {
    problem->clear();
    std::string value = trim(std::string(category));
    if (value.empty()) return std::nullopt;
    Curie curie = parse_curie(value);
    if (catalog_) {
        if (catalog_->is_category(value)) return value;
        if (ours_or_biolink(curie.prefix) && catalog_->is_category(curie.local)) {
            return std::string(curie.local);
        }
        if (curie.prefix == kBiolink) {
            if (curie.local == "NamedThing") return std::nullopt;
            std::vector<std::string> matches;
            for (const auto& c : catalog_->categories()) {
                if (c.curie == value) matches.push_back(c.name);
            }
            if (matches.size() == 1) return matches[0];
            if (matches.size() > 1 && strict_) {
                *problem = "ambiguous category: '" + value + "' is the Biolink class of " +
                           join_names(matches) + "; name the category (" + matches[0] + " or " +
                           std::string(kLocalPrefix) + ":" + matches[0] + ")";
                return std::nullopt;
            }
        }
        if (strict_) {
            *problem = "unknown category: '" + value + "' is not a category of the model";
            return std::nullopt;
        }
    }
    if (ours_or_biolink(curie.prefix) && !curie.local.empty()) return std::string(curie.local);
    return value;
}

std::vector<std::string> Vocabulary::with_ancestors(const std::string& label) const {
    if (catalog_ && catalog_->is_category(label)) return catalog_->ancestors(label);
    return {label};
}

std::optional<std::string> Vocabulary::type(std::string_view predicate, std::string_view original,
                                            std::string* problem) const {
    problem->clear();
    std::string original_value = trim(std::string(original));
    Curie original_curie = parse_curie(original_value);
    if (original_curie.prefix == kLocalPrefix && !original_curie.local.empty()) {
        std::string type(original_curie.local);
        if (strict_ && !catalog_->is_predicate(type)) {
            *problem =
                "unknown predicate: '" + original_value + "' is not a predicate of the model";
            return std::nullopt;
        }
        return type;
    }
    std::string value = trim(std::string(predicate));
    if (value.empty()) {
        *problem = "row shape: the edge has no predicate";
        return std::nullopt;
    }
    Curie curie = parse_curie(value);
    if (catalog_) {
        if (catalog_->is_predicate(value)) return value;
        if (ours_or_biolink(curie.prefix)) {
            if (catalog_->is_predicate(curie.local)) return std::string(curie.local);
            if (catalog_->is_predicate(upper(curie.local))) return upper(curie.local);
        }
        if (curie.prefix == kBiolink) {
            std::vector<std::string> matches;
            for (const auto& p : catalog_->predicates()) {
                if (p.curie == value) matches.push_back(p.name);
            }
            if (matches.size() == 1) return matches[0];
            if (matches.size() > 1 && strict_) {
                *problem = "ambiguous predicate: '" + value + "' is the Biolink predicate of " +
                           join_names(matches) + "; name the type (" + matches[0] +
                           ") or give original_predicate " + std::string(kLocalPrefix) + ":" +
                           matches[0];
                return std::nullopt;
            }
        }
        if (strict_) {
            *problem = "unknown predicate: '" + value + "' is not a predicate of the model";
            return std::nullopt;
        }
    }
    if (curie.prefix == kBiolink && !curie.local.empty()) return upper(curie.local);
    if (curie.prefix == kLocalPrefix && !curie.local.empty()) return std::string(curie.local);
    return value;
}

std::string Vocabulary::biolink_class(const std::string& label) const {
    if (!catalog_) return {};
    for (const auto& c : catalog_->categories()) {
        if (c.name == label) return c.curie;
    }
    return {};
}

std::string Vocabulary::biolink_predicate(const std::string& type) const {
    if (!catalog_) return {};
    for (const auto& p : catalog_->predicates()) {
        if (p.name == type) return p.curie;
    }
    return {};
}

std::vector<std::string> Vocabulary::categories(const std::vector<std::string>& labels) const {
    // Model categories first, deepest (most ancestors) first; other labels after, by name.
    std::vector<std::pair<int, std::string>> ordered;
    for (const auto& label : labels) {
        int depth = catalog_ && catalog_->is_category(label)
                        ? static_cast<int>(catalog_->ancestors(label).size())
                        : 0;
        ordered.emplace_back(-depth, label);
    }
    std::sort(ordered.begin(), ordered.end());
    std::vector<std::string> out;
    for (const auto& [depth, label] : ordered) {
        bool biolink = catalog_ && catalog_->is_category(label)
                           ? biolink_class(label) == std::string(kBiolink) + ":" + label
                           : class_shape(label);
        out.push_back((biolink ? std::string(kBiolink) : std::string(kLocalPrefix)) + ":" + label);
    }
    return out;
}

WrittenPredicate Vocabulary::predicate(const std::string& type) const {
    std::string curie = biolink_predicate(type);
    if (!curie.empty()) {
        if (curie == std::string(kBiolink) + ":" + lower(type) && upper_snake_shape(type)) {
            return {curie, ""};
        }
        return {curie, std::string(kLocalPrefix) + ":" + type};
    }
    if (upper_snake_shape(type)) return {std::string(kBiolink) + ":" + lower(type), ""};
    return {std::string(kBiolink) + ":related_to", std::string(kLocalPrefix) + ":" + type};
}

}  // namespace meninx::loader
