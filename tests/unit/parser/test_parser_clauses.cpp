// Statements, clauses and patterns: the AST each construct produces.
#include <catch2/catch.hpp>

#include "parser_test_support.h"

using meninx::parser::parse;
using meninx::parser::testing::printed;
namespace ast = meninx::ast;

namespace {

const ast::Clause& first_clause(const ast::Statement& statement) {
    return statement.query.parts.at(0).clauses.at(0);
}

const ast::PatternPart& match_part(const ast::Statement& statement, size_t index = 0) {
    return first_clause(statement).pattern.parts.at(index);
}

}  // namespace

TEST_CASE("A typical query round-trips through the printer", "[parser][clause]") {
    CHECK(printed("MATCH (d:Drug)-[t:TREATS]->(x:Disease) WHERE t.orr_pct > 50 "
                  "RETURN d.name, x.name ORDER BY d.name LIMIT 10") ==
          "MATCH (d:Drug)-[t:TREATS]->(x:Disease) WHERE (> (. t orr_pct) 50) "
          "RETURN (. d name), (. x name) ORDER BY (. d name) LIMIT 10");
}

TEST_CASE("Keywords are case-insensitive and a trailing semicolon is allowed", "[parser][clause]") {
    CHECK(printed("match (n) return n;") == "MATCH (n) RETURN n");
    CHECK(printed("MaTcH (n) ReTuRn DiStInCt n") == "MATCH (n) RETURN DISTINCT n");
    CHECK(printed("RETURN 1 // a comment\n/* and\nanother */ ;") == "RETURN 1");
}

TEST_CASE("EXPLAIN and PROFILE", "[parser][clause]") {
    CHECK(parse("EXPLAIN MATCH (n) RETURN n").mode == ast::ExplainMode::Explain);
    CHECK(parse("profile RETURN 1").mode == ast::ExplainMode::Profile);
    CHECK(parse("RETURN 1").mode == ast::ExplainMode::None);
    auto statement = parse("  RETURN 1 ; ");
    CHECK(statement.text == "  RETURN 1 ; ");
}

TEST_CASE("UNION and UNION ALL", "[parser][clause]") {
    auto statement = parse("RETURN 1 AS x UNION ALL RETURN 2 AS x UNION RETURN 3 AS x");
    REQUIRE(statement.query.parts.size() == 3);
    CHECK(statement.query.union_all == std::vector<bool>{true, false});
}

TEST_CASE("MATCH and OPTIONAL MATCH with WHERE", "[parser][clause]") {
    auto statement = parse("OPTIONAL MATCH (a), (b:B) WHERE a.x = b.x RETURN a");
    const auto& clause = first_clause(statement);
    CHECK(clause.kind == ast::ClauseKind::Match);
    CHECK(clause.optional);
    CHECK(clause.pattern.parts.size() == 2);
    CHECK(ast::to_string(*clause.where) == "(= (. a x) (. b x))");
    CHECK(clause.pos.line == 1);
    CHECK(clause.pos.column == 1);
    CHECK(!first_clause(parse("MATCH (a) RETURN a")).optional);
}

TEST_CASE("Node patterns: variable, labels, properties, parameters", "[parser][pattern]") {
    auto statement = parse(
        "MATCH (n:Drug:Approved {name: 'osimertinib', line: 1}), (), ($p), (m $props) RETURN n");
    const auto& node = match_part(statement, 0).nodes.at(0);
    CHECK(node.variable == "n");
    CHECK(node.labels == std::vector<std::string>{"Drug", "Approved"});
    REQUIRE(node.properties != nullptr);
    CHECK(ast::to_string(*node.properties) == "{name: 'osimertinib', line: 1}");
    CHECK(node.pos.column == 7);
    CHECK(match_part(statement, 1).nodes.at(0).variable.empty());
    CHECK(match_part(statement, 2).nodes.at(0).variable.empty());
    CHECK(match_part(statement, 2).nodes.at(0).properties->name == "p");
    const auto& with_parameter = match_part(statement, 3).nodes.at(0);
    REQUIRE(with_parameter.properties != nullptr);
    CHECK(with_parameter.properties->kind == ast::ExprKind::Parameter);
}

