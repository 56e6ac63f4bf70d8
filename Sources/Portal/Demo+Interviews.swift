import Foundation
import PortalStore

extension PortalServices {
    /// The demo's interview preparation: Diskominfo's interview on the Tim Koordinasi indicator (I10), dated in the
    /// interviu stage, with its attendees and one piece of evidence promised to follow, so a visitor sees a
    /// schedule, talking points and a promise in Diskominfo's queue.
    func loadDemoInterviews(period: Period) throws {
        guard let diskominfo = try store.opds().first(where: { $0.code == "diskominfo" }),
            let admin = try store.accounts().first(where: { $0.role == .admin }),
            let day = CivilDay.adding(62, to: CivilDay.day()), let due = CivilDay.adding(69, to: CivilDay.day())
        else { return }
        let interview = try store.addInterview(
            NewInterview(
                periodID: period.id, opdID: diskominfo.id, indicator: "I10", startsAt: "\(day) 09:00",
                place: "Ruang rapat Diskominfo",
                attendees: "Kepala Diskominfo\nSekretaris Tim Koordinasi SPBE\nSri Wahyuni (PJ)",
                accountID: admin.id))
        _ = try store.addCommitment(
            interviewID: interview.id, text: "Notula evaluasi tahunan Tim Koordinasi SPBE 2026", dueOn: due,
            accountID: admin.id)
    }
}
