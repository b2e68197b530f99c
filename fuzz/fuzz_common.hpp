// Shared by the fuzz targets: what "expected failure" and "finding" mean.
//
// A target feeds its bytes to one loader. orgraph::error (and its subclasses) is the expected answer
// to bad input and is swallowed; anything else escapes and libFuzzer reports it as a crash, as do
// the sanitizers for memory errors and undefined behaviour. A property that must hold for every
// input that does load (say, saving and loading again gives the same model) is checked with
// ORGRAPH_FUZZ_CHECK, which aborts with a message.

#pragma once

#include <cstdio>
#include <cstdlib>

#define ORGRAPH_FUZZ_CHECK(condition, what)                                                                            \
  do {                                                                                                                 \
    if (!(condition)) {                                                                                                \
      std::fprintf(stderr, "orgraph fuzz finding: %s (%s, %s:%d)\n", what, #condition, __FILE__, __LINE__);            \
      std::abort();                                                                                                    \
    }                                                                                                                  \
  } while (false)
