#pragma once

#include "domain/topic.h"
#include "storage/sql/database.h"

namespace luister::sql {

// Topics (C9) on either engine: domain/topic.h.
class SqlTopicRepository final : public TopicRepository {
 public:
  explicit SqlTopicRepository(Database& db) : db_(db) {}

  Result<Topic> Create(const Topic& t) override;
  Result<Topic> Get(int64_t id) override;
  Result<std::vector<Topic>> List(std::optional<TopicStatus> status) override;
  Result<Topic> Update(const Topic& next) override;
  Result<Topic> Accept(const Topic& next, std::optional<int64_t> by) override;
  Result<Topic> Merge(int64_t from, int from_version, int64_t into, Timestamp at,
                      std::optional<int64_t> by) override;
  Result<std::vector<Topic>> ReplaceCandidates(const std::vector<NewCandidate>& candidates,
                                               Timestamp at) override;
  Result<std::vector<Topic>> Split(int64_t id, int version, const std::vector<NewCandidate>& parts,
                                   Timestamp at) override;
  Result<std::vector<TopicQuestion>> CandidateQuestions(int64_t id, int limit) override;

  Result<std::vector<TopicQuestion>> QuestionsAfter(int64_t after, int limit) override;
  Result<int64_t> Watermark() override;
  Result<bool> SaveClassified(const std::vector<ConversationTopic>& readings,
                              const std::vector<Joined>& joined, int64_t from, int64_t to) override;
  Status Reclassify(const std::vector<ConversationTopic>& readings) override;
  Result<std::optional<ConversationTopic>> OfConversation(int64_t conversation_id) override;
  Result<std::optional<Topic>> CandidateOf(int64_t conversation_id) override;
  Result<ConversationTopic> SetByPerson(int64_t conversation_id, std::optional<int64_t> topic_id,
                                        int64_t by, Timestamp at) override;
  Result<Page<TopicConversation>> Conversations(std::optional<int64_t> topic_id, Timestamp from,
                                                Timestamp to, const PageRequest& page) override;

  Result<std::vector<TopicLabel>> Labels(int limit) override;
  Result<std::string> LabelGeneration() override;
  Result<std::vector<TopicQuestion>> ClassifierQuestions(Timestamp since, bool unplaced,
                                                         int limit) override;
  Result<TopicModel> SaveModel(const TopicModel& m, std::string_view blob,
                               const std::string& label_generation) override;
  Result<std::optional<TopicModel>> LatestModel(bool candidates) override;
  Result<std::string> ModelBlob(int64_t id) override;
  Result<std::string> ModelLabelGeneration() override;
  Result<TopicCounts> Counts(Timestamp from, Timestamp to) override;

  Result<std::vector<TopicEffortRow>> Effort(Timestamp from, Timestamp to) override;
  Result<std::vector<TopicWeekCount>> Weekly(int64_t from_week, int64_t to_week) override;
  Result<bool> RecordAlert(const TopicAlert& alert, const std::optional<NewJob>& then) override;
  Result<std::vector<TopicAlert>> Alerts(Timestamp since, int limit) override;

  Result<std::optional<int64_t>> JobId(std::string_view kind) override;
  Result<bool> SetJob(std::string_view kind, std::optional<int64_t> expected,
                      int64_t job_id) override;

 private:
  Database& db_;
};

}  // namespace luister::sql
