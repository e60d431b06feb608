#include "push_outcome.h"

namespace hotline::connectors::department {

PushOutcome judgePush(const PushRequest& request, const HttpAnswer& answer, int64_t now_ms) {
  support::SignedCall call{request.where,          request.key,   request.target, request.nonce,
                           request.verify_replies, request.window};
  const ReplyFormat format = request.format;
  support::CallOutcome outcome = support::judgeSignedCall(
      call, answer, now_ms, [format](std::string_view body) -> Result<support::PeerReply> {
        Result<DeptReply> reply = parseReply(format, body);
        if (!reply) {
          return reply.status();
        }
        return support::PeerReply{reply->code, reply->message, reply->case_no};
      });
  return {std::move(outcome.delivery), std::move(outcome.number), outcome.link_failure};
}

} // namespace hotline::connectors::department