TEST_CASE("Relationship directions", "[parser][pattern]") {
    auto direction = [](const char* pattern) {
        auto statement = parse(std::string("MATCH ") + pattern + " RETURN 1");
        return match_part(statement).relationships.at(0).direction;
    };
    CHECK(direction("(a)-[]->(b)") == ast::Direction::Right);
    CHECK(direction("(a)<-[]-(b)") == ast::Direction::Left);
    CHECK(direction("(a)-[]-(b)") == ast::Direction::Both);
    CHECK(direction("(a)-->(b)") == ast::Direction::Right);
    CHECK(direction("(a)<--(b)") == ast::Direction::Left);
    CHECK(direction("(a)--(b)") == ast::Direction::Both);
    CHECK(direction("(a)<-[r]->(b)") == ast::Direction::Both);
}

TEST_CASE("Relationship details: variable, type alternatives, properties", "[parser][pattern]") {
    auto statement = parse("MATCH (a)-[r:A|B|:C {k: 'v'}]->(b) RETURN r");
    const auto& rel = match_part(statement).relationships.at(0);
    CHECK(rel.variable == "r");
    CHECK(rel.types == std::vector<std::string>{"A", "B", "C"});
    CHECK(!rel.variable_length);
    REQUIRE(rel.properties != nullptr);
    CHECK(ast::to_string(*rel.properties) == "{k: 'v'}");
    CHECK(rel.pos.column == 10);
    CHECK(match_part(statement).nodes.size() == 2);
}

TEST_CASE("Variable-length relationships", "[parser][pattern]") {
    auto hops = [](const char* range) {
        auto statement = parse(std::string("MATCH (a)-[") + range + "]->(b) RETURN b");
        return match_part(statement).relationships.at(0);
    };
    auto any = hops("*");
    CHECK(any.variable_length);
    CHECK(!any.min_hops.has_value());
    CHECK(!any.max_hops.has_value());
    auto exact = hops("*2");
    CHECK(exact.min_hops == 2);
    CHECK(exact.max_hops == 2);
    auto range = hops("*1..3");
    CHECK(range.min_hops == 1);
    CHECK(range.max_hops == 3);
    auto up_to = hops("*..4");
    CHECK(!up_to.min_hops.has_value());
    CHECK(up_to.max_hops == 4);
    auto from = hops("*2..");
    CHECK(from.min_hops == 2);
    CHECK(!from.max_hops.has_value());
    auto typed = hops("r:KNOWS*1..2 {since: 2020}");
    CHECK(typed.variable == "r");
    CHECK(typed.types == std::vector<std::string>{"KNOWS"});
    CHECK(typed.min_hops == 1);
    CHECK(typed.properties != nullptr);
    CHECK(hops("* 1 .. 3").max_hops == 3);
}

TEST_CASE("Named paths and shortest paths", "[parser][pattern]") {
    auto statement = parse(
        "MATCH p = (a)-->(b), q = shortestPath((a)-[*..5]-(c)), "
        "allShortestPaths((a)-[:X*]->(d)) RETURN p");
    CHECK(match_part(statement, 0).path_variable == "p");
    CHECK(match_part(statement, 0).function == ast::PathFunction::None);
    CHECK(match_part(statement, 1).path_variable == "q");
    CHECK(match_part(statement, 1).function == ast::PathFunction::ShortestPath);
    CHECK(match_part(statement, 2).path_variable.empty());
    CHECK(match_part(statement, 2).function == ast::PathFunction::AllShortestPaths);
    CHECK(ast::to_string(match_part(statement, 1)) == "q = shortestPath((a)-[*..5]-(c))");
}

TEST_CASE("Long chains alternate nodes and relationships", "[parser][pattern]") {
    auto statement = parse("MATCH (a)-[:R]->(b)<-[:S]-(c)--(d) RETURN a");
    const auto& part = match_part(statement);
    CHECK(part.nodes.size() == 4);
    CHECK(part.relationships.size() == 3);
    CHECK(part.nodes[3].variable == "d");
    CHECK(part.relationships[1].types == std::vector<std::string>{"S"});
    CHECK(printed("MATCH ((a)-->(b)) RETURN a") == "MATCH (a)-->(b) RETURN a");
}

TEST_CASE("UNWIND", "[parser][clause]") {
    auto statement = parse("UNWIND [1, 2] AS x RETURN x");
    const auto& clause = first_clause(statement);
    CHECK(clause.kind == ast::ClauseKind::Unwind);
    CHECK(clause.alias == "x");
    CHECK(ast::to_string(*clause.expression) == "[1, 2]");
}

