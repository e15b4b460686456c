#include "domain/audit_buffer.h"

#include <gtest/gtest.h>

#include <atomic>
#include <mutex>
#include <thread>

namespace luister {
namespace {

// An audit log in memory whose writes can be made to fail.
class FakeAuditLog final : public AuditRepository {
 public:
  Status Append(const AuditEntry& e) override { return AppendBatch({e}); }
  Status AppendBatch(const std::vector<AuditEntry>& entries) override {
    std::lock_guard lock(mu);
    ++calls;
    if (fail) return Unavailable("disk full");
    rows.insert(rows.end(), entries.begin(), entries.end());
    return Status::Ok();
  }
  Result<Page<AuditEntry>> List(const AuditFilter&, const PageRequest&) override {
    std::lock_guard lock(mu);
    Page<AuditEntry> p;
    p.items = rows;
    return p;
  }
  std::size_t size() {
    std::lock_guard lock(mu);
    return rows.size();
  }

  std::mutex mu;
  std::vector<AuditEntry> rows;
  bool fail = false;
  int calls = 0;
};

AuditEntry Entry(int64_t id) {
  AuditEntry e;
  e.action = "read";
  e.entity = "conversation";
  e.entity_id = id;
  e.endpoint = "GET /api/v1/conversations/{id}";
  return e;
}

TEST(BufferedAuditRepository, ListSeesEveryAppendThatReturned) {
  FakeAuditLog log;
  BufferedAuditRepository buffered(log);
  for (int i = 1; i <= 50; ++i) ASSERT_TRUE(buffered.Append(Entry(i)).ok());
  auto page = buffered.List({}, {});
  ASSERT_TRUE(page.ok());
  ASSERT_EQ(page->items.size(), 50u);
  for (int i = 0; i < 50; ++i) EXPECT_EQ(page->items[i].entity_id, i + 1) << "order kept";
}

TEST(BufferedAuditRepository, ConcurrentAppendsAreGroupedIntoFewerWrites) {
  FakeAuditLog log;
  {
    BufferedAuditRepository buffered(log);
    std::vector<std::thread> threads;
    for (int t = 0; t < 4; ++t)
      threads.emplace_back([&, t] {
        for (int i = 0; i < 2000; ++i) ASSERT_TRUE(buffered.Append(Entry(t * 10000 + i)).ok());
      });
    for (auto& th : threads) th.join();
  }  // the destructor writes what is still queued
  EXPECT_EQ(log.size(), 8000u);
  EXPECT_LT(log.calls, 8000) << "every append was its own transaction";
}

TEST(BufferedAuditRepository, FailsClosedAndKeepsRowsUntilTheLogIsWritableAgain) {
  FakeAuditLog log;
  BufferedAuditRepository buffered(log);
  {
    std::lock_guard lock(log.mu);
    log.fail = true;
  }
  ASSERT_TRUE(buffered.Append(Entry(1)).ok());  // queued before the failure is known
  Status flushed = buffered.Flush();
  EXPECT_EQ(flushed.code(), StatusCode::kUnavailable);
  Status refused = buffered.Append(Entry(2));
  EXPECT_EQ(refused.code(), StatusCode::kUnavailable)
      << "a read must not go unaudited while the log cannot be written";
  {
    std::lock_guard lock(log.mu);
    log.fail = false;
  }
  ASSERT_TRUE(buffered.Flush().ok());
  EXPECT_EQ(log.size(), 1u) << "the row queued before the failure is kept, not dropped";
  ASSERT_TRUE(buffered.Append(Entry(3)).ok());
  ASSERT_TRUE(buffered.Flush().ok());
  EXPECT_EQ(log.size(), 2u);
}

TEST(BufferedAuditRepository, ChangesAreWrittenBeforeAppendReturnsAndKeepOrder) {
  FakeAuditLog log;
  BufferedAuditRepository buffered(log);
  ASSERT_TRUE(buffered.Append(Entry(1)).ok());  // a read: queued
  AuditEntry change = Entry(2);
  change.action = "update";
  ASSERT_TRUE(buffered.Append(change).ok());
  ASSERT_EQ(log.size(), 2u) << "a change is durable when Append returns";
  std::lock_guard lock(log.mu);
  EXPECT_EQ(log.rows[0].entity_id, 1) << "the queued read went first";
  EXPECT_EQ(log.rows[1].action, "update");
}

TEST(BufferedAuditRepository, FullQueueWritesOnTheCallersThread) {
  FakeAuditLog log;
  BufferedAuditRepository buffered(log, /*max_pending=*/1);
  ASSERT_TRUE(buffered.Append(Entry(1)).ok());
  // With a one-row queue every append reaches the log before it returns.
  EXPECT_EQ(log.size(), 1u);
}

TEST(BufferedAuditRepository, ReadBatchesAreQueuedAndChangeBatchesWrittenAtOnce) {
  FakeAuditLog log;
  BufferedAuditRepository buffered(log);
  // The customers one list returned: reads, queued as one group.
  std::vector<AuditEntry> reads = {Entry(1), Entry(2), Entry(3)};
  reads[2].action = "search";
  ASSERT_TRUE(buffered.AppendBatch(reads).ok());
  std::vector<AuditEntry> changes = {Entry(4), Entry(5)};
  changes[0].action = "create";
  ASSERT_TRUE(buffered.AppendBatch(changes).ok());
  ASSERT_EQ(log.size(), 5u) << "a batch with a change is durable when AppendBatch returns";
  {
    std::lock_guard lock(log.mu);
    for (int i = 0; i < 5; ++i) EXPECT_EQ(log.rows[i].entity_id, i + 1) << "order kept";
  }
  {
    std::lock_guard lock(log.mu);
    log.fail = true;
  }
  ASSERT_TRUE(buffered.AppendBatch({Entry(6)}).ok());
  EXPECT_EQ(buffered.Flush().code(), StatusCode::kUnavailable);
  EXPECT_EQ(buffered.AppendBatch({Entry(7), Entry(8)}).code(), StatusCode::kUnavailable)
      << "reads are refused while the log cannot be written";
}

}  // namespace
}  // namespace luister
