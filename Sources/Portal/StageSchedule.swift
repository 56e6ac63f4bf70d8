import Foundation
import PortalStore

/// A period's stages as one OPD meets them: which stage runs on a day, how many days it has left, and whether the
/// OPD may still upload. Days are `YYYY-MM-DD` in the pemda's time zone (WIB, UTC+7, by default), compared as text.
struct StageSchedule: Sendable {
    /// The period's scheduled stages, in the evaluation's order.
    let stages: [StageDates]
    /// The admin's reopenings for this OPD, newest first.
    let reopenings: [Reopening]

    /// The stage that takes uploads: inventories and evidence lock when it closes.
    static let submissionStage = Stage.penilaianMandiri

    /// The stage running on `day` (the later one where two overlap), nil between or outside stages.
    func current(on day: String) -> StageDates? {
        stages.last { $0.startsOn <= day && day <= $0.endsOn }
    }

    /// The first stage that starts after `day`.
    func next(after day: String) -> StageDates? {
        stages.first { $0.startsOn > day }
    }

    /// The dates of the stage that takes uploads, nil while it is unscheduled.
    var submission: StageDates? { stages.first { $0.stage == Self.submissionStage } }

    /// The reopening that keeps uploads open on `day`, if any.
    func reopening(on day: String) -> Reopening? {
        reopenings.first { day <= $0.untilOn }
    }

    /// Whether the OPD may upload on `day`: while the submission stage is unscheduled or has not ended, or while an
    /// admin's reopening for it lasts. Uploads before the stage starts (during persiapan) are allowed: only a
    /// closed stage locks.
    func uploadsOpen(on day: String) -> Bool {
        guard let submission else { return true }
        return day <= submission.endsOn || reopening(on: day) != nil
    }
}

/// Calendar days in the pemda's time zone.
enum CivilDay {
    /// The pemda's offset from UTC in seconds: WIB (UTC+7), where the stage dates are set.
    static let offset: Int64 = 7 * 3600

    /// The day `seconds` (since 1970) falls on in the pemda's time zone.
    static func day(of seconds: Int64 = Int64(Date().timeIntervalSince1970)) -> String {
        String(Layout.time(seconds + offset).prefix(10))
    }

    /// The day `days` after `day` (before it when negative); nil when `day` is not a date.
    static func adding(_ days: Int64, to day: String) -> String? {
        number(day).map { String(Layout.time(($0 + days) * 86_400).prefix(10)) }
    }

    /// Days from `from` to `to` (negative when `to` is earlier); nil when either is not a date.
    static func between(_ from: String, _ to: String) -> Int64? {
        guard let a = number(from), let b = number(to) else { return nil }
        return b - a
    }

    /// Days since 1970-01-01 of a `YYYY-MM-DD` day (Howard Hinnant's days-from-civil), nil when it is not one.
    static func number(_ day: String) -> Int64? {
        guard Routes.isDate(day) else { return nil }
        let parts = day.split(separator: "-").compactMap { Int64($0) }
        let (month, dayOfMonth) = (parts[1], parts[2])
        let year = month <= 2 ? parts[0] - 1 : parts[0]
        let era = (year >= 0 ? year : year - 399) / 400
        let yoe = year - era * 400
        let doy = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + dayOfMonth - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        let days = era * 146_097 + doe - 719_468
        // A day past its month's end (2026-02-31) is not a date.
        return String(Layout.time(days * 86_400).prefix(10)) == day ? days : nil
    }
}

extension StageSchedule {
    /// The stages during which the Tim Asesor Internal records verdicts.
    static let reviewStages: Set<Stage> = [.penilaianMandiri, .verifikasiInternal]

    /// Whether verdicts may be recorded on `day`: until the last of the review stages ends (always while neither is
    /// scheduled). Admin reopenings reopen uploads, not the review.
    func reviewOpen(on day: String) -> Bool {
        guard let ends = stages.filter({ Self.reviewStages.contains($0.stage) }).map(\.endsOn).max() else {
            return true
        }
        return day <= ends
    }
}
