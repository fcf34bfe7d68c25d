// The numbers of the review's facts (F01..F47 of the fact inventory), as the seed data must state
// them: per fact, the relationship property, its exact value and its unit. Ranges appear as their
// two ends; nothing is rounded.
#pragma once

#include <string>
#include <vector>

struct ExpectedNumber {
    std::string fact_id;
    std::string property;
    double value;
    std::string unit;
};

inline const std::vector<ExpectedNumber>& expected_numbers() {
    static const std::vector<ExpectedNumber> numbers = {
        {"F01", "incidence_pct_min", 3, "%"},
        {"F01", "incidence_pct_max", 5, "%"},
        {"F02", "median_survival_weeks_min", 4, "weeks"},
        {"F02", "median_survival_weeks_max", 6, "weeks"},
        {"F12", "positive_first_test_pct", 50, "%"},
        {"F12", "positive_second_test_pct_min", 75, "%"},
        {"F12", "positive_second_test_pct_max", 85, "%"},
        {"F12", "persistent_negative_pct", 10, "%"},
        {"F13", "sensitivity_pct_min", 66, "%"},
        {"F13", "sensitivity_pct_max", 98, "%"},
        {"F13", "specificity_pct_min", 77, "%"},
        {"F13", "specificity_pct_max", 97, "%"},
        {"F13", "false_negative_pct_min", 20, "%"},
        {"F13", "false_negative_pct_max", 30, "%"},
        {"F14", "frequency_pct", 98, "%"},
        {"F14", "frequency_pct", 82, "%"},
        {"F14", "frequency_pct", 56, "%"},
        {"F14", "frequency_pct", 15, "%"},
        {"F15", "sensitivity_pct", 100, "%"},
        {"F15", "study_count", 2, ""},
        {"F16", "threshold_ctc_per_ml", 1, "CTC per mL"},
        {"F16", "sensitivity_pct", 93, "%"},
        {"F16", "specificity_pct", 95, "%"},
        {"F17", "death_risk_increase_pct_per_ctc_per_ml", 1, "% per CTC/mL"},
        {"F17", "threshold_ctc_per_3ml", 61, "CTC per 3 mL"},
        {"F17", "death_risk_ratio", 2.84, "ratio"},
        {"F23", "comparator_median_os_months", 4.0, "months"},
        {"F23", "median_os_months", 13.7, "months"},
        {"F25", "dose_mg", 50, "mg"},
        {"F25", "orr_pct", 80.3, "%"},
        {"F25", "median_os_months", 12, "months"},
        {"F25", "grade3_ae_pct", 12.9, "%"},
        {"F28", "csf_plasma_ratio_pct", 22, "%"},
        {"F28", "generation", 3, ""},
        {"F29", "dose_mg", 80, "mg"},
        {"F29", "orr_pct_min", 51.6, "%"},
        {"F29", "orr_pct_max", 53, "%"},
        {"F29", "median_os_months_min", 10.5, "months"},
        {"F29", "median_os_months_max", 15, "months"},
        {"F30", "dose_mg", 160, "mg"},
        {"F30", "orr_pct", 68.9, "%"},
        {"F30", "median_os_months", 15, "months"},
        {"F31", "clinical_benefit_rate_pct", 60, "%"},
        {"F31", "os_gain_months", 3.4, "months"},
        {"F34", "csf_plasma_ratio", 0.77, "ratio"},
        {"F34", "intracranial_dcr_pct", 95, "%"},
        {"F35", "agents_in_sequence", 5, "drugs"},
        {"F35", "survival_years_over", 7, "years"},
        {"F38", "intracranial_response_rate_pct", 100, "%"},
        {"F38", "complete_response_pct", 33.3, "%"},
        {"F39", "response_duration_years", 4, "years"},
        {"F43", "median_pfs_months", 7.5, "months"},
    };
    return numbers;
}

// Facts whose study design the review names.
struct ExpectedDesign {
    std::string fact_id;
    std::string study_design;
};

inline const std::vector<ExpectedDesign>& expected_designs() {
    static const std::vector<ExpectedDesign> designs = {{"F25", "phase II"}, {"F43", "phase II"}};
    return designs;
}

inline std::vector<std::string> all_fact_ids() {
    std::vector<std::string> ids;
    for (int i = 1; i <= 47; ++i) ids.push_back((i < 10 ? "F0" : "F") + std::to_string(i));
    return ids;
}
