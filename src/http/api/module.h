#pragma once

#include <functional>
#include <string_view>
#include <vector>

#include "domain/events.h"
#include "domain/job_runner.h"
#include "http/api/api_context.h"

namespace luister::http {

// One capability of the server, declared in one place (its *_routes.cc):
// its routes (each with its permission and audit intent, see ApiRoutes), the
// kinds of background job it runs, the tables it owns and the live events
// it publishes. The composition root (app/modules.cc) lists the modules;
// RegisterApi and `luister serve` walk that list, so adding a capability
// adds one line there and nothing to RunServe, RegisterApi or ApiContext.
// Services a module needs beyond the core ones in ApiContext are built by
// the module itself from ctx.store, ctx.clock and ctx.events.
// Declared with all five fields in order: {name, tables, events, routes, jobs}.
struct ApiModule {
  std::string_view name;
  // Tables of the schema this module owns. Schema parity and migrate-data
  // cover every table anyway; this names the owner, and a test checks that
  // each table has exactly one.
  std::vector<std::string_view> tables;
  // Live events it publishes (each event type has exactly one owner).
  std::vector<EventType> events;
  std::function<void(ApiRoutes&, ApiContext&)> routes;
  // Registers its job kinds on this node's runner; empty when it has none.
  std::function<Status(JobRunner&, ApiContext&)> jobs;
};

// Registers the routes of every module on `router`; returns their
// declarations (`luister routes --audit`).
std::vector<RouteDeclaration> RegisterApi(Router& router, ApiContext& ctx,
                                          const std::vector<ApiModule>& modules);
// Registers every module's job kinds on `runner`.
Status RegisterJobs(JobRunner& runner, ApiContext& ctx, const std::vector<ApiModule>& modules);

// The modules of this server, one function per capability.
ApiModule SystemModule();
ApiModule SessionModule();
ApiModule DirectoryModule();
ApiModule CustomersModule();
ApiModule ConversationsModule();
ApiModule SearchModule();
ApiModule AuditModule();
ApiModule LiveModule();
ApiModule JobsModule();
ApiModule SubjectExportModule();
ApiModule MailModule();
ApiModule PhoneModule();
ApiModule ShopModule();
ApiModule WebFormModule();
ApiModule SocialModule();
ApiModule ChatModule();
ApiModule DuplicatesModule();
ApiModule CalendarModule();
ApiModule StaffingModule();
ApiModule PromisesModule();
ApiModule AnswersModule();
ApiModule AssistantModule();
ApiModule TopicsModule();

}  // namespace luister::http
