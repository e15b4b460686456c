#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "common/result.h"

namespace luister::transfer {

struct TableReport {
  std::string table;
  int64_t rows = 0;          // in the source, and (verified) in the target
  uint64_t checksum = 0;     // FNV-1a over every row's values, both sides equal
};

struct TransferOptions {
  // Empty a target that already holds data (otherwise it is refused).
  bool force = false;
  // Called as rows are copied: table, rows copied so far, rows in the table.
  std::function<void(const std::string&, int64_t, int64_t)> progress;
};

// Copies a SQLite installation into PostgreSQL, table by table in key order,
// ids kept. Each batch commits with its progress, so an interrupted copy
// resumes where it stopped when run again. Refuses a source that is not at
// the newest schema, and a target with data (unless `force`). Ends by
// comparing row counts and checksums of every table on both sides:
// FailedPrecondition-like Internal error when anything differs.
Result<std::vector<TableReport>> CopySqliteToPostgres(const std::string& sqlite_path,
                                                      const std::string& postgres_url,
                                                      const TransferOptions& options);

}  // namespace luister::transfer
