#pragma once

#include "domain/web_form.h"
#include "storage/sql/database.h"

namespace luister::sql {

class SqlWebFormRepository final : public WebFormRepository {
 public:
  explicit SqlWebFormRepository(Database& db) : db_(db) {}
  Result<WebForm> Create(const WebForm& f) override;
  Result<WebForm> Get(int64_t id) override;
  Result<std::optional<WebForm>> FindBySlug(const std::string& slug) override;
  Result<std::vector<WebForm>> List() override;
  Result<WebForm> Update(int64_t id, const WebFormPatch& patch) override;

 private:
  Database& db_;
};

}  // namespace luister::sql
