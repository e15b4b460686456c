#pragma once

#include "domain/repositories.h"
#include "storage/sql/database.h"

namespace luister::sql {

// Departments, queues and staff users, on either engine.
class SqlDirectoryRepository final : public DirectoryRepository {
 public:
  explicit SqlDirectoryRepository(Database& db) : db_(db) {}

  Result<Department> CreateDepartment(const std::string& name, Timestamp at) override;
  Result<Department> GetDepartment(int64_t id) override;
  Result<std::vector<Department>> ListDepartments() override;
  Result<Queue> CreateQueue(int64_t department_id, const std::string& name, Timestamp at) override;
  Result<Queue> GetQueue(int64_t id) override;
  Result<std::vector<Queue>> ListQueues(std::optional<int64_t> department_id) override;
  Result<User> CreateUser(const NewUser& u, Timestamp at) override;
  Result<User> GetUser(int64_t id) override;
  Result<std::vector<User>> ListUsers() override;
  Result<User> UpdateUser(int64_t id, const UserPlan& plan) override;
  Status SetPasswordHash(int64_t user_id, const std::string& hash) override;
  Result<std::optional<Credentials>> FindCredentials(const std::string& email) override;
  Result<int64_t> CountUsers() override;

 private:
  Database& db_;
};

}  // namespace luister::sql
