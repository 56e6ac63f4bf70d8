import Foundation

/// Where a follow-up comes from.
public enum FollowUpSource: String, Sendable, Codable, CaseIterable {
    /// An indicator's official recommendation.
    case recommendation
    /// An evidence item the official review marked to revise.
    case evidence
}

/// How urgent a follow-up is.
public enum FollowUpPriority: String, Sendable, Codable, CaseIterable {
    /// Tinggi: an item the assessors returned, or a recommendation on an indicator below its claim.
    case high
    /// Sedang.
    case medium
    /// Rendah.
    case low
}

/// Where a follow-up stands.
public enum FollowUpStatus: String, Sendable, Codable, CaseIterable {
    /// Not started.
    case open
    /// Being worked on.
    case inProgress = "in-progress"
    /// Done (the owner says so; the next evaluation judges it).
    case done
}

/// A follow-up about to be stored.
public struct NewFollowUp: Sendable, Equatable {
    /// The period whose results gave rise to it.
    public var periodID: Int64
    /// A recommendation or an evidence item.
    public var source: FollowUpSource
    /// The indicator (in the period's pack).
    public var indicator: String
    /// The evidence item's display code; empty for a recommendation.
    public var item: String
    /// The OPD that owns it; nil while nobody leads the indicator.
    public var opdID: Int64?
    /// The person in charge.
    public var pj: String
    /// The day it should be done by (`YYYY-MM-DD`).
    public var targetOn: String
    /// How urgent.
    public var priority: FollowUpPriority
    /// What is to be done: the recommendation, or the evidence item and the assessors' note.
    public var description: String

    /// A follow-up to store.
    public init(
        periodID: Int64, source: FollowUpSource, indicator: String, item: String, opdID: Int64?, pj: String,
        targetOn: String, priority: FollowUpPriority, description: String
    ) {
        self.periodID = periodID
        self.source = source
        self.indicator = indicator
        self.item = item
        self.opdID = opdID
        self.pj = pj
        self.targetOn = targetOn
        self.priority = priority
        self.description = description
    }
}

/// A stored follow-up with its current state.
public struct FollowUp: Sendable, Equatable, Codable {
    /// The row id.
    public var id: Int64
    /// The period whose results gave rise to it.
    public var periodID: Int64
    /// A recommendation or an evidence item.
    public var source: FollowUpSource
    /// The indicator (in that period's pack).
    public var indicator: String
    /// The evidence item's display code; empty for a recommendation.
    public var item: String
    /// The owner OPD, nil while unassigned.
    public var opdID: Int64?
    /// The person in charge.
    public var pj: String
    /// The target day (`YYYY-MM-DD`).
    public var targetOn: String
    /// How urgent.
    public var priority: FollowUpPriority
    /// Where it stands.
    public var status: FollowUpStatus
    /// What is to be done.
    public var description: String
    /// The owner's latest note on progress.
    public var note: String
    /// When it was created, in seconds since 1970.
    public var createdAt: Int64
    /// When it last changed, in seconds since 1970.
    public var updatedAt: Int64

    /// Whether it is still open past its target day `today` (`YYYY-MM-DD`).
    public func isOverdue(on today: String) -> Bool { status != .done && targetOn < today }

    /// A follow-up as stored.
    public init(
        id: Int64, periodID: Int64, source: FollowUpSource, indicator: String, item: String, opdID: Int64?, pj: String,
        targetOn: String, priority: FollowUpPriority, status: FollowUpStatus, description: String, note: String,
        createdAt: Int64, updatedAt: Int64
    ) {
        self.id = id
        self.periodID = periodID
        self.source = source
        self.indicator = indicator
        self.item = item
        self.opdID = opdID
        self.pj = pj
        self.targetOn = targetOn
        self.priority = priority
        self.status = status
        self.description = description
        self.note = note
        self.createdAt = createdAt
        self.updatedAt = updatedAt
    }
}

/// A change to a follow-up: an owner changes its status and note; an admin also its owner, PJ, target and
/// priority (nil: unchanged).
public struct FollowUpChange: Sendable, Equatable {
    /// The new status.
    public var status: FollowUpStatus
    /// The owner's note on progress.
    public var note: String
    /// The new owner OPD (`.some(nil)`: unassigned), nil to keep it.
    public var opdID: Int64??
    /// The new PJ, nil to keep it.
    public var pj: String?
    /// The new target day (`YYYY-MM-DD`), nil to keep it.
    public var targetOn: String?
    /// The new priority, nil to keep it.
    public var priority: FollowUpPriority?

    /// A change of status and note, and optionally of the admin's fields.
    public init(
        status: FollowUpStatus, note: String, opdID: Int64?? = nil, pj: String? = nil, targetOn: String? = nil,
        priority: FollowUpPriority? = nil
    ) {
        self.status = status
        self.note = note
        self.opdID = opdID
        self.pj = pj
        self.targetOn = targetOn
        self.priority = priority
    }
}
