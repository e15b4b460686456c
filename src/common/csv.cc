#include "common/csv.h"

namespace luister {

Result<std::vector<CsvRow>> ParseCsv(std::string_view in, std::vector<int>* row_lines) {
  std::vector<CsvRow> rows;
  CsvRow row;
  std::string field;
  bool quoted = false, field_started = false;
  size_t i = 0;
  int line = 1, row_line = 1, quote_line = 1;
  auto end_field = [&] {
    row.push_back(std::move(field));
    field.clear();
    field_started = false;
  };
  auto end_row = [&] {
    end_field();
    if (!(row.size() == 1 && row[0].empty())) {
      rows.push_back(std::move(row));
      if (row_lines) row_lines->push_back(row_line);
    }
    row.clear();
  };
  while (i < in.size()) {
    char c = in[i];
    if (quoted) {
      if (c == '"') {
        if (i + 1 < in.size() && in[i + 1] == '"') {
          field += '"';
          i += 2;
          continue;
        }
        quoted = false;
      } else {
        field += c;
        line += c == '\n';
      }
      ++i;
      continue;
    }
    if (c == '"' && !field_started) {
      quoted = field_started = true;
      quote_line = line;
    } else if (c == ',') {
      end_field();
    } else if (c == '\n' || c == '\r') {
      if (c == '\r' && i + 1 < in.size() && in[i + 1] == '\n') ++i;
      end_row();
      row_line = ++line;
    } else {
      field += c;
      field_started = true;
    }
    ++i;
  }
  if (quoted)
    return InvalidArgument("CSV ends inside the quoted field opened on line " +
                           std::to_string(quote_line));
  if (field_started || !row.empty()) end_row();
  return rows;
}

}  // namespace luister
