/// An event that carries an ``EventStamp``: the unit of a record merged by the union of its events.
protocol StampedEvent: Sendable, Equatable {
  var stamp: EventStamp { get }
}

/// One person's events in a record merged by union (links, desk decisions): each event once (by
/// id), in the one replay order, and where a new event goes.
struct EventLog<Event: StampedEvent>: Sendable, Equatable {
  private(set) var events: [Event] = []

  init(_ events: [Event]) {
    add(events)
  }

  /// Adds events not already in the log (by id), keeping the replay order.
  mutating func add(_ newEvents: [Event]) {
    var seen = Set(events.map(\.stamp.id))
    for event in newEvents where seen.insert(event.stamp.id).inserted { events.append(event) }
    events.sort { $0.stamp.precedes($1.stamp) }
  }

  /// The time and sequence number of an event recorded at `time`: never before the latest event
  /// (a clock behind the file's must not reorder what its author did), and one more than the
  /// largest sequence number.
  func nextPlace(at time: Timestamp) -> (at: Timestamp, sequence: Int) {
    let latest = events.last?.stamp.at
    let at = latest.map { $0 > time ? $0 : time } ?? time
    return (at, (events.map(\.stamp.sequence).max() ?? 0) + 1)
  }

  /// The spelling of the person a merge of two versions keeps: that of the version whose last
  /// event is later (then the larger spelling), so every clone keeps the same.
  static func mergedAuthor(_ mine: Identity, of log: EventLog, _ theirs: Identity, of other: EventLog) -> Identity {
    let mineKey = (log.events.last?.stamp.at.text ?? "", mine.description)
    let theirsKey = (other.events.last?.stamp.at.text ?? "", theirs.description)
    return theirsKey > mineKey ? theirs : mine
  }
}
