#include "storage/sqlite/sqlite_directory_repository.h"

#include <algorithm>

#include "storage/sqlite/query_builder.h"
#include "storage/sqlite/rows.h"

namespace luister::sqlite {

namespace {

constexpr char kInsertDepartment[] = "INSERT INTO departments (name, created_at) VALUES (?1, ?2)";
constexpr char kSelectDepartment[] = "SELECT id, name, created_at FROM departments WHERE id = ?1";
constexpr char kListDepartments[] = "SELECT id, name, created_at FROM departments ORDER BY id";
constexpr char kInsertQueue[] =
    "INSERT INTO queues (department_id, name, created_at) VALUES (?1, ?2, ?3)";
constexpr char kSelectQueue[] =
    "SELECT id, department_id, name, created_at FROM queues WHERE id = ?1";
constexpr char kListQueues[] =
    "SELECT id, department_id, name, created_at FROM queues ORDER BY department_id, id";
constexpr char kListDepartmentQueues[] =
    "SELECT id, department_id, name, created_at FROM queues WHERE department_id = ?1 "
    "ORDER BY id";
constexpr char kInsertUser[] =
    "INSERT INTO users (email, name, role, language, department_id, active, password_hash, "
    "created_at) VALUES (?1, ?2, ?3, ?4, ?5, 1, ?6, ?7)";
constexpr char kUserColumns[] =
    "SELECT id, email, name, role, language, department_id, active, created_at FROM users ";
const std::string kSelectUser = std::string(kUserColumns) + "WHERE id = ?1";
const std::string kListUsers = std::string(kUserColumns) + "ORDER BY id";
constexpr char kUpdateUser[] =
    "UPDATE users SET name = ?2, role = ?3, language = ?4, department_id = ?5, active = ?6 "
    "WHERE id = ?1";
constexpr char kSetPassword[] = "UPDATE users SET password_hash = ?2 WHERE id = ?1";
constexpr char kFindCredentials[] = "SELECT id, password_hash, active FROM users WHERE email = ?1";
constexpr char kCountUsers[] = "SELECT count(*) FROM users";

std::string AsciiLower(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(),
                 [](unsigned char ch) { return ch >= 'A' && ch <= 'Z' ? ch + 32 : ch; });
  return s;
}

User UserFromRow(const Statement& st) {
  User u;
  u.id = st.Int(0);
  u.email = st.Text(1);
  u.name = st.Text(2);
  u.role = EnumFromText<Role>(st.Text(3));
  u.language = EnumFromText<Language>(st.Text(4));
  u.department_id = st.OptInt(5);
  u.active = st.Int(6) != 0;
  u.created_at = st.Time(7);
  return u;
}

Queue QueueFromRow(const Statement& st) {
  return Queue{st.Int(0), st.Int(1), st.Text(2), st.Time(3)};
}

template <typename T, typename RowFn>
Result<std::vector<T>> Collect(Statement& st, RowFn from_row) {
  std::vector<T> out;
  while (true) {
    LUISTER_ASSIGN_OR_RETURN(bool row, st.Step());
    if (!row) return out;
    out.push_back(from_row(st));
  }
}

template <typename T, typename RowFn>
Result<T> One(Connection& c, const std::string& sql, int64_t id, const char* what, RowFn from_row) {
  LUISTER_ASSIGN_OR_RETURN(auto st, c.Prepare(sql));
  st.Bind(1, id);
  LUISTER_ASSIGN_OR_RETURN(bool row, st.Step());
  if (!row) return NotFound(std::string(what) + " " + std::to_string(id) + " not found");
  return from_row(st);
}

Department DepartmentFromRow(const Statement& st) {
  return Department{st.Int(0), st.Text(1), st.Time(2)};
}

}  // namespace

Result<Department> SqliteDirectoryRepository::CreateDepartment(const std::string& name,
                                                               Timestamp at) {
  return db_.Write([&](Connection& c) -> Result<Department> {
    LUISTER_ASSIGN_OR_RETURN(auto st, c.Prepare(kInsertDepartment));
    LUISTER_RETURN_IF_ERROR(st.Bind(1, name).Bind(2, at).Run());
    return Department{c.LastInsertId(), name, at};
  });
}

Result<Department> SqliteDirectoryRepository::GetDepartment(int64_t id) {
  return db_.Read([&](Connection& c) {
    return One<Department>(c, kSelectDepartment, id, "department", DepartmentFromRow);
  });
}

Result<std::vector<Department>> SqliteDirectoryRepository::ListDepartments() {
  return db_.Read([&](Connection& c) -> Result<std::vector<Department>> {
    LUISTER_ASSIGN_OR_RETURN(auto st, c.Prepare(kListDepartments));
    return Collect<Department>(st, DepartmentFromRow);
  });
}

