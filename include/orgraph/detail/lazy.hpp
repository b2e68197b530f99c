#pragma once
// Internal: a value built on first use, safely from many threads at once, and dropped by edits.

#include <atomic>
#include <memory>
#include <mutex>
#include <utility>

namespace orgraph::detail {

/// Holds a T built by the first get(); later calls, from any thread, return the same one without
/// locking. reset() drops it and needs exclusive access, as every edit of the owner does. Copies start
/// empty: a cache belongs to the object that built it.
template <class T> class lazy {
public:
  lazy() = default;
  lazy(const lazy&) noexcept {}
  lazy(lazy&& other) noexcept : value_(std::move(other.value_)) {
    ready_.store(value_.get(), std::memory_order_release);
    other.ready_.store(nullptr, std::memory_order_release);
  }
  lazy& operator=(const lazy&) noexcept {
    reset();
    return *this;
  }
  lazy& operator=(lazy&& other) noexcept {
    value_ = std::move(other.value_);
    ready_.store(value_.get(), std::memory_order_release);
    other.ready_.store(nullptr, std::memory_order_release);
    return *this;
  }
  ~lazy() = default;

  /// The value, built by `build()` (which returns a T) if nobody has built it yet.
  template <class Build> const T& get(Build&& build) const {
    if (const T* p = ready_.load(std::memory_order_acquire))
      return *p;
    std::lock_guard<std::mutex> lock(mutex_);
    if (!value_)
      value_ = std::make_unique<T>(std::forward<Build>(build)());
    ready_.store(value_.get(), std::memory_order_release);
    return *value_;
  }

  /// The value if it has been built, else nullptr.
  [[nodiscard]] const T* peek() const noexcept { return ready_.load(std::memory_order_acquire); }

  /// Drop the value. Not thread-safe: call only with exclusive access to the owner.
  void reset() noexcept {
    ready_.store(nullptr, std::memory_order_release);
    value_.reset();
  }

  /// Exchange with another lazy value (exclusive access to both).
  void swap(lazy& other) noexcept {
    value_.swap(other.value_);
    ready_.store(value_.get(), std::memory_order_release);
    other.ready_.store(other.value_.get(), std::memory_order_release);
  }

private:
  mutable std::atomic<const T*> ready_{nullptr};
  mutable std::mutex mutex_;
  mutable std::unique_ptr<T> value_;
};

} // namespace orgraph::detail
