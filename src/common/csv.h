#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "common/result.h"

namespace luister {

// One record of a CSV file (RFC 4180): its fields, unquoted.
using CsvRow = std::vector<std::string>;

// Reads RFC 4180 CSV: fields quoted with '"' (a doubled quote inside one
// is a quote; commas and line breaks inside quotes belong to the field),
// records ended by LF or CRLF. Blank lines are skipped. InvalidArgument
// when the text ends inside a quoted field (naming the line it opened on).
// `row_lines`, when given, hears the 1-based line each returned row starts
// on, for messages about a row.
Result<std::vector<CsvRow>> ParseCsv(std::string_view in, std::vector<int>* row_lines = nullptr);

}  // namespace luister
