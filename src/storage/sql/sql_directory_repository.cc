#include "storage/sql/sql_directory_repository.h"

#include <algorithm>

#include "storage/sql/query.h"
#include "storage/sql/row_mapping.h"

namespace luister::sql {

namespace {

const Sql kInsertDepartment(
    "INSERT INTO departments (name, created_at) VALUES (?, ?) RETURNING id");
const Sql kSelectDepartment("SELECT id, name, created_at FROM departments WHERE id = ?");
const Sql kListDepartments("SELECT id, name, created_at FROM departments ORDER BY id");
const Sql kInsertQueue(
    "INSERT INTO queues (department_id, name, created_at) VALUES (?, ?, ?) RETURNING id");
const Sql kSelectQueue("SELECT id, department_id, name, created_at FROM queues WHERE id = ?");
const Sql kListQueues(
    "SELECT id, department_id, name, created_at FROM queues ORDER BY department_id, id");
const Sql kListDepartmentQueues(
    "SELECT id, department_id, name, created_at FROM queues WHERE department_id = ? "
    "ORDER BY id");
const Sql kInsertUser(
    "INSERT INTO users (email, name, role, language, department_id, active, password_hash, "
    "created_at) VALUES (?, ?, ?, ?, ?, TRUE, ?, ?) RETURNING id");
#define LUISTER_USER_COLUMNS \
  "SELECT id, email, name, role, language, department_id, active, created_at FROM users "
const Sql kSelectUser(LUISTER_USER_COLUMNS "WHERE id = ?");
const Sql kSelectUserForUpdate(LUISTER_USER_COLUMNS "WHERE id = ?{for_update}");
const Sql kListUsers(LUISTER_USER_COLUMNS "ORDER BY id");
#undef LUISTER_USER_COLUMNS
const Sql kUpdateUser(
    "UPDATE users SET name = ?, role = ?, language = ?, department_id = ?, active = ? "
    "WHERE id = ?");
const Sql kSetPassword("UPDATE users SET password_hash = ? WHERE id = ?");
const Sql kFindCredentials("SELECT id, password_hash, active FROM users WHERE email = ?");
const Sql kCountUsers("SELECT count(*) FROM users");

std::string AsciiLower(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(),
                 [](unsigned char ch) { return ch >= 'A' && ch <= 'Z' ? ch + 32 : ch; });
  return s;
}

User UserFromRow(const Row& r) {
  User u;
  u.id = r.Int(0);
  u.email = r.Text(1);
  u.name = r.Text(2);
  u.role = EnumFromText<Role>(r.Text(3));
  u.language = EnumFromText<Language>(r.Text(4));
  u.department_id = r.OptInt(5);
  u.active = r.Bool(6);
  u.created_at = r.Time(7);
  return u;
}

Queue QueueFromRow(const Row& r) { return Queue{r.Int(0), r.Int(1), r.Text(2), r.Time(3)}; }

Department DepartmentFromRow(const Row& r) { return Department{r.Int(0), r.Text(1), r.Time(2)}; }

}  // namespace

Result<Department> SqlDirectoryRepository::CreateDepartment(const std::string& name, Timestamp at) {
  return db_.Write([&](Connection& c) -> Result<Department> {
    LUISTER_ASSIGN_OR_RETURN(int64_t id, Scalar(c, kInsertDepartment, Params::Of(name, at)));
    return Department{id, name, at};
  });
}

Result<Department> SqlDirectoryRepository::GetDepartment(int64_t id) {
  return db_.ReadOne([&](Connection& c) {
    return One<Department>(c, kSelectDepartment, id, "department", DepartmentFromRow);
  });
}

Result<std::vector<Department>> SqlDirectoryRepository::ListDepartments() {
  return db_.ReadOne([&](Connection& c) {
    return Collect<Department>(c, kListDepartments, {}, DepartmentFromRow);
  });
}

Result<Queue> SqlDirectoryRepository::CreateQueue(int64_t department_id, const std::string& name,
                                                  Timestamp at) {
  return db_.Write([&](Connection& c) -> Result<Queue> {
    auto id = Scalar(c, kInsertQueue, Params::Of(department_id, name, at));
    if (id.status().code() == StatusCode::kNotFound)
      return NotFound("department " + std::to_string(department_id) + " not found");
    LUISTER_RETURN_IF_ERROR(id.status());
    return Queue{*id, department_id, name, at};
  });
}

Result<Queue> SqlDirectoryRepository::GetQueue(int64_t id) {
  return db_.ReadOne(
      [&](Connection& c) { return One<Queue>(c, kSelectQueue, id, "queue", QueueFromRow); });
}

Result<std::vector<Queue>> SqlDirectoryRepository::ListQueues(
    std::optional<int64_t> department_id) {
  return db_.ReadOne([&](Connection& c) {
    return department_id
               ? Collect<Queue>(c, kListDepartmentQueues, Params::Of(*department_id), QueueFromRow)
               : Collect<Queue>(c, kListQueues, {}, QueueFromRow);
  });
}

Result<User> SqlDirectoryRepository::CreateUser(const NewUser& u, Timestamp at) {
  std::string email = AsciiLower(u.email);
  return db_.Write([&](Connection& c) -> Result<User> {
    auto id = Scalar(c, kInsertUser,
                     Params::Of(email, u.name, ToString(u.role), ToString(u.language),
                                u.department_id, u.password_hash, at));
    if (id.status().code() == StatusCode::kConflict)
      return Conflict("e-mail " + email + " is taken");
    LUISTER_RETURN_IF_ERROR(id.status());
    return One<User>(c, kSelectUser, *id, "user", UserFromRow);
  });
}

Result<User> SqlDirectoryRepository::GetUser(int64_t id) {
  return db_.ReadOne(
      [&](Connection& c) { return One<User>(c, kSelectUser, id, "user", UserFromRow); });
}

Result<std::vector<User>> SqlDirectoryRepository::ListUsers() {
  return db_.ReadOne([&](Connection& c) { return Collect<User>(c, kListUsers, {}, UserFromRow); });
}

Result<User> SqlDirectoryRepository::UpdateUser(int64_t id, const UserPlan& plan) {
  return db_.Write([&](Connection& c) -> Result<User> {
    LUISTER_ASSIGN_OR_RETURN(User current,
                             One<User>(c, kSelectUserForUpdate, id, "user", UserFromRow));
    LUISTER_ASSIGN_OR_RETURN(User u, plan(current));
    LUISTER_RETURN_IF_ERROR(
        c.Execute(kUpdateUser, Params::Of(u.name, ToString(u.role), ToString(u.language),
                                          u.department_id, u.active, id))
            .status());
    return u;
  });
}

Status SqlDirectoryRepository::SetPasswordHash(int64_t user_id, const std::string& hash) {
  return db_.Write([&](Connection& c) -> Status {
    LUISTER_ASSIGN_OR_RETURN(int64_t changed, c.Execute(kSetPassword, Params::Of(hash, user_id)));
    if (changed == 0) return NotFound("user " + std::to_string(user_id) + " not found");
    return Status::Ok();
  });
}

Result<std::optional<Credentials>> SqlDirectoryRepository::FindCredentials(
    const std::string& email) {
  return db_.ReadOne([&](Connection& c) {
    return First<Credentials>(c, kFindCredentials, Params::Of(AsciiLower(email)), [](const Row& r) {
      return Credentials{r.Int(0), r.Text(1), r.Bool(2)};
    });
  });
}

Result<int64_t> SqlDirectoryRepository::CountUsers() {
  return db_.ReadOne([&](Connection& c) { return Scalar(c, kCountUsers); });
}

}  // namespace luister::sql
