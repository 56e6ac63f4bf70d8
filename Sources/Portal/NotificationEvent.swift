import PortalStore

/// Something the portal tells people about, in the portal and by e-mail. Each case says who receives it (its
/// audience) and words its message from its own data only: an event about one OPD carries that OPD's data and goes
/// to that OPD's operators, an event about the pemda carries no OPD's data at all. A new event is a case here, its
/// audience and its words.
enum NotificationEvent: Sendable, Equatable {
    /// A stage of a period closes in `daysLeft` days (7 or 1: the reminder's bucket).
    case stageClosing(period: Period, stage: Stage, endsOn: String, daysLeft: Int)
    /// The Tim Asesor Internal returned an item of an OPD (an evidence code or a claim's indicator) for revision.
    case revisionRequested(period: Period, opd: OPD, item: String, reason: RevisionReason?, note: String, link: String)
    /// Evidence promised in an interview is due in `daysLeft` days (1, or 0: today).
    case commitmentDue(period: Period, opd: OPD, commitment: Commitment, daysLeft: Int)
    /// Official results were stored that give an OPD `followUps` new follow-ups (recommendations, returned items).
    case resultPublished(period: Period, opd: OPD, followUps: Int)
    /// An OPD's follow-up is still not done after its target day.
    case followUpOverdue(period: Period, opd: OPD, followUp: FollowUp)

    /// Who receives an event.
    enum Audience: Sendable, Equatable {
        /// The operators of one OPD.
        case opd(Int64)
        /// Every account (no OPD's data in the message).
        case pemda
    }

    /// The event's audience.
    var audience: Audience {
        switch self {
        case .stageClosing: .pemda
        case .revisionRequested(_, let opd, _, _, _, _): .opd(opd.id)
        case .commitmentDue(_, let opd, _, _): .opd(opd.id)
        case .resultPublished(_, let opd, _): .opd(opd.id)
        case .followUpOverdue(_, let opd, _): .opd(opd.id)
        }
    }

    /// The kind stored with the notification.
    var kind: String {
        switch self {
        case .stageClosing: "stage-closing"
        case .revisionRequested: "revision-requested"
        case .commitmentDue: "commitment-due"
        case .resultPublished: "result-published"
        case .followUpOverdue: "follow-up-overdue"
        }
    }

    /// The key that makes a reminder go out once (nil: every occurrence is its own event).
    var onceKey: String? {
        switch self {
        case .stageClosing(let period, let stage, let endsOn, let daysLeft):
            "stage-closing:\(period.id):\(stage.rawValue):\(endsOn):\(daysLeft)"
        case .revisionRequested: nil
        case .commitmentDue(_, _, let commitment, let daysLeft): "commitment-due:\(commitment.id):\(daysLeft)"
        case .resultPublished: nil
        case .followUpOverdue(_, _, let followUp): "follow-up-overdue:\(followUp.id):\(followUp.targetOn)"
        }
    }

    /// The accounts among `accounts` that receive the event.
    func recipients(_ accounts: [Account]) -> [Account] {
        switch audience {
        case .pemda: accounts
        case .opd(let id): accounts.filter { $0.role == .operator && $0.opdID == id }
        }
    }

    /// The portal path the message points to.
    var link: String {
        switch self {
        case .stageClosing: "/"
        case .revisionRequested(_, _, _, _, _, let link): link
        case .commitmentDue(let period, let opd, _, _): "/periods/\(period.id)/opds/\(opd.id)#commitments"
        case .resultPublished, .followUpOverdue: "/follow-ups"
        }
    }

    /// The subject line, in Indonesian (the pemda's language; e-mail has no language cookie).
    var subject: String {
        switch self {
        case .stageClosing(let period, let stage, _, let daysLeft):
            "[SPBE] Tahap \(Words(language: .id).stage(stage)) \(period.name) ditutup dalam \(daysLeft) hari"
        case .revisionRequested(let period, _, let item, _, _, _):
            "[SPBE] Permintaan revisi \(item) · \(period.name)"
        case .commitmentDue(let period, _, let commitment, let daysLeft):
            "[SPBE] Data dukung menyusul \(commitment.indicator) jatuh tempo \(daysLeft == 0 ? "hari ini" : "besok") · \(period.name)"
        case .resultPublished(let period, _, let followUps):
            "[SPBE] Hasil resmi \(period.name): \(followUps) tindak lanjut baru"
        case .followUpOverdue(let period, _, let followUp):
            "[SPBE] Tindak lanjut \(followUp.indicator) melewati target \(followUp.targetOn) · \(period.name)"
        }
    }

    /// The message's text.
    var body: String {
        let words = Words(language: .id)
        switch self {
        case .stageClosing(let period, let stage, let endsOn, let daysLeft):
            return """
                Tahap \(words.stage(stage)) pada periode \(period.name) berakhir pada \(endsOn) (\(daysLeft) hari lagi).
                Setelah tanggal itu, unggahan dan perubahan pada tahap ini dikunci.
                """
        case .revisionRequested(let period, let opd, let item, let reason, let note, _):
            return """
                Tim Asesor Internal mengembalikan \(item) milik \(opd.name) untuk direvisi (periode \(period.name)).
                Alasan: \(reason.map { words.reason($0) } ?? "-")
                Catatan: \(note.isEmpty ? "-" : note)
                Unggah versi baru dari halaman OPD sebelum tahap ditutup.
                """
        case .commitmentDue(let period, let opd, let commitment, _):
            return """
                \(opd.name) berjanji pada interviu untuk menyusulkan data dukung indikator \(commitment.indicator) \
                (periode \(period.name)):
                \(commitment.text)
                Batas waktu: \(commitment.dueOn).
                """
        case .resultPublished(let period, let opd, let followUps):
            return """
                Hasil resmi evaluasi SPBE periode \(period.name) telah dimasukkan ke portal.
                \(opd.name) mendapat \(followUps) tindak lanjut baru (rekomendasi atau data dukung yang harus direvisi).
                Lihat dan perbarui statusnya di halaman Tindak lanjut.
                """
        case .followUpOverdue(let period, let opd, let followUp):
            return """
                Tindak lanjut \(opd.name) untuk indikator \(followUp.indicator) (periode \(period.name)) belum selesai, \
                padahal targetnya \(followUp.targetOn):
                \(followUp.description)
                Perbarui statusnya di halaman Tindak lanjut, atau minta admin mengubah targetnya.
                """
        }
    }
}
