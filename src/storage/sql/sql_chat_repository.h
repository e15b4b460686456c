#pragma once

#include "domain/chat.h"
#include "storage/sql/database.h"

namespace luister::sql {

class SqlChatRepository final : public ChatRepository {
 public:
  explicit SqlChatRepository(Database& db) : db_(db) {}
  Result<ChatWidget> CreateWidget(const ChatWidget& w) override;
  Result<ChatWidget> GetWidget(int64_t id) override;
  Result<std::optional<ChatWidget>> FindWidget(const std::string& slug) override;
  Result<std::vector<ChatWidget>> ListWidgets() override;
  Result<ChatWidget> UpdateWidget(int64_t id, const ChatWidgetPatch& patch) override;
  Result<ChatVisitor> CreateVisitor(int64_t customer_id, Timestamp at) override;
  Result<ChatVisitor> GetVisitor(int64_t id) override;
  Status CreateChat(const Chat& chat) override;
  Result<Chat> GetChat(int64_t conversation_id) override;
  Result<std::vector<Chat>> ChatsOf(int64_t visitor_id, int limit) override;
  Result<Chat> Move(int64_t conversation_id, std::vector<ChatState> from, ChatState to,
                    std::optional<int64_t> agent_id, Timestamp at) override;
  Status Touch(int64_t conversation_id, Timestamp at) override;
  Result<bool> MarkRead(int64_t conversation_id, ChatReader reader, int64_t message_id) override;
  Result<Chat> Requeue(int64_t conversation_id, int64_t queue_id, Timestamp at) override;
  Result<int64_t> WaitingBefore(int64_t queue_id, Timestamp before) override;
  Result<std::vector<std::chrono::milliseconds>> RecentWaits(int64_t queue_id, int n) override;
  Result<std::vector<Chat>> Overdue(Timestamp now, int limit) override;
  Result<std::pair<int64_t, int64_t>> CountOpen() override;
  Status BeatPresence(const std::string& node, const std::vector<int64_t>& users,
                      Timestamp now) override;
  Result<std::vector<int64_t>> PresentUsers(Timestamp since,
                                            const std::string& except_node) override;
  Status LeavePresence(const std::string& node) override;
  Result<std::optional<int64_t>> SweepJobId() override;
  Result<bool> SetSweepJob(std::optional<int64_t> expected, int64_t job_id) override;

 private:
  Database& db_;
};

}  // namespace luister::sql
