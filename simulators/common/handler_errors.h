#pragma once
// Small pieces every simulator's front door repeats: the text of an exception a handler threw
// (answered as 500 in the simulator's own error shape), and whether the arguments ask for help.

#include <exception>
#include <span>
#include <string>

namespace hotline::sim {

// "what()" of the exception, or "unknown exception" when it is not a std::exception.
std::string exceptionText(std::exception_ptr error);

// True when any argument is --help or -h.
bool wantsHelp(std::span<const std::string> args);

} // namespace hotline::sim
