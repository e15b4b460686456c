#pragma once

#include <cstdint>
#include <string>

#include "common/result.h"
#include "common/time.h"
#include "domain/repositories.h"

namespace luister::http {

// The job kind of a subject access export, and its payload.
inline constexpr char kCustomerExportJob[] = "customer.export";
std::string CustomerExportPayload(int64_t customer_id);
// InvalidArgument when the payload is not {"customer_id": <id>}.
Result<int64_t> CustomerIdOfExport(const std::string& payload);

// Everything Luister holds about one customer, for a subject access request
// (GDPR art. 15): the record with its identities, every conversation with
// every message (internal notes included and marked, for the privacy officer
// to review), the timeline, the customers merged into this one (records and
// merges, followed through merges of merges), and the audit trail of when
// the data was read or changed (staff neither named nor located). Records use
// the same JSON shapes as the API (docs/openapi.yaml). NotFound for an
// unknown customer.
Result<std::string> BuildCustomerExport(Store& store, int64_t customer_id, Timestamp generated_at);

}  // namespace luister::http
