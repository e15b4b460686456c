#pragma once

#include "domain/social.h"
#include "storage/sql/database.h"

namespace luister::sql {

class SqlSocialRepository final : public SocialRepository {
 public:
  explicit SqlSocialRepository(Database& db) : db_(db) {}
  Result<SocialSource> Create(const SocialSource& s) override;
  Result<SocialSource> Get(int64_t id) override;
  Result<std::optional<SocialSource>> FindBySlug(const std::string& slug) override;
  Result<std::vector<SocialSource>> List() override;
  Result<SocialSource> Update(int64_t id, const SocialSourcePatch& patch) override;
  Result<std::optional<std::optional<int64_t>>> FindEvent(int64_t source_id,
                                                          const std::string& event_id) override;
  Status RecordEvent(int64_t source_id, const std::string& event_id,
                     std::optional<int64_t> message_id, Timestamp at) override;

 private:
  Database& db_;
};

}  // namespace luister::sql
