import Foundation
import HTTPTypes
import Hummingbird

extension Routes {
    /// The refusal of a request over its caller's rate (429 with `Retry-After`), or nil: a signed-in caller is
    /// counted by account (its session or API token alike), an anonymous one by address.
    func limitRate(_ principal: Principal?, _ call: Call) -> Response? {
        let key =
            principal.map { "account:\($0.account.id)" }
            ?? "address:\(call.context.remoteAddress?.ipAddress ?? "unknown")"
        guard let wait = services.requests.take(key) else { return nil }
        var response = call.problem(.tooManyRequests, call.words.tooManyRequests)
        response.headers[.retryAfter] = String(wait)
        return response
    }
}