TEST_CASE("WITH: DISTINCT, star, aliases, ORDER BY, SKIP, LIMIT, WHERE", "[parser][clause]") {
    auto statement = parse(
        "MATCH (n) WITH DISTINCT *, n.x AS x ORDER BY x DESC, n.y ASC "
        "SKIP 1 LIMIT $l WHERE x > 1 RETURN x");
    const auto& with = statement.query.parts[0].clauses[1];
    CHECK(with.kind == ast::ClauseKind::With);
    const auto& projection = with.projection;
    CHECK(projection.distinct);
    CHECK(projection.star);
    REQUIRE(projection.items.size() == 1);
    CHECK(projection.items[0].alias == "x");
    REQUIRE(projection.order_by.size() == 2);
    CHECK(projection.order_by[0].descending);
    CHECK(!projection.order_by[1].descending);
    CHECK(ast::to_string(*projection.skip) == "1");
    CHECK(ast::to_string(*projection.limit) == "$l");
    CHECK(ast::to_string(*projection.where) == "(> x 1)");
    CHECK(parse("RETURN 1 AS a ORDER BY a DESCENDING")
              .query.parts[0]
              .clauses[0]
              .projection.order_by[0]
              .descending);
}

TEST_CASE("RETURN: star, aliases and column names", "[parser][clause]") {
    auto statement = parse("MATCH (n) RETURN *, n.name AS name, toUpper(n.name), n.age + 1");
    const auto& projection = statement.query.parts[0].clauses[1].projection;
    CHECK(projection.star);
    REQUIRE(projection.items.size() == 3);
    CHECK(projection.items[0].alias == "name");
    CHECK(projection.items[1].alias == "toUpper(n.name)");
    CHECK(projection.items[2].alias == "n.age + 1");
    CHECK(parse("RETURN 1 AS `my column`").query.parts[0].clauses[0].projection.items[0].alias ==
          "my column");
}

TEST_CASE("CREATE", "[parser][clause]") {
    CHECK(printed("CREATE (a:Drug {name: 'x'})-[:TREATS {orr_pct: 77.5}]->(b:Disease), (c)") ==
          "CREATE (a:Drug {name: 'x'})-[:TREATS {orr_pct: 77.5}]->(b:Disease), (c)");
}

TEST_CASE("MERGE with ON CREATE SET and ON MATCH SET", "[parser][clause]") {
    auto statement = parse(
        "MERGE (n:X {id: 1}) ON CREATE SET n.a = 1, n += {b: 2} "
        "ON MATCH SET n:Y:Z ON MATCH SET n = {c: 3}");
    const auto& clause = first_clause(statement);
    CHECK(clause.kind == ast::ClauseKind::Merge);
    REQUIRE(clause.pattern.parts.size() == 1);
    REQUIRE(clause.on_create.size() == 2);
    CHECK(clause.on_create[0].kind == ast::SetItemKind::Property);
    CHECK(clause.on_create[1].kind == ast::SetItemKind::Merge);
    REQUIRE(clause.on_match.size() == 2);
    CHECK(clause.on_match[0].kind == ast::SetItemKind::Labels);
    CHECK(clause.on_match[0].labels == std::vector<std::string>{"Y", "Z"});
    CHECK(clause.on_match[1].kind == ast::SetItemKind::Replace);
}

TEST_CASE("SET items of every kind", "[parser][clause]") {
    auto statement = parse("MATCH (n) SET n.p = 1, n = {a: 1}, n += {b: 2}, n:L:M, (n).q = 2");
    const auto& items = statement.query.parts[0].clauses[1].set_items;
    REQUIRE(items.size() == 5);
    CHECK(items[0].kind == ast::SetItemKind::Property);
    CHECK(items[0].target->kind == ast::ExprKind::Property);
    CHECK(items[0].target->name == "p");
    CHECK(ast::to_string(*items[0].value) == "1");
    CHECK(items[1].kind == ast::SetItemKind::Replace);
    CHECK(items[1].target->kind == ast::ExprKind::Variable);
    CHECK(items[2].kind == ast::SetItemKind::Merge);
    CHECK(items[3].kind == ast::SetItemKind::Labels);
    CHECK(items[3].labels == std::vector<std::string>{"L", "M"});
    CHECK(items[3].value == nullptr);
    CHECK(ast::to_string(*items[4].target) == "(. n q)");
    CHECK(items[1].pos.column == 24);
}

