#include "common/csv.h"

namespace luister {

Result<std::vector<CsvRow>> ParseCsv(std::string_view in) {
  std::vector<CsvRow> rows;
  CsvRow row;
  std::string field;
  bool quoted = false, field_started = false;
  size_t i = 0;
  auto end_field = [&] {
    row.push_back(std::move(field));
    field.clear();
    field_started = false;
  };
  auto end_row = [&] {
    end_field();
    if (!(row.size() == 1 && row[0].empty())) rows.push_back(std::move(row));
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
      }
      ++i;
      continue;
    }
    if (c == '"' && !field_started) {
      quoted = field_started = true;
    } else if (c == ',') {
      end_field();
    } else if (c == '\n' || c == '\r') {
      if (c == '\r' && i + 1 < in.size() && in[i + 1] == '\n') ++i;
      end_row();
    } else {
      field += c;
      field_started = true;
    }
    ++i;
  }
  if (quoted) return InvalidArgument("CSV ends inside a quoted field");
  if (field_started || !row.empty()) end_row();
  return rows;
}

}  // namespace luister
