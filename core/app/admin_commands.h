#pragma once
// CLI commands that speak to a running gateway's admin API:
//   dlq list [--after N] [--limit N] | dlq show ID | dlq replay ID | dlq discard ID [--reason R]
//   audit list [--ticket ID] [--after N] [--limit N] | audit verify [--db FILE]
//   trace TICKET_ID
// Common options: --config FILE, --admin HOST:PORT, --token-file FILE (or HOTLINE_ADMIN_TOKEN).
// `audit verify --db FILE` checks a database file directly, gateway running or not.

#include <iosfwd>
#include <string>
#include <vector>

namespace hotline::app {

int runDlqCommand(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);
int runAuditCommand(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);
int runTraceCommand(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);

} // namespace hotline::app