Result<Queue> SqliteDirectoryRepository::CreateQueue(int64_t department_id, const std::string& name,
                                                     Timestamp at) {
  return db_.Write([&](Connection& c) -> Result<Queue> {
    LUISTER_ASSIGN_OR_RETURN(auto st, c.Prepare(kInsertQueue));
    Status s = st.Bind(1, department_id).Bind(2, name).Bind(3, at).Run();
    if (s.code() == StatusCode::kNotFound)
      return NotFound("department " + std::to_string(department_id) + " not found");
    LUISTER_RETURN_IF_ERROR(s);
    return Queue{c.LastInsertId(), department_id, name, at};
  });
}

Result<Queue> SqliteDirectoryRepository::GetQueue(int64_t id) {
  return db_.Read(
      [&](Connection& c) { return One<Queue>(c, kSelectQueue, id, "queue", QueueFromRow); });
}

Result<std::vector<Queue>> SqliteDirectoryRepository::ListQueues(
    std::optional<int64_t> department_id) {
  return db_.Read([&](Connection& c) -> Result<std::vector<Queue>> {
    LUISTER_ASSIGN_OR_RETURN(auto st,
                             c.Prepare(department_id ? kListDepartmentQueues : kListQueues));
    if (department_id) st.Bind(1, *department_id);
    return Collect<Queue>(st, QueueFromRow);
  });
}

Result<User> SqliteDirectoryRepository::CreateUser(const NewUser& u, Timestamp at) {
  std::string email = AsciiLower(u.email);
  return db_.Write([&](Connection& c) -> Result<User> {
    LUISTER_ASSIGN_OR_RETURN(auto st, c.Prepare(kInsertUser));
    Status s = st.Bind(1, email)
                   .Bind(2, u.name)
                   .Bind(3, ToString(u.role))
                   .Bind(4, ToString(u.language))
                   .Bind(5, u.department_id)
                   .Bind(6, u.password_hash)
                   .Bind(7, at)
                   .Run();
    if (s.code() == StatusCode::kConflict) return Conflict("e-mail " + email + " is taken");
    LUISTER_RETURN_IF_ERROR(s);
    return One<User>(c, kSelectUser, c.LastInsertId(), "user", UserFromRow);
  });
}

Result<User> SqliteDirectoryRepository::GetUser(int64_t id) {
  return db_.ReadOne(
      [&](Connection& c) { return One<User>(c, kSelectUser, id, "user", UserFromRow); });
}

Result<std::vector<User>> SqliteDirectoryRepository::ListUsers() {
  return db_.Read([&](Connection& c) -> Result<std::vector<User>> {
    LUISTER_ASSIGN_OR_RETURN(auto st, c.Prepare(kListUsers));
    return Collect<User>(st, UserFromRow);
  });
}

Result<User> SqliteDirectoryRepository::UpdateUser(int64_t id, const UserPatch& patch) {
  return db_.Write([&](Connection& c) -> Result<User> {
    LUISTER_ASSIGN_OR_RETURN(User u, One<User>(c, kSelectUser, id, "user", UserFromRow));
    if (patch.name) u.name = *patch.name;
    if (patch.role) u.role = *patch.role;
    if (patch.language) u.language = *patch.language;
    if (patch.clear_department) u.department_id.reset();
    if (patch.department_id) u.department_id = patch.department_id;
    if (patch.active) u.active = *patch.active;
    LUISTER_ASSIGN_OR_RETURN(auto st, c.Prepare(kUpdateUser));
    LUISTER_RETURN_IF_ERROR(st.Bind(1, id)
                                .Bind(2, u.name)
                                .Bind(3, ToString(u.role))
                                .Bind(4, ToString(u.language))
                                .Bind(5, u.department_id)
                                .Bind(6, u.active)
                                .Run());
    return u;
  });
}

Status SqliteDirectoryRepository::SetPasswordHash(int64_t user_id, const std::string& hash) {
  return db_.Write([&](Connection& c) -> Status {
    LUISTER_ASSIGN_OR_RETURN(auto st, c.Prepare(kSetPassword));
    LUISTER_RETURN_IF_ERROR(st.Bind(1, user_id).Bind(2, hash).Run());
    if (c.Changes() == 0) return NotFound("user " + std::to_string(user_id) + " not found");
    return Status::Ok();
  });
}

Result<std::optional<Credentials>> SqliteDirectoryRepository::FindCredentials(
    const std::string& email) {
  std::string key = AsciiLower(email);
  return db_.Read([&](Connection& c) -> Result<std::optional<Credentials>> {
    LUISTER_ASSIGN_OR_RETURN(auto st, c.Prepare(kFindCredentials));
    st.Bind(1, key);
    LUISTER_ASSIGN_OR_RETURN(bool row, st.Step());
    if (!row) return std::optional<Credentials>();
    return std::optional<Credentials>(Credentials{st.Int(0), st.Text(1), st.Int(2) != 0});
  });
}

Result<int64_t> SqliteDirectoryRepository::CountUsers() {
  return db_.Read([&](Connection& c) -> Result<int64_t> {
    LUISTER_ASSIGN_OR_RETURN(auto st, c.Prepare(kCountUsers));
    LUISTER_ASSIGN_OR_RETURN(bool row, st.Step());
    return row ? st.Int(0) : 0;
  });
}

}  // namespace luister::sqlite
