#include "storage/postgres/pg_directory_repository.h"

#include <algorithm>

#include "storage/postgres/pg_rows.h"

namespace luister::postgres {

namespace {

constexpr char kInsertDepartment[] =
    "INSERT INTO departments (name, created_at) VALUES ($1, $2) RETURNING id";
constexpr char kSelectDepartment[] = "SELECT id, name, created_at FROM departments WHERE id = $1";
constexpr char kListDepartments[] = "SELECT id, name, created_at FROM departments ORDER BY id";
constexpr char kInsertQueue[] =
    "INSERT INTO queues (department_id, name, created_at) VALUES ($1, $2, $3) RETURNING id";
constexpr char kSelectQueue[] =
    "SELECT id, department_id, name, created_at FROM queues WHERE id = $1";
constexpr char kListQueues[] =
    "SELECT id, department_id, name, created_at FROM queues ORDER BY department_id, id";
constexpr char kListDepartmentQueues[] =
    "SELECT id, department_id, name, created_at FROM queues WHERE department_id = $1 "
    "ORDER BY id";
constexpr char kInsertUser[] =
    "INSERT INTO users (email, name, role, language, department_id, active, password_hash, "
    "created_at) VALUES ($1, $2, $3, $4, $5, TRUE, $6, $7) RETURNING id";
constexpr char kUserColumns[] =
    "SELECT id, email, name, role, language, department_id, active, created_at FROM users ";
const std::string kSelectUser = std::string(kUserColumns) + "WHERE id = $1";
const std::string kListUsers = std::string(kUserColumns) + "ORDER BY id";
constexpr char kUpdateUser[] =
    "UPDATE users SET name = $2, role = $3, language = $4, department_id = $5, active = $6 "
    "WHERE id = $1";
constexpr char kSetPassword[] = "UPDATE users SET password_hash = $2 WHERE id = $1";
constexpr char kFindCredentials[] = "SELECT id, password_hash, active FROM users WHERE email = $1";
constexpr char kCountUsers[] = "SELECT count(*) FROM users";

std::string AsciiLower(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(),
                 [](unsigned char ch) { return ch >= 'A' && ch <= 'Z' ? ch + 32 : ch; });
  return s;
}

User UserFromRow(const Rows& r, int i) {
  User u;
  u.id = r.Int(i, 0);
  u.email = r.Text(i, 1);
  u.name = r.Text(i, 2);
  u.role = EnumFromText<Role>(r.Text(i, 3));
  u.language = EnumFromText<Language>(r.Text(i, 4));
  u.department_id = r.OptInt(i, 5);
  u.active = r.Bool(i, 6);
  u.created_at = r.Time(i, 7);
  return u;
}

Queue QueueFromRow(const Rows& r, int i) {
  return Queue{r.Int(i, 0), r.Int(i, 1), r.Text(i, 2), r.Time(i, 3)};
}

Department DepartmentFromRow(const Rows& r, int i) {
  return Department{r.Int(i, 0), r.Text(i, 1), r.Time(i, 2)};
}

}  // namespace

Result<Department> PgDirectoryRepository::CreateDepartment(const std::string& name, Timestamp at) {
  return db_.Write([&](Connection& c) -> Result<Department> {
    LUISTER_ASSIGN_OR_RETURN(Rows r, c.Query(kInsertDepartment, Params().Add(name).Add(at)));
    return Department{r.Int(0, 0), name, at};
  });
}

Result<Department> PgDirectoryRepository::GetDepartment(int64_t id) {
  return db_.ReadOne([&](Connection& c) {
    return One<Department>(c, kSelectDepartment, id, "department", DepartmentFromRow);
  });
}

Result<std::vector<Department>> PgDirectoryRepository::ListDepartments() {
  return db_.ReadOne([&](Connection& c) -> Result<std::vector<Department>> {
    LUISTER_ASSIGN_OR_RETURN(Rows r, c.Query(kListDepartments));
    return Collect<Department>(r, DepartmentFromRow);
  });
}

Result<Queue> PgDirectoryRepository::CreateQueue(int64_t department_id, const std::string& name,
                                                 Timestamp at) {
  return db_.Write([&](Connection& c) -> Result<Queue> {
    auto r = c.Query(kInsertQueue, Params().Add(department_id).Add(name).Add(at));
    if (r.status().code() == StatusCode::kNotFound)
      return NotFound("department " + std::to_string(department_id) + " not found");
    LUISTER_RETURN_IF_ERROR(r.status());
    return Queue{r->Int(0, 0), department_id, name, at};
  });
}

