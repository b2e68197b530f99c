#pragma once
// A stream buffer that counts what is written to it and keeps nothing: DOT output timed without the
// disk, by the query and the hostile-shape benchmarks alike.

#include <cstddef>
#include <streambuf>

namespace orgraph_bench {

class counting_buffer : public std::streambuf {
public:
  std::size_t count = 0;

protected:
  int_type overflow(int_type c) override {
    ++count;
    return c;
  }
  std::streamsize xsputn(const char*, std::streamsize n) override {
    count += static_cast<std::size_t>(n);
    return n;
  }
};

} // namespace orgraph_bench
