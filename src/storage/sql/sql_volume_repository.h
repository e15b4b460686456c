#pragma once

#include "domain/contact_volume.h"
#include "storage/sql/database.h"

namespace luister::sql {

class SqlVolumeRepository final : public VolumeRepository {
 public:
  explicit SqlVolumeRepository(Database& db) : db_(db) {}
  Result<std::vector<VolumeEvent>> EventsAfter(VolumeSource source, int64_t after,
                                               int limit) override;
  Result<int64_t> Watermark(VolumeSource source) override;
  Result<bool> Add(VolumeSource source, const std::map<VolumeKey, VolumeCounts>& counts,
                   int64_t from, int64_t to) override;
  Result<int64_t> Recount(Timestamp from, Timestamp to) override;
  Result<std::vector<Merge>> MergesAfter(int64_t after, int limit) override;
  Result<int64_t> MergeWatermark() override;
  Result<bool> MoveMergeWatermark(int64_t from, int64_t to) override;
  Result<Timestamp> RepairedThrough() override;
  Result<bool> SetRepairedThrough(Timestamp from, Timestamp to) override;
  Result<std::vector<VolumeRow>> Rows(Timestamp from, Timestamp to, const VolumeFilter& filter,
                                      VolumeGrain grain) override;
  using VolumeRepository::Rows;
  Status SampleOnline(Timestamp bucket, Timestamp since) override;
  Result<std::vector<std::string>> Segments(Timestamp since, int limit) override;
  Result<std::vector<OnlineSample>> Online(Timestamp from, Timestamp to) override;
  Result<std::optional<int64_t>> JobId() override;
  Result<bool> SetJob(std::optional<int64_t> expected, int64_t job_id) override;

 private:
  Database& db_;
};

}  // namespace luister::sql
