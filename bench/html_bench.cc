// The HTML sanitiser on ordinary mail and on adversarial shapes, each up to
// the largest message body (256 KiB): time per call and the parser's peak
// memory (HtmlStats::peak_bytes). Deep nesting beyond the bound is read as
// text without the parser; everything within the bounds is parsed.
//
//   build-bench/bench/luister_html_bench --benchmark_min_time=0.5
#include <benchmark/benchmark.h>

#include <string>

#include "domain/html_sanitizer.h"

namespace {

std::string Repeat(std::string_view s, size_t n) {
  std::string out;
  out.reserve(s.size() * n);
  for (size_t i = 0; i < n; ++i) out += s;
  return out;
}

constexpr size_t kBody = 256 * 1024;

std::string Shape(int which) {
  switch (which) {
    case 0:  // an ordinary HTML mail with a quoted thread, 256 KiB
      return Repeat(
          "<p>Beste klant,<br>uw <b>bestelling</b> is onderweg.</p><blockquote>"
          "<div>Op 1 dec schreef u:<br>Waar blijft mijn pakket?</div></blockquote>",
          kBody / 140);
    case 1:  // 30,000 nested spans: beyond the depth bound, read as text
      return Repeat("<span>", 30000) + "x";
    case 2:  // nesting at the depth bound (256), repeated up to the element bound
      return Repeat(
          Repeat("<i>", luister::kMaxHtmlDepth) + "x" + Repeat("</i>", luister::kMaxHtmlDepth),
          luister::kMaxHtmlElements / luister::kMaxHtmlDepth);
    case 3:  // misnested formatting up to the element bound
      return Repeat("<b><i>x</b></i>", luister::kMaxHtmlElements / 2 - 1);
    case 4:  // one element with 64k attributes
      return "<p " + Repeat("a=1 ", kBody / 4 - 8) + ">x</p>";
    default:  // 256 KiB of entities
      return Repeat("&amp;&#x1F600;&nbsp;", kBody / 20);
  }
}

const char* kNames[] = {"mail_256k",           "nested_30000_spans",
                        "nested_256_repeated", "misnested_20000_elements",
                        "attributes_64k",      "entities_256k"};

void BM_Sanitize(benchmark::State& state) {
  const std::string html = Shape(static_cast<int>(state.range(0)));
  luister::HtmlStats stats;
  for (auto _ : state) benchmark::DoNotOptimize(luister::SanitizeHtml(html, &stats));
  state.SetLabel(kNames[state.range(0)]);
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * html.size()));
  state.counters["input_kb"] = static_cast<double>(html.size()) / 1024;
  state.counters["parsed"] = stats.parsed ? 1 : 0;
  state.counters["parser_peak_mb"] = static_cast<double>(stats.peak_bytes) / (1 << 20);
}
BENCHMARK(BM_Sanitize)->DenseRange(0, 5)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
