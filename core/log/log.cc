// The process-wide log sink: a Poco::Logger whose channel is a ConsoleChannel on stderr or a
// FileChannel, swapped by configure(). Level filtering happens here, before a line is
// formatted, so a disabled debug() costs one atomic load.

#include "core/log/log.h"

#include <Poco/AutoPtr.h>
#include <Poco/ConsoleChannel.h>
#include <Poco/Exception.h>
#include <Poco/FileChannel.h>
#include <Poco/Logger.h>
#include <Poco/Message.h>

#include <atomic>
#include <iostream>
#include <mutex>
#include <shared_mutex>

namespace hotline::log {
namespace {

constexpr const char* kLoggerName = "hotline";

Poco::Message::Priority toPriority(Level level) {
  switch (level) {
  case Level::Trace:
    return Poco::Message::PRIO_TRACE;
  case Level::Debug:
    return Poco::Message::PRIO_DEBUG;
  case Level::Info:
    return Poco::Message::PRIO_INFORMATION;
  case Level::Warn:
    return Poco::Message::PRIO_WARNING;
  case Level::Error:
    return Poco::Message::PRIO_ERROR;
  }
  return Poco::Message::PRIO_INFORMATION;
}

struct Sink {
  Sink() : logger(Poco::Logger::get(kLoggerName)) {
    logger.setChannel(new Poco::ConsoleChannel(std::cerr));
    logger.setLevel(Poco::Message::PRIO_TRACE); // filtering is ours, see enabled()
  }

  Poco::Logger& logger;
  std::atomic<Level> level{Level::Info};
  // Writers share it; configure() takes it exclusively to swap the channel, which
  // Poco::Logger does not guard against concurrent log() calls.
  std::shared_mutex channel_mutex;
};

Sink& sink() {
  static Sink instance;
  return instance;
}

// A FileChannel opened at once, so that a bad path is reported by configure() rather than by
// the first write; nullptr (and the reason) when the file cannot be opened.
Poco::AutoPtr<Poco::Channel> openFileChannel(const std::string& path, std::string& error) {
  Poco::AutoPtr<Poco::FileChannel> channel(new Poco::FileChannel(path));
  try {
    channel->setProperty("flush", "true");
    channel->open();
  } catch (const Poco::Exception& e) {
    error = e.displayText();
    return nullptr;
  }
  return channel;
}

void deliver(Level level, const std::string& line) {
  Sink& state = sink();
  std::shared_lock lock(state.channel_mutex);
  try {
    state.logger.log(Poco::Message(kLoggerName, line, toPriority(level)));
  } catch (...) {
    // A full disk must not take a request down with it; stderr is the last resort.
    std::cerr << line << '\n';
  }
}

} // namespace

void configure(const Options& options) {
  Sink& state = sink();
  std::string error;
  Poco::AutoPtr<Poco::Channel> channel;
  if (!options.path.empty()) {
    channel = openFileChannel(options.path, error);
  }
  if (channel.isNull()) {
    channel = new Poco::ConsoleChannel(std::cerr);
  }
  {
    std::unique_lock lock(state.channel_mutex);
    Poco::Channel::Ptr previous = state.logger.getChannel();
    if (!previous.isNull()) {
      previous->close();
    }
    state.logger.setChannel(channel);
    state.level.store(options.level);
  }
  if (!error.empty()) {
    write(Level::Error, "log", "cannot open the log file, logging to stderr instead",
          {{"path", options.path}, {"error", error}});
  }
}

bool enabled(Level level) {
  return level >= sink().level.load(std::memory_order_relaxed);
}

void write(Level level, std::string_view component, std::string_view message,
           const Fields& fields) {
  if (!enabled(level)) {
    return;
  }
  deliver(level, formatLine(level, component, message, fields,
                            formatTimestamp(std::chrono::system_clock::now())));
}

} // namespace hotline::log
