// Running one openCypher TCK scenario against a fresh in-memory Meninx database.
//
// A TckScenario checks, before running anything, that the runner understands every step (so
// that unsupported scenarios are skipped and counted, not failed), and then executes the steps.
// It owns the database it creates; nothing is shared between scenarios.
#pragma once

#include <cstdint>
#include <string>

#include "gherkin.h"

namespace meninx::testing {

enum class TckOutcome { Passed, Failed, Skipped };

struct TckResult {
    TckOutcome outcome = TckOutcome::Skipped;
    std::string reason;  // for Failed and Skipped
};

struct TckConfig {
    std::string graphs_dir;  // holds <name>/<name>.cypher for `Given the <name> graph`
    int query_timeout_ms = 10000;
    // openCypher's `*` has no upper bound; the TCK's graphs are small, so a generous one is used.
    int64_t default_max_hops = 100;
};

// Why the runner cannot run this scenario, or an empty string when it can.
std::string tck_unsupported_reason(const ScenarioInstance& scenario);

// Runs the scenario; never throws. Call only when tck_unsupported_reason() is empty.
TckResult run_tck_scenario(const ScenarioInstance& scenario, const TckConfig& config);

}  // namespace meninx::testing
