import Foundation
import Hummingbird
import PortalStore

/// The portal's HTTP application.
public enum PortalApp {
    /// Every route of the portal, behind the security headers.
    public static func router(_ services: PortalServices) -> Router<PortalRequestContext> {
        let router = Router(context: PortalRequestContext.self)
        router.add(middleware: SecurityHeaders())
        let routes = Routes(router: router, services: services)
        routes.addSessionRoutes()
        routes.addAdminRoutes()
        routes.addOPDRoutes()
        routes.addDashboardRoutes()
        routes.addTokenRoutes()
        routes.addAPIRoutes()
        routes.addWorkflowAPIRoutes()
        routes.addChecklistRoutes()
        routes.addFindingsRoutes()
        routes.addQueueRoutes()
        routes.addStageRoutes()
        routes.addResponsibilityRoutes()
        routes.addEvidenceRoutes()
        routes.addClaimRoutes()
        routes.addReviewRoutes()
        routes.addResultRoutes()
        routes.addFollowUpRoutes()
        routes.addPasswordRoutes()
        routes.addSubmissionPackRoutes()
        routes.addInterviewRoutes()
        routes.addNotificationRoutes()
        routes.addMethodRefusals()
        return router
    }

    /// The application listening on `host`:`port`.
    public static func application(_ services: PortalServices, host: String, port: Int) -> some ApplicationProtocol {
        Application(
            router: router(services), configuration: .init(address: .hostname(host, port: port), serverName: nil))
    }
}
