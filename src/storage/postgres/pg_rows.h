#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "domain/activity.h"
#include "domain/conversation.h"
#include "domain/customer.h"
#include "domain/enums.h"
#include "storage/postgres/pg_connection.h"

namespace luister::postgres {

// Text columns back to enums; an unknown name (never written by luister)
// becomes the enum's default.
template <typename E>
E EnumFromText(const std::string& s) {
  return Parse<E>(s).value_or(E{});
}
template <typename E>
std::optional<E> OptEnumFromText(const std::optional<std::string>& s) {
  if (!s) return std::nullopt;
  return EnumFromText<E>(*s);
}

// Assembles a query from constant SQL fragments written with `?` for each
// value (as storage/sqlite's QueryBuilder), numbering them $1, $2, ... and
// collecting the values. Only fragments from this folder go into the text.
class QueryBuilder {
 public:
  explicit QueryBuilder(std::string_view head) { Append(head); }
  template <typename... V>
  QueryBuilder& Add(std::string_view fragment, V&&... values) {
    Append(fragment);
    (params_.Add(std::forward<V>(values)), ...);
    return *this;
  }
  const std::string& sql() const { return sql_; }
  const Params& params() const { return params_; }
  Result<Rows> Run(Connection& c) const { return c.Query(sql_, params_); }

 private:
  void Append(std::string_view fragment) {
    for (char ch : fragment) {
      if (ch == '?') {
        sql_ += "$" + std::to_string(++placeholders_);
      } else {
        sql_ += ch;
      }
    }
  }
  std::string sql_;
  Params params_;
  int placeholders_ = 0;
};

// Every row of `rows` through `from_row(rows, i)`.
template <typename T, typename RowFn>
std::vector<T> Collect(const Rows& rows, RowFn from_row) {
  std::vector<T> out;
  out.reserve(rows.size());
  for (int i = 0; i < rows.size(); ++i) out.push_back(from_row(rows, i));
  return out;
}

// The one row of `sql` for `id`, or NotFound naming `what`.
template <typename T, typename RowFn>
Result<T> One(Connection& c, const std::string& sql, int64_t id, const char* what, RowFn from_row) {
  LUISTER_ASSIGN_OR_RETURN(Rows rows, c.Query(sql, Params().Add(id)));
  if (rows.size() == 0)
    return NotFound(std::string(what) + " " + std::to_string(id) + " not found");
  return from_row(rows, 0);
}

template <typename E>
std::optional<std::string> OptEnumText(const std::optional<E>& e) {
  if (!e) return std::nullopt;
  return std::string(ToString(*e));
}

// "{1,2,3}": a bigint[] parameter, for "= ANY($n::bigint[])".
// An array literal of optional values, for one `unnest($n::T[])` parameter
// per column: many rows in one statement whose text never changes. Every
// element is quoted and escaped; nullopt is NULL.
std::string ArrayLiteral(const std::vector<std::optional<std::string>>& values);
// The rows of a batch write as one array per column, for a statement like
// "INSERT ... SELECT * FROM unnest($1::bigint[], $2::text[], ...)": each
// row sets every column once, in order.
class BatchColumns {
 public:
  explicit BatchColumns(size_t n) : cols_(n) {}
  BatchColumns& Set(size_t col, std::optional<std::string> v) {
    cols_[col].push_back(std::move(v));
    return *this;
  }
  BatchColumns& Set(size_t col, std::optional<int64_t> v) {
    return Set(col, v ? std::optional<std::string>(std::to_string(*v)) : std::nullopt);
  }
  BatchColumns& Set(size_t col, int64_t v) {
    return Set(col, std::optional<std::string>(std::to_string(v)));
  }
  BatchColumns& Set(size_t col, Timestamp t) { return Set(col, ToMillis(t)); }
  BatchColumns& Set(size_t col, std::optional<Timestamp> t) {
    return Set(col, t ? std::optional<int64_t>(ToMillis(*t)) : std::nullopt);
  }
  bool empty() const { return cols_.empty() || cols_[0].empty(); }
  Params ToParams() const {
    Params p;
    for (const auto& col : cols_) p.Add(ArrayLiteral(col));
    return p;
  }

 private:
  std::vector<std::vector<std::optional<std::string>>> cols_;
};

std::string IdArray(const std::vector<int64_t>& ids);

// Row mapping shared by the PostgreSQL repositories; each k*Columns lists
// what the matching *FromRow reads, in order.
inline constexpr char kCustomerColumns[] =
    "id, kind, name, organisation_id, segment, language, preferred_channel, "
    "contact_from_minute, contact_to_minute, account_manager_id, merged_into_id, created_at, "
    "updated_at";
Customer CustomerFromRow(const Rows& r, int i);
// Customers with their identities (one query for all); NotFound when absent.
Result<Customer> LoadCustomer(Connection& c, int64_t id);
Status LoadIdentities(Connection& c, std::vector<Customer>* customers);
// Recomputes a customer's identity text for full-text search.
Status RefreshCustomerSearch(Connection& c, int64_t customer_id);

// Selected FROM conversations (unaliased), with the customer's name and the
// tags, so one statement reads a whole page.
inline constexpr char kConversationColumns[] =
    "id, customer_id, channel, subject, status, priority, department_id, queue_id, "
    "assignee_id, created_at, updated_at, last_message_at, first_response_at, resolved_at, "
    "message_count, "
    "(SELECT cu.name FROM customers cu WHERE cu.id = conversations.customer_id), "
    "(SELECT coalesce(string_agg(t.tag, ' ' ORDER BY t.tag), '') FROM conversation_tags t "
    "WHERE t.conversation_id = conversations.id)";
Conversation ConversationFromRow(const Rows& r, int i);
Result<Conversation> LoadConversation(Connection& c, int64_t id, bool for_update = false);

inline constexpr char kMessageColumns[] =
    "id, conversation_id, customer_id, channel, direction, internal, author_user_id, "
    "body_text, body_html, created_at";
Message MessageFromRow(const Rows& r, int i);
Result<Message> LoadMessage(Connection& c, int64_t id);
Status LoadAttachments(Connection& c, std::vector<Message>* messages);

// Appends a timeline entry in the caller's transaction.
Status InsertActivity(Connection& c, const Activity& a);

}  // namespace luister::postgres
