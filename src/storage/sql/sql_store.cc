#include "storage/sql/sql_store.h"

#include "domain/audit_buffer.h"
#include "storage/sql/sql_answer_check_repository.h"
#include "storage/sql/sql_answer_repository.h"
#include "storage/sql/sql_assistant_repository.h"
#include "storage/sql/sql_auth_repository.h"
#include "storage/sql/sql_blob_repository.h"
#include "storage/sql/sql_call_repository.h"
#include "storage/sql/sql_chat_repository.h"
#include "storage/sql/sql_directory_repository.h"
#include "storage/sql/sql_duplicate_repository.h"
#include "storage/sql/sql_job_repository.h"
#include "storage/sql/sql_location_repository.h"
#include "storage/sql/sql_mailbox_repository.h"
#include "storage/sql/sql_opening_hours_repository.h"
#include "storage/sql/sql_outbox_repository.h"
#include "storage/sql/sql_promise_repository.h"
#include "storage/sql/sql_quarantine_repository.h"
#include "storage/sql/sql_shift_repository.h"
#include "storage/sql/sql_social_repository.h"
#include "storage/sql/sql_timeline_repository.h"
#include "storage/sql/sql_topic_repository.h"
#include "storage/sql/sql_volume_repository.h"
#include "storage/sql/sql_web_form_repository.h"

namespace luister::sql {

namespace {

// The repositories capabilities find by type (Store::Find<R>()), one line
// each, as in
//   r.Add<PromiseRepository>(std::make_unique<SqlPromiseRepository>(db));
// written once in storage/sql for both engines.
RepositoryRegistry CapabilityRepositories(Database& db) {
  RepositoryRegistry r;
  r.Add<BlobRepository>(std::make_unique<SqlBlobRepository>(db));
  r.Add<QuarantineRepository>(std::make_unique<SqlQuarantineRepository>(db));
  r.Add<MailboxRepository>(std::make_unique<SqlMailboxRepository>(db));
  r.Add<OutboxRepository>(std::make_unique<SqlOutboxRepository>(db));
  r.Add<CallRepository>(std::make_unique<SqlCallRepository>(db));
  r.Add<LocationRepository>(std::make_unique<SqlLocationRepository>(db));
  r.Add<WebFormRepository>(std::make_unique<SqlWebFormRepository>(db));
  r.Add<ChatRepository>(std::make_unique<SqlChatRepository>(db));
  r.Add<SocialRepository>(std::make_unique<SqlSocialRepository>(db));
  r.Add<DuplicateRepository>(std::make_unique<SqlDuplicateRepository>(db));
  r.Add<OpeningHoursRepository>(std::make_unique<SqlOpeningHoursRepository>(db));
  r.Add<PromiseRepository>(std::make_unique<SqlPromiseRepository>(db));
  r.Add<TopicRepository>(std::make_unique<SqlTopicRepository>(db));
  r.Add<AnswerRepository>(std::make_unique<SqlAnswerRepository>(db));
  r.Add<AssistantRepository>(std::make_unique<SqlAssistantRepository>(db));
  r.Add<AnswerCheckRepository>(std::make_unique<SqlAnswerCheckRepository>(db));
  r.Add<VolumeRepository>(std::make_unique<SqlVolumeRepository>(db));
  r.Add<ShiftRepository>(std::make_unique<SqlShiftRepository>(db));
  return r;
}

}  // namespace

SqlStore::SqlStore(std::unique_ptr<Database> db)
    : db_(std::move(db)),
      directory_(std::make_unique<SqlDirectoryRepository>(*db_)),
      timeline_(std::make_unique<SqlTimelineRepository>(*db_)),
      auth_(std::make_unique<SqlAuthRepository>(*db_)),
      jobs_(std::make_unique<SqlJobRepository>(*db_)),
      capabilities_(CapabilityRepositories(*db_)) {}

SqlStore::~SqlStore() {
  // Flush pending audit entries while every repository still exists.
  buffered_audit_.reset();
}

void SqlStore::Assemble(EngineRepositories own) {
  customers_ = std::move(own.customers);
  conversations_ = std::move(own.conversations);
  search_ = std::move(own.search);
  audit_ = std::move(own.audit);
  buffered_audit_ = std::make_unique<BufferedAuditRepository>(*audit_);
}

AuditRepository& SqlStore::audit() { return *buffered_audit_; }

}  // namespace luister::sql
