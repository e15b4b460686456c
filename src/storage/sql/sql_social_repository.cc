#include "storage/sql/sql_social_repository.h"

#include "storage/sql/query.h"

namespace luister::sql {

namespace {

constexpr char kColumns[] =
    "id, slug, name, sealed_secret, reply_url, queue_id, active, created_at";
const Sql kInsert(
    "INSERT INTO social_sources (slug, name, sealed_secret, reply_url, queue_id, active, "
    "created_at) VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id");
const Sql kSelect(std::string("SELECT ") + kColumns + " FROM social_sources WHERE id = ?");
const Sql kSelectForUpdate(std::string("SELECT ") + kColumns +
                           " FROM social_sources WHERE id = ?{for_update}");
const Sql kBySlug(std::string("SELECT ") + kColumns + " FROM social_sources WHERE slug = ?");
const Sql kList(std::string("SELECT ") + kColumns + " FROM social_sources ORDER BY slug");
const Sql kUpdate(
    "UPDATE social_sources SET name = ?, sealed_secret = ?, reply_url = ?, queue_id = ?, "
    "active = ? WHERE id = ?");
const Sql kFindEvent("SELECT message_id FROM social_events WHERE source_id = ? AND event_id = ?");
const Sql kInsertEvent(
    "INSERT INTO social_events (source_id, event_id, message_id, received_at) VALUES (?, ?, ?, ?)");

SocialSource FromRow(const Row& r) {
  SocialSource s;
  s.id = r.Int(0);
  s.slug = r.Text(1);
  s.name = r.Text(2);
  s.sealed_secret = r.Blob(3);
  s.reply_url = r.Text(4);
  s.queue_id = r.Int(5);
  s.active = r.Bool(6);
  s.created_at = r.Time(7);
  return s;
}

}  // namespace

Result<SocialSource> SqlSocialRepository::Create(const SocialSource& s) {
  return db_.Write([&](Connection& c) -> Result<SocialSource> {
    LUISTER_ASSIGN_OR_RETURN(int64_t id,
                             Scalar(c, kInsert,
                                    Params::Of(s.slug, s.name, Bytes{s.sealed_secret}, s.reply_url,
                                               s.queue_id, s.active, s.created_at)));
    return One<SocialSource>(c, kSelect, id, "social source", FromRow);
  });
}

Result<SocialSource> SqlSocialRepository::Get(int64_t id) {
  return db_.ReadOne(
      [&](Connection& c) { return One<SocialSource>(c, kSelect, id, "social source", FromRow); });
}

Result<std::optional<SocialSource>> SqlSocialRepository::FindBySlug(const std::string& slug) {
  return db_.ReadOne(
      [&](Connection& c) { return First<SocialSource>(c, kBySlug, Params::Of(slug), FromRow); });
}

Result<std::vector<SocialSource>> SqlSocialRepository::List() {
  return db_.Read([&](Connection& c) { return Collect<SocialSource>(c, kList, {}, FromRow); });
}

Result<SocialSource> SqlSocialRepository::Update(int64_t id, const SocialSourcePatch& patch) {
  return db_.Write([&](Connection& c) -> Result<SocialSource> {
    LUISTER_ASSIGN_OR_RETURN(SocialSource s,
                             One<SocialSource>(c, kSelectForUpdate, id, "social source", FromRow));
    if (patch.name) s.name = *patch.name;
    if (patch.sealed_secret) s.sealed_secret = *patch.sealed_secret;
    if (patch.reply_url) s.reply_url = *patch.reply_url;
    if (patch.queue_id) s.queue_id = *patch.queue_id;
    if (patch.active) s.active = *patch.active;
    LUISTER_RETURN_IF_ERROR(c.Execute(kUpdate, Params::Of(s.name, Bytes{s.sealed_secret},
                                                          s.reply_url, s.queue_id, s.active, id))
                                .status());
    return One<SocialSource>(c, kSelect, id, "social source", FromRow);
  });
}

Result<std::optional<std::optional<int64_t>>> SqlSocialRepository::FindEvent(
    int64_t source_id, const std::string& event_id) {
  return db_.ReadOne([&](Connection& c) -> Result<std::optional<std::optional<int64_t>>> {
    std::optional<std::optional<int64_t>> out;
    LUISTER_RETURN_IF_ERROR(c.Query(kFindEvent, Params::Of(source_id, event_id),
                                    [&](const Row& r) { out = r.OptInt(0); }));
    return out;
  });
}

Status SqlSocialRepository::RecordEvent(int64_t source_id, const std::string& event_id,
                                        std::optional<int64_t> message_id, Timestamp at) {
  return db_.Write([&](Connection& c) -> Status {
    return c.Execute(kInsertEvent, Params::Of(source_id, event_id, message_id, at)).status();
  });
}

}  // namespace luister::sql
