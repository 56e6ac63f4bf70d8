import DataModel
import Foundation

/// Today's date in UTC, the default evaluation date.
enum Today {
    static var day: Day {
        let seconds = Int(Date().timeIntervalSince1970)
        return Day(ordinal: seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400)
    }
}