TEST_CASE("REMOVE and DELETE", "[parser][clause]") {
    auto statement = parse("MATCH (n)-[r]->() REMOVE n.p, n:L:M DELETE r DETACH DELETE n, [n][0]");
    const auto& clauses = statement.query.parts[0].clauses;
    REQUIRE(clauses.size() == 4);
    const auto& remove = clauses[1].remove_items;
    REQUIRE(remove.size() == 2);
    CHECK(remove[0].kind == ast::RemoveItemKind::Property);
    CHECK(ast::to_string(*remove[0].target) == "(. n p)");
    CHECK(remove[1].kind == ast::RemoveItemKind::Labels);
    CHECK(remove[1].labels == std::vector<std::string>{"L", "M"});
    CHECK(!clauses[2].detach);
    CHECK(clauses[3].detach);
    CHECK(clauses[3].delete_expressions.size() == 2);
}

TEST_CASE("CALL with arguments, YIELD and WHERE; standalone CALL", "[parser][clause]") {
    auto statement =
        parse("CALL db.labels() YIELD label AS l, count WHERE l STARTS WITH 'A' RETURN l");
    const auto& call = first_clause(statement);
    CHECK(call.kind == ast::ClauseKind::Call);
    CHECK(call.procedure == "db.labels");
    CHECK(call.arguments.empty());
    CHECK(!call.implicit_arguments);
    REQUIRE(call.yield_items.size() == 2);
    CHECK(call.yield_items[0].field == "label");
    CHECK(call.yield_items[0].alias == "l");
    CHECK(call.yield_items[1].field == "count");
    CHECK(call.yield_items[1].alias == "count");
    CHECK(ast::to_string(*call.where) == "(starts_with l 'A')");

    auto bare = first_clause(parse("CALL test.my.proc"));
    CHECK(bare.procedure == "test.my.proc");
    CHECK(bare.implicit_arguments);
    auto with_arguments = first_clause(parse("CALL test.proc('a', 1 + 2) YIELD *"));
    CHECK(with_arguments.arguments.size() == 2);
    CHECK(with_arguments.yield_star);
    CHECK(first_clause(parse("CALL proc()")).procedure == "proc");
}

TEST_CASE("Reserved words serve as labels, types and property keys", "[parser][clause]") {
    CHECK(printed("MATCH (n:Match)-[:WHERE]->(m:Return) RETURN n.return, m.order") ==
          "MATCH (n:Match)-[:WHERE]->(m:Return) RETURN (. n return), (. m order)");
}

TEST_CASE("Keywords that cannot start a clause serve as variable names", "[parser][clause]") {
    CHECK(printed("MATCH (start)-[r]->(end) RETURN start, end ORDER BY end DESC") ==
          "MATCH (start)-[r]->(end) RETURN start, end ORDER BY end DESC");
    CHECK(printed("UNWIND [1] AS desc RETURN desc AS asc ORDER BY asc") ==
          "UNWIND [1] AS desc RETURN desc AS asc ORDER BY asc");
    CHECK(printed("RETURN CASE WHEN true THEN 1 END AS end") ==
          "RETURN (case (when true 1)) AS end");
    CHECK(printed("MATCH (é:Größe) RETURN é.naïve") == "MATCH (é:Größe) RETURN (. é naïve)");
}

TEST_CASE("Clauses, pattern parts, nodes and relationships record their positions",
          "[parser][pattern]") {
    auto statement = parse("MATCH p = (a)\n  -[r]->(b)\nWITH a\nREMOVE a.x\nRETURN a");
    const auto& clauses = statement.query.parts[0].clauses;
    CHECK(clauses[0].pos.line == 1);
    const auto& part = clauses[0].pattern.parts[0];
    CHECK(part.pos.column == 7);
    CHECK(part.nodes[0].pos.column == 11);
    CHECK(part.relationships[0].pos.line == 2);
    CHECK(part.relationships[0].pos.column == 3);
    CHECK(part.nodes[1].pos.line == 2);
    CHECK(part.nodes[1].pos.column == 9);
    CHECK(clauses[1].pos.line == 3);
    CHECK(clauses[2].pos.line == 4);
    CHECK(clauses[2].remove_items[0].pos.column == 8);
    CHECK(clauses[3].pos.line == 5);
}