Result<Queue> PgDirectoryRepository::GetQueue(int64_t id) {
  return db_.ReadOne(
      [&](Connection& c) { return One<Queue>(c, kSelectQueue, id, "queue", QueueFromRow); });
}

Result<std::vector<Queue>> PgDirectoryRepository::ListQueues(std::optional<int64_t> department_id) {
  return db_.ReadOne([&](Connection& c) -> Result<std::vector<Queue>> {
    LUISTER_ASSIGN_OR_RETURN(Rows r, department_id ? c.Query(kListDepartmentQueues,
                                                             Params().Add(*department_id))
                                                   : c.Query(kListQueues));
    return Collect<Queue>(r, QueueFromRow);
  });
}

Result<User> PgDirectoryRepository::CreateUser(const NewUser& u, Timestamp at) {
  std::string email = AsciiLower(u.email);
  return db_.Write([&](Connection& c) -> Result<User> {
    auto r = c.Query(kInsertUser, Params()
                                      .Add(email)
                                      .Add(u.name)
                                      .Add(ToString(u.role))
                                      .Add(ToString(u.language))
                                      .Add(u.department_id)
                                      .Add(u.password_hash)
                                      .Add(at));
    if (r.status().code() == StatusCode::kConflict) return Conflict("e-mail " + email + " is taken");
    LUISTER_RETURN_IF_ERROR(r.status());
    return One<User>(c, kSelectUser, r->Int(0, 0), "user", UserFromRow);
  });
}

Result<User> PgDirectoryRepository::GetUser(int64_t id) {
  return db_.ReadOne(
      [&](Connection& c) { return One<User>(c, kSelectUser, id, "user", UserFromRow); });
}

Result<std::vector<User>> PgDirectoryRepository::ListUsers() {
  return db_.ReadOne([&](Connection& c) -> Result<std::vector<User>> {
    LUISTER_ASSIGN_OR_RETURN(Rows r, c.Query(kListUsers));
    return Collect<User>(r, UserFromRow);
  });
}

Result<User> PgDirectoryRepository::UpdateUser(int64_t id, const UserPatch& patch) {
  return db_.Write([&](Connection& c) -> Result<User> {
    LUISTER_ASSIGN_OR_RETURN(User u, One<User>(c, kSelectUser + " FOR UPDATE", id, "user",
                                               UserFromRow));
    if (patch.name) u.name = *patch.name;
    if (patch.role) u.role = *patch.role;
    if (patch.language) u.language = *patch.language;
    if (patch.clear_department) u.department_id.reset();
    if (patch.department_id) u.department_id = patch.department_id;
    if (patch.active) u.active = *patch.active;
    LUISTER_RETURN_IF_ERROR(c.Query(kUpdateUser, Params()
                                                     .Add(id)
                                                     .Add(u.name)
                                                     .Add(ToString(u.role))
                                                     .Add(ToString(u.language))
                                                     .Add(u.department_id)
                                                     .Add(u.active))
                                .status());
    return u;
  });
}

Status PgDirectoryRepository::SetPasswordHash(int64_t user_id, const std::string& hash) {
  return db_.Write([&](Connection& c) -> Status {
    LUISTER_ASSIGN_OR_RETURN(Rows r, c.Query(kSetPassword, Params().Add(user_id).Add(hash)));
    if (r.affected() == 0) return NotFound("user " + std::to_string(user_id) + " not found");
    return Status::Ok();
  });
}

Result<std::optional<Credentials>> PgDirectoryRepository::FindCredentials(
    const std::string& email) {
  std::string key = AsciiLower(email);
  return db_.ReadOne([&](Connection& c) -> Result<std::optional<Credentials>> {
    LUISTER_ASSIGN_OR_RETURN(Rows r, c.Query(kFindCredentials, Params().Add(key)));
    if (r.size() == 0) return std::optional<Credentials>();
    return std::optional<Credentials>(Credentials{r.Int(0, 0), r.Text(0, 1), r.Bool(0, 2)});
  });
}

Result<int64_t> PgDirectoryRepository::CountUsers() {
  return db_.ReadOne([&](Connection& c) -> Result<int64_t> {
    LUISTER_ASSIGN_OR_RETURN(Rows r, c.Query(kCountUsers));
    return r.Int(0, 0);
  });
}

}  // namespace luister::postgres
