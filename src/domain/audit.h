#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "common/time.h"

namespace luister {

// Who read or changed which customer's personal data, when, through which
// endpoint. Append-only.
struct AuditEntry {
  int64_t id = 0;
  Timestamp at{};
  std::optional<int64_t> user_id;  // nullopt for the system (imports, jobs)
  std::string action;              // "read", "create", "update", "delete", "merge", "login"
  std::string entity;              // "customer", "conversation", "message", "user", ...
  std::optional<int64_t> entity_id;
  std::optional<int64_t> customer_id;  // whose personal data, when it is a customer's
  std::string endpoint;                // "GET /api/v1/customers/{id}"
  std::string ip;
  // What was asked for, for reads that search or filter: the request's
  // query string ("q=jansen&limit=20"), so the log shows why a customer
  // turned up in a list. Empty otherwise.
  std::string query;
};

// Reads are queued and written in groups (BufferedAuditRepository); every
// other action is written before its request returns.
inline bool IsReadAction(std::string_view action) { return action == "read" || action == "search"; }

struct AuditFilter {
  std::optional<int64_t> user_id;
  std::optional<int64_t> customer_id;
  std::optional<std::string> action;
  std::optional<Timestamp> from;
  std::optional<Timestamp> to;
};

}  // namespace luister
