#include "app/modules.h"

namespace luister {

std::vector<http::ApiModule> ServerModules() {
  return {
      http::SystemModule(),        http::SessionModule(),       http::DirectoryModule(),
      http::CustomersModule(),     http::ConversationsModule(), http::SearchModule(),
      http::AuditModule(),         http::LiveModule(),          http::JobsModule(),
      http::SubjectExportModule(), http::MailModule(),          http::PhoneModule(),
      http::ShopModule(),          http::WebFormModule(),       http::SocialModule(),
      http::ChatModule(),          http::DuplicatesModule(),    http::CalendarModule(),
      http::PromisesModule(),      http::AnswersModule(),       http::AssistantModule(),
      http::StaffingModule(),      http::TopicsModule(),
  };
}

}  // namespace luister
