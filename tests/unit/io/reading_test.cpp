// The pieces under the importers: reading lines (LF, CRLF, gzip), typing cells, and mapping
// Biolink categories and predicates to labels and types and back.
#include "catalog/catalog.h"
#include "io_test_support.h"
#include "loader/cell_values.h"
#include "loader/line_reader.h"
#include "loader/vocabulary.h"

using namespace io_test;
using meninx::Value;
using meninx::loader::inferred_value;
using meninx::loader::LineReader;
using meninx::loader::Vocabulary;

TEST_CASE("LineReader: LF and CRLF ends, a last line without an end, gzip", "[io][reading]") {
    TempDir dir("lines");
    std::string path = dir.write("crlf.tsv", "a\tb\r\nc\td\r\n\r\nlast");
    LineReader reader(path);
    std::vector<std::string> lines;
    std::string line;
    while (reader.next(line)) lines.push_back(line);
    CHECK(lines == std::vector<std::string>{"a\tb", "c\td", "", "last"});
    CHECK(reader.line_number() == 4);
    CHECK(reader.bytes_read() == fs::file_size(path));

    std::string plain = dir.write("g.tsv", "x\r\ny\n");
    REQUIRE(std::system(("gzip -k '" + plain + "'").c_str()) == 0);
    LineReader gz(plain + ".gz");
    CHECK(gz.compressed());
    std::vector<std::string> unzipped;
    while (gz.next(line)) unzipped.push_back(line);
    CHECK(unzipped == std::vector<std::string>{"x", "y"});

    std::string corrupt = dir.write("bad.tsv.gz", "not gzip at all");
    LineReader bad(corrupt);
    CHECK_THROWS_WITH(
        [&] {
            while (bad.next(line)) {
            }
        }(),
        Catch::Contains("corrupt"));
    CHECK_THROWS_WITH(LineReader(dir.file("none.tsv")), Catch::Contains("cannot read"));
}

TEST_CASE("Cells without a model are typed by their shape", "[io][reading]") {
    auto text = [](const std::string& cell, bool list_column = false) {
        return inferred_value(cell, '|', list_column).to_cypher();
    };
    CHECK(text("42") == "42");
    CHECK(text("-7") == "-7");
    CHECK(text("007") == "'007'");
    CHECK(text("+1") == "'+1'");
    CHECK(text("80.3") == "80.3");
    CHECK(text("12.0") == "12.0");
    CHECK(text("1e-3") == "0.001");
    CHECK(text("1.") == "'1.'");
    CHECK(text("inf") == "'inf'");
    CHECK(text("NaN") == "NaN");
    CHECK(text("99999999999999999999") == "'99999999999999999999'");
    CHECK(text("true") == "true");
    CHECK(text("True") == "'True'");
    CHECK(text("a|b| c ") == "['a', 'b', 'c']");
    CHECK(text("PMID:1", true) == "['PMID:1']");
    CHECK(text("DRUGBANK:DB09330") == "'DRUGBANK:DB09330'");
}

TEST_CASE("Vocabulary with the review's model", "[io][reading]") {
    auto catalog = meninx::catalog::Catalog::from_json_file(kSource + "/schema/model.json");
    Vocabulary strict(&catalog, true);
    Vocabulary permissive(&catalog, false);
    std::string problem;
    auto label = [&](const Vocabulary& v, const std::string& category) {
        auto l = v.label(category, &problem);
        return l ? *l : "<none: " + problem + ">";
    };
    CHECK(label(strict, "Drug") == "Drug");
    CHECK(label(strict, "biolink:SmallMolecule") == "SmallMolecule");
    CHECK(label(strict, "biolink:ChemicalMixture") == "DrugCombination");  // the one mapped to it
    CHECK(label(strict, "biolink:Procedure") == "Procedure");  // the name wins over the mapping
    CHECK(label(strict, "MENINX:Regimen") == "Regimen");
    CHECK(label(strict, "biolink:NamedThing") == "<none: >");
    CHECK(label(strict, "biolink:ClinicalAttribute").find("ambiguous category") !=
          std::string::npos);
    CHECK(label(strict, "biolink:Spaceship").find("unknown category") != std::string::npos);
    CHECK(label(permissive, "biolink:Spaceship") == "Spaceship");
    CHECK(strict.with_ancestors("Antibody") == std::vector<std::string>{"Antibody", "Drug"});

    auto type = [&](const std::string& predicate, const std::string& original = "") {
        auto t = strict.type(predicate, original, &problem);
        return t ? *t : "<none: " + problem + ">";
    };
    CHECK(type("biolink:treats") == "TREATS");
    CHECK(type("TREATS") == "TREATS");
    CHECK(type("biolink:has_part") == "HAS_COMPONENT");
    CHECK(type("biolink:related_to", "MENINX:PENETRATES") == "PENETRATES");
    CHECK(type("biolink:related_to").find("ambiguous predicate") != std::string::npos);
    CHECK(type("biolink:eats").find("unknown predicate") != std::string::npos);
    CHECK(type("").find("no predicate") != std::string::npos);

    CHECK(strict.categories({"Drug", "SmallMolecule"}) ==
          std::vector<std::string>{"biolink:SmallMolecule", "biolink:Drug"});
    CHECK(strict.categories({"Antibody", "Drug"}) ==
          std::vector<std::string>{"MENINX:Antibody", "biolink:Drug"});
    CHECK(strict.predicate("TREATS").predicate == "biolink:treats");
    CHECK(strict.predicate("TREATS").original_predicate.empty());
    CHECK(strict.predicate("HAS_COMPONENT").predicate == "biolink:has_part");
    CHECK(strict.predicate("HAS_COMPONENT").original_predicate == "MENINX:HAS_COMPONENT");
}

TEST_CASE("Vocabulary without a model: prefixes dropped, names kept", "[io][reading]") {
    Vocabulary bare(nullptr, true);
    std::string problem;
    CHECK(*bare.label("biolink:Gene", &problem) == "Gene");
    CHECK(*bare.label("MENINX:Biological Process", &problem) == "Biological Process");
    CHECK(*bare.label("Compound", &problem) == "Compound");
    CHECK(*bare.label("SO:0000704", &problem) == "SO:0000704");
    CHECK(*bare.type("biolink:interacts_with", "", &problem) == "INTERACTS_WITH");
    CHECK(*bare.type("CtD", "", &problem) == "CtD");
    CHECK(*bare.type("biolink:related_to", "MENINX:CtD", &problem) == "CtD");
    CHECK(*bare.type("biolink:related_to", "RO:0002434", &problem) == "RELATED_TO");
    CHECK(bare.categories({"Gene", "Biological Process"}) ==
          std::vector<std::string>{"MENINX:Biological Process", "biolink:Gene"});
    CHECK(bare.predicate("CtD").predicate == "biolink:related_to");
    CHECK(bare.predicate("CtD").original_predicate == "MENINX:CtD");
    CHECK(bare.predicate("INTERACTS_WITH").predicate == "biolink:interacts_with");
}
