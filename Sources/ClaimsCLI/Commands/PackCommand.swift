import ClaimLedger
import ClaimModel

/// `claims pack`: the ledger's loose objects and small packs into one pack.
struct PackCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    name: "pack",
    abstract: "Pack the ledger's loose objects and small packs into one pack, as git gc does, pruning nothing.",
    discussion:
      "Every write leaves loose objects or a small pack. claims packs them on its own after a write once there are more than 6,700 loose objects or 50 packs (git's gc.auto and gc.autoPackLimit change these limits; 0 turns it off); this command does it now. Small packs are rolled in so that each pack left holds at least twice all the smaller ones together (git repack --geometric=2). Nothing is pruned, and packs with a .keep file are left alone. git gc remains free to run on the ledger too."
  )

  @Flag(help: "Print what was packed as JSON.")
  var json = false

  func run(_ context: CommandContext) throws -> Int32 {
    let ledger = try context.openLedger()
    let result = try ledger.packObjects()
    if json {
      context.output.write(
        JSONWriter.canonicalText(
          of: .object([
            "loose_objects_packed": .integer(result.looseObjectsPacked),
            "packs_combined": .integer(result.packsCombined),
            "objects_in_new_pack": .integer(result.objectsInNewPack),
            "packs_after": .integer(result.packsAfter),
            "loose_objects_after": .integer(result.looseObjectsAfter),
            "leftovers_removed": .integer(result.leftoversRemoved),
          ])))
      return ExitStatus.success
    }
    if result.leftoversRemoved > 0 {
      context.print(
        "Removed \(String.count(result.leftoversRemoved, "file")) that killed pack writers had left in objects/pack.")
    }
    guard result.objectsInNewPack > 0 else {
      context.print(
        "Nothing to pack: \(String.count(result.looseObjectsAfter, "loose object")), \(String.count(result.packsAfter, "pack"))."
      )
      return ExitStatus.success
    }
    context.print(
      "Packed \(String.count(result.looseObjectsPacked, "loose object")) and \(String.count(result.packsCombined, "pack")) into one pack of \(String.count(result.objectsInNewPack, "object")); \(String.count(result.packsAfter, "pack")) now."
    )
    return ExitStatus.success
  }
}
