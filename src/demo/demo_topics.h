#pragma once

#include <cstdint>
#include <vector>

#include "common/result.h"
#include "common/time.h"
#include "domain/repositories.h"

namespace luister::demo {

// The demo desk's topics (C9, docs/topics.md): nine topics a web shop
// defines, owned by its managers; the agents' labels on half of the
// conversations older than two weeks; a model trained from them that
// placed the rest on arrival; candidate topics discovery proposed from the
// questions no topic fits (orders, newsletters, reviews, asking for a
// person); and the alert of this week's rise in invoice questions. Which
// topic a conversation is about comes from its Bitext intent (its tag).
Status LoadTopics(Store& store, const std::vector<int64_t>& manager_ids, Timestamp now);

}  // namespace luister::demo
