#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "common/result.h"
#include "common/time.h"
#include "domain/repositories.h"

namespace luister {

struct DemoOptions {
  // Directory with bitext_subset.csv, twitter_subset.json and dutch.tsv
  // (the repository's data/demo/).
  std::string data_dir;
  uint32_t seed = 42;
  int customers = 400;
  int conversations = 3000;
  int weeks = 12;  // conversations fall in [now - weeks, now)
  Timestamp now{};
  // Password of admin@luister.local, hashed at interactive cost.
  std::string admin_password;
  // Password of every other demo staff account, hashed at minimal cost so
  // loading stays fast; empty means the admin password. Demo use only.
  std::string staff_password;
  // Conversations written at once. Engines with concurrent writers
  // (PostgreSQL) load several times faster with a few; ids then follow the
  // order the writers happen to finish in, the content stays the same.
  int writers = 1;
};

struct DemoSummary {
  int departments = 0;
  int queues = 0;
  int users = 0;
  int customers = 0;
  int conversations = 0;
  int messages = 0;                       // including internal notes
  int calls = 0;                          // phone calls, reported and logged by hand
  int merges_possible = 0;                // customers entered twice, left for a user to merge
  std::vector<std::string> staff_emails;  // every account created, admin first
};

// Called between steps; `stage` is "directory", "customers" or
// "conversations", and done == total at the end of each stage.
using DemoProgress = std::function<void(std::string_view stage, int64_t done, int64_t total)>;

// Fills an empty database with a living demo service desk: departments,
// queues, staff, customers and conversations with timelines over the last
// `weeks`, in English and Dutch. The same seed, counts and `now` give the
// same data (with one writer, the same ids too). Conflict when the database already holds customers
// or users; NotFound when a data file is missing; other errors come from the store. Not atomic: on
// a store error the data written so far stays.
Result<DemoSummary> LoadDemo(Store& store, const DemoOptions& o, const DemoProgress& progress);

}  // namespace luister
