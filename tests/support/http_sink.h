#pragma once

#include <condition_variable>
#include <cstdint>
#include <deque>
#include <map>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

namespace luister::testing {

// A real HTTP/1.1 endpoint on 127.0.0.1 (a free port) for tests of what the
// desk sends out (webhooks): it keeps every request it gets and answers
// each with the next scripted answer (200 {} when the script is used up).
// One request per connection; the connection is closed after the answer.
class HttpSink {
 public:
  struct Received {
    std::string method;
    std::string target;
    std::map<std::string, std::string> headers;  // names lower-cased
    std::string body;
  };
  struct Answer {
    int status = 200;
    std::string body = "{}";
    std::vector<std::pair<std::string, std::string>> headers;
  };

  HttpSink();
  ~HttpSink();
  HttpSink(const HttpSink&) = delete;
  HttpSink& operator=(const HttpSink&) = delete;

  int port() const { return port_; }
  std::string Url(const std::string& path = "/") const;
  void Script(std::vector<Answer> answers);
  // Waits up to `timeout_ms` until `n` requests came; what came.
  std::vector<Received> WaitFor(size_t n, int timeout_ms = 10000);
  std::vector<Received> received();
  // Connections accepted, requests or not.
  int connections();

 private:
  void Serve();
  void Handle(int fd);

  int listener_ = -1;
  int port_ = 0;
  bool stop_ = false;  // GUARDED_BY(mutex_)
  std::mutex mutex_;
  std::condition_variable changed_;
  std::deque<Answer> script_;       // GUARDED_BY(mutex_)
  std::vector<Received> received_;  // GUARDED_BY(mutex_)
  int connections_ = 0;             // GUARDED_BY(mutex_)
  std::thread thread_;
};

}  // namespace luister::testing
