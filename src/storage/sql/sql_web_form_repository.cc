#include "storage/sql/sql_web_form_repository.h"

#include "storage/sql/query.h"

namespace luister::sql {

namespace {

constexpr char kColumns[] = "id, slug, name, queue_id, active, created_at";
const Sql kInsert(
    "INSERT INTO web_forms (slug, name, queue_id, active, created_at) VALUES (?, ?, ?, ?, ?) "
    "RETURNING id");
const Sql kSelect(std::string("SELECT ") + kColumns + " FROM web_forms WHERE id = ?");
const Sql kSelectForUpdate(std::string("SELECT ") + kColumns +
                           " FROM web_forms WHERE id = ?{for_update}");
const Sql kBySlug(std::string("SELECT ") + kColumns + " FROM web_forms WHERE slug = ?");
const Sql kList(std::string("SELECT ") + kColumns + " FROM web_forms ORDER BY slug");
const Sql kUpdate("UPDATE web_forms SET name = ?, queue_id = ?, active = ? WHERE id = ?");

WebForm FromRow(const Row& r) {
  WebForm f;
  f.id = r.Int(0);
  f.slug = r.Text(1);
  f.name = r.Text(2);
  f.queue_id = r.Int(3);
  f.active = r.Bool(4);
  f.created_at = r.Time(5);
  return f;
}

}  // namespace

Result<WebForm> SqlWebFormRepository::Create(const WebForm& f) {
  return db_.Write([&](Connection& c) -> Result<WebForm> {
    LUISTER_ASSIGN_OR_RETURN(
        int64_t id,
        Scalar(c, kInsert, Params::Of(f.slug, f.name, f.queue_id, f.active, f.created_at)));
    return One<WebForm>(c, kSelect, id, "web form", FromRow);
  });
}

Result<WebForm> SqlWebFormRepository::Get(int64_t id) {
  return db_.ReadOne(
      [&](Connection& c) { return One<WebForm>(c, kSelect, id, "web form", FromRow); });
}

Result<std::optional<WebForm>> SqlWebFormRepository::FindBySlug(const std::string& slug) {
  return db_.ReadOne(
      [&](Connection& c) { return First<WebForm>(c, kBySlug, Params::Of(slug), FromRow); });
}

Result<std::vector<WebForm>> SqlWebFormRepository::List() {
  return db_.Read([&](Connection& c) { return Collect<WebForm>(c, kList, {}, FromRow); });
}

Result<WebForm> SqlWebFormRepository::Update(int64_t id, const WebFormPatch& patch) {
  return db_.Write([&](Connection& c) -> Result<WebForm> {
    LUISTER_ASSIGN_OR_RETURN(WebForm f, One<WebForm>(c, kSelectForUpdate, id, "web form", FromRow));
    if (patch.name) f.name = *patch.name;
    if (patch.queue_id) f.queue_id = *patch.queue_id;
    if (patch.active) f.active = *patch.active;
    LUISTER_RETURN_IF_ERROR(
        c.Execute(kUpdate, Params::Of(f.name, f.queue_id, f.active, id)).status());
    return One<WebForm>(c, kSelect, id, "web form", FromRow);
  });
}

}  // namespace luister::sql
