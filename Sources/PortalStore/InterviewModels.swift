import Foundation

/// An interview of the external assessors about one indicator of one OPD: when, where, who attends, and the notes
/// taken during it. The schedule may be changed until the notes are taken.
public struct Interview: Sendable, Equatable, Codable {
    /// The row id.
    public var id: Int64
    /// The period.
    public var periodID: Int64
    /// The OPD interviewed.
    public var opdID: Int64
    /// The indicator discussed (`I10`).
    public var indicator: String
    /// When, `YYYY-MM-DD HH:MM` in the pemda's time zone (WIB).
    public var startsAt: String
    /// A room, or an online meeting link.
    public var place: String
    /// Who attends, one name a line.
    public var attendees: String
    /// The notes taken during the interview (empty until taken).
    public var notes: String
    /// Who scheduled it.
    public var accountID: Int64
    /// When it was scheduled, in seconds since 1970.
    public var createdAt: Int64

    /// An interview as stored.
    public init(
        id: Int64, periodID: Int64, opdID: Int64, indicator: String, startsAt: String, place: String,
        attendees: String, notes: String, accountID: Int64, createdAt: Int64
    ) {
        self.id = id
        self.periodID = periodID
        self.opdID = opdID
        self.indicator = indicator
        self.startsAt = startsAt
        self.place = place
        self.attendees = attendees
        self.notes = notes
        self.accountID = accountID
        self.createdAt = createdAt
    }
}

/// Evidence promised during an interview ("data dukung menyusul"): what, by when; it waits in the OPD's queue.
public struct Commitment: Sendable, Equatable, Codable {
    /// The row id.
    public var id: Int64
    /// The interview it was promised in.
    public var interviewID: Int64
    /// The period (the interview's).
    public var periodID: Int64
    /// The OPD that promised it (the interview's).
    public var opdID: Int64
    /// The indicator (the interview's).
    public var indicator: String
    /// What is to follow, in the assessor's words.
    public var text: String
    /// The last day, `YYYY-MM-DD`.
    public var dueOn: String
    /// Who recorded it.
    public var accountID: Int64
    /// When, in seconds since 1970.
    public var createdAt: Int64

    /// A commitment as stored.
    public init(
        id: Int64, interviewID: Int64, periodID: Int64, opdID: Int64, indicator: String, text: String, dueOn: String,
        accountID: Int64, createdAt: Int64
    ) {
        self.id = id
        self.interviewID = interviewID
        self.periodID = periodID
        self.opdID = opdID
        self.indicator = indicator
        self.text = text
        self.dueOn = dueOn
        self.accountID = accountID
        self.createdAt = createdAt
    }
}

/// An interview about to be scheduled: everything but its id, notes and time.
public struct NewInterview: Sendable {
    /// The period.
    public var periodID: Int64
    /// The OPD.
    public var opdID: Int64
    /// The indicator.
    public var indicator: String
    /// `YYYY-MM-DD HH:MM`, WIB.
    public var startsAt: String
    /// A room or a link.
    public var place: String
    /// One name a line.
    public var attendees: String
    /// Who schedules it.
    public var accountID: Int64

    /// An interview to store.
    public init(
        periodID: Int64, opdID: Int64, indicator: String, startsAt: String, place: String, attendees: String,
        accountID: Int64
    ) {
        self.periodID = periodID
        self.opdID = opdID
        self.indicator = indicator
        self.startsAt = startsAt
        self.place = place
        self.attendees = attendees
        self.accountID = accountID
    }
}

/// The storage of interview preparation: the schedule, the notes and the commitments. Every method is one
/// transaction.
public protocol InterviewStore: Sendable {
    /// Schedules an interview.
    func addInterview(_ interview: NewInterview) throws -> Interview
    /// The interview with this id.
    func interview(id: Int64) throws -> Interview?
    /// A period's interviews, by time then OPD and indicator.
    func interviews(periodID: Int64) throws -> [Interview]
    /// Replaces an interview's notes.
    func setInterviewNotes(id: Int64, notes: String) throws
    /// Records a commitment made in an interview (its period, OPD and indicator are the interview's).
    func addCommitment(interviewID: Int64, text: String, dueOn: String, accountID: Int64) throws -> Commitment
    /// A period's commitments, by due day then id.
    func commitments(periodID: Int64) throws -> [Commitment]
}
