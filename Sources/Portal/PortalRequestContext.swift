import Hummingbird
import NIOCore

/// The request context of the portal's routes: Hummingbird's basic context and the caller's address, which keys
/// the request rate limit of anonymous callers.
public struct PortalRequestContext: RequestContext, RemoteAddressRequestContext {
    public var coreContext: CoreRequestContextStorage
    /// The peer of the connection (nil in tests without a socket).
    public let remoteAddress: SocketAddress?

    public init(source: ApplicationRequestContextSource) {
        coreContext = .init(source: source)
        remoteAddress = source.channel.remoteAddress
    }
}
