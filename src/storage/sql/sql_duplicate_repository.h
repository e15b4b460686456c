#pragma once

#include "domain/duplicates.h"
#include "storage/sql/database.h"

namespace luister::sql {

class SqlDuplicateRepository final : public DuplicateRepository {
 public:
  explicit SqlDuplicateRepository(Database& db) : db_(db) {}
  Result<DuplicateSuggestion> Suggest(int64_t a, int64_t b,
                                      const DuplicateEvidence& evidence) override;
  Result<DuplicateSuggestion> Get(int64_t id) override;
  Result<Page<DuplicateSuggestion>> ListOpen(const PageRequest& p) override;
  Result<std::vector<DuplicateSuggestion>> OpenFor(int64_t customer_id) override;
  Result<int64_t> CountOpen() override;
  Result<DuplicateSuggestion> Close(int64_t id, DuplicateStatus to, int64_t by_user_id,
                                    Timestamp at) override;
  Status SetNameKeys(const std::vector<std::pair<int64_t, std::string>>& keys) override;
  Result<std::vector<int64_t>> WithNameKey(const std::string& key, int64_t except,
                                           int limit) override;
  Result<int64_t> ScannedUpTo() override;
  Status SetScannedUpTo(int64_t customer_id) override;
  Result<std::optional<int64_t>> ScanJobId() override;
  Result<bool> SetScanJob(std::optional<int64_t> expected, int64_t job_id) override;

 private:
  Database& db_;
};

}  // namespace luister::sql
