import Testing

@testable import ClaimMatching

@Suite struct MatchingIndexTests {
  static let factChecks = [
    MatchingDocument(
      key: "https://checks.example/bridge", kind: .factCheck, claim: "The new bridge cost five billion dollars.",
      headline: "Did the Bridge Cost $5 Billion?"),
    MatchingDocument(
      key: "https://checks.example/butterflies", kind: .factCheck,
      claim: "Butterflies drank water from a wombat hole during the Australian bushfires.",
      headline: "Did Butterflies Survive the Australian Fires in a Wombat Hole?"),
    MatchingDocument(
      key: "https://checks.example/minecraft", kind: .factCheck, claim: "Minecraft is being shut down in 2020.",
      headline: "Is Minecraft Shutting Down?"),
    MatchingDocument(
      key: "https://checks.example/soros", kind: .factCheck,
      claim: "George Soros was a Nazi collaborator during World War II.", headline: "Was George Soros a Nazi?"),
    MatchingDocument(key: "bba13a9eec", kind: .claim, claim: "Officials said the bridge cost five billion dollars."),
  ]

  @Test func aFactCheckNamingTheTweetsMonthAndYearRanksAboveOneOfAnotherYear() throws {
    // The same words but for the date; the other year's check is shorter and indexed first, so
    // without the date features it would win.
    let index = MatchingIndex(documents: [
      MatchingDocument(
        key: "https://checks.example/flood-2016", kind: .factCheck,
        claim: "A video shows the city center flooded in March 2016."),
      MatchingDocument(
        key: "https://checks.example/flood-2019", kind: .factCheck,
        claim: "A video shows the city center flooded in August 2019."),
    ])
    let tweet = "Video of the city center flooded right now — Jane Doe (@janedoe) August 3, 2019"
    #expect(SocialText(tweet).date?.year == 2019)
    #expect(SocialText(tweet).date?.month == 8)
    #expect(SocialText("The city center flooded").date == nil)
    #expect(
      try index.matches(for: tweet, limit: 2).map(\.key) == [
        "https://checks.example/flood-2019", "https://checks.example/flood-2016",
      ])
    // Without a date in the query, the shorter check is ahead as before.
    #expect(
      try index.matches(for: "Video of the city center flooded", limit: 1).first?.key
        == "https://checks.example/flood-2016")
  }

  @Test func theSameClaimRanksFirst() throws {
    let index = MatchingIndex(documents: Self.factChecks)
    let tweet =
      "How are butterflies surviving the #AustralianFires? pic.twitter.com/0eJtwJyS1J — Center for Bio Div (@CenterForBioDiv) January 14, 2020"
    #expect(try index.matches(for: tweet, limit: 3).first?.key == "https://checks.example/butterflies")
    let minecraft = try index.matches(for: "google says #Minecraft will be shut down https://t.co/x", limit: 2)
    #expect(minecraft.first?.key == "https://checks.example/minecraft")
    #expect(minecraft.count <= 2)
    let soros = try index.matches(for: ".@georgesoros admits his collaboration with the Nazis", limit: 1)
    #expect(soros.map(\.key) == ["https://checks.example/soros"])
  }

  @Test func claimsOfTheLedgerMatchToo() throws {
    let index = MatchingIndex(documents: Self.factChecks)
    let matches = try index.matches(for: "the bridge cost five billion dollars", limit: 5)
    #expect(Set(matches.prefix(2).map(\.key)) == ["https://checks.example/bridge", "bba13a9eec"])
    #expect(matches.first { $0.key == "bba13a9eec" }?.kind == .claim)
    #expect(matches.map(\.score) == matches.map(\.score).sorted(by: >))
  }

  @Test func unrelatedTextMatchesNothingStrongly() throws {
    let index = MatchingIndex(documents: Self.factChecks)
    #expect(try index.matches(for: "zebra quantum lullaby", limit: 5).isEmpty)
    let weak = try index.matches(for: "a bridge in the fog", limit: 5)
    #expect(Resemblance.resembling(weak).isEmpty)
    let strong = try index.matches(for: "The new bridge cost five billion dollars!", limit: 1)
    #expect(strong.allSatisfy { Resemblance.resembles($0) })
  }

  @Test func emptyQueriesAndBareLinksAreTypedErrors() {
    let index = MatchingIndex(documents: Self.factChecks)
    for (query, kind) in [
      ("", MatchingError.Kind.emptyQuery), ("  \n\t", .emptyQuery), ("https://t.co/abc", .nothingToMatch),
      ("pic.twitter.com/x 🇺🇸 https://example.org/a", .nothingToMatch), ("the and of", .nothingToMatch),
    ] {
      #expect(throws: MatchingError.self) { try index.matches(for: query, limit: 5) }
      do {
        _ = try index.matches(for: query, limit: 5)
      } catch {
        #expect(error.kind == kind, "\(query)")
      }
    }
    let batch = index.matches(for: ["", "bridge cost"], limit: 1)
    #expect((try? batch[0].get()) == nil)
    #expect((try? batch[1].get())?.isEmpty == false)
  }

  @Test func anIndexRoundTripsThroughItsBytes() throws {
    let index = MatchingIndex(documents: Self.factChecks)
    let decoded = try MatchingIndex(decoding: index.encoded())
    #expect(decoded.encoded() == index.encoded())
    #expect(decoded.count == Self.factChecks.count)
    for query in ["bridge five billion", "wombat butterflies", "soros nazi"] {
      #expect(try decoded.matches(for: query, limit: 5) == index.matches(for: query, limit: 5))
    }
  }

  @Test func damagedOrForeignBytesAreRefusedNotTrusted() throws {
    let bytes = MatchingIndex(documents: Self.factChecks).encoded()
    #expect(throws: MatchingError.self) { try MatchingIndex(decoding: Array(bytes.prefix(bytes.count / 2))) }
    #expect(throws: MatchingError.self) { try MatchingIndex(decoding: Array("not an index".utf8)) }
    var otherVersion = bytes
    otherVersion[4] = 99
    do {
      _ = try MatchingIndex(decoding: otherVersion)
      Issue.record("another format version was read")
    } catch {
      #expect(error.kind == .unsupportedIndexVersion)
    }
    // Every single-byte change either decodes to something usable or throws; none crashes.
    for position in stride(from: 12, to: bytes.count, by: 7) {
      var damaged = bytes
      damaged[position] ^= 0xA5
      if let index = try? MatchingIndex(decoding: damaged) { _ = try? index.matches(for: "bridge", limit: 3) }
    }
  }

  @Test func incrementalUpdatesEqualAFullRebuild() throws {
    var incremental = MatchingIndex(documents: Array(Self.factChecks.prefix(3)))
    incremental.add(Array(Self.factChecks.dropFirst(3)))
    #expect(incremental.remove(keys: ["https://checks.example/minecraft", "absent"]) == 1)
    let replacement = MatchingDocument(
      key: "https://checks.example/bridge", kind: .factCheck, claim: "The old bridge cost one billion dollars.",
      headline: "Did the Old Bridge Cost $1 Billion?")
    incremental.add(replacement)
    let rebuilt = MatchingIndex(documents: [
      Self.factChecks[1], Self.factChecks[3], Self.factChecks[4], replacement,
    ])
    #expect(incremental.count == 4)
    #expect(!incremental.contains(key: "https://checks.example/minecraft"))
    #expect(incremental.encoded() == rebuilt.encoded())
    for query in ["old bridge one billion", "minecraft shut down", "wombat", "soros"] {
      #expect(try incremental.matches(for: query, limit: 5) == rebuilt.matches(for: query, limit: 5))
    }
    let decoded = try MatchingIndex(decoding: incremental.encoded())
    #expect(try decoded.matches(for: "old bridge", limit: 5) == rebuilt.matches(for: "old bridge", limit: 5))
  }

  @Test func mergingASmallIndexIntoALargeOneEqualsAddingItsDocuments() throws {
    var base = MatchingIndex(documents: Array(Self.factChecks.prefix(4)))
    let replacement = MatchingDocument(
      key: "https://checks.example/minecraft", kind: .factCheck, claim: "Minecraft servers close for good in 2021.",
      language: "en")
    var delta = MatchingIndex(documents: [Self.factChecks[4], replacement])
    delta.add(MatchingDocument(key: "gone", kind: .claim, claim: "a claim removed again"))
    delta.remove(keys: ["gone"])
    base.remove(keys: ["https://checks.example/soros"])
    base.merge(delta)
    let direct = MatchingIndex(documents: [
      Self.factChecks[0], Self.factChecks[1], Self.factChecks[4], replacement,
    ])
    #expect(base.count == 4)
    #expect(base.encoded() == direct.encoded())
    for query in ["minecraft servers close", "bridge billion", "soros nazi", "wombat"] {
      #expect(try base.matches(for: query, limit: 5) == direct.matches(for: query, limit: 5))
    }
  }

  /// A stored index is read in place; removing, replacing and adding documents on top of it (and
  /// merging a delta into it, as a warm load does) must give what building the result anew gives.
  @Test func anIndexReadInPlaceAndUpdatedEqualsOneBuiltAnew() throws {
    let stored = MatchingIndex(documents: Array(Self.factChecks.prefix(4))).encoded()
    // At an odd offset inside larger bytes, as in the cache file (arrays unaligned).
    let storage = OwnedIndexStorage(copying: [1, 2, 3] + stored)
    var index = try MatchingIndex(decoding: storage, from: 3)
    #expect(index.encoded() == stored)
    #expect(index.contains(key: "https://checks.example/soros"))
    #expect(!index.contains(key: "https://checks.example/absent"))
    let replacement = MatchingDocument(
      key: "https://checks.example/minecraft", kind: .factCheck, claim: "Minecraft servers close for good in 2021.",
      language: "en")
    var delta = MatchingIndex(documents: [Self.factChecks[4], replacement])
    delta.add(MatchingDocument(key: "new", kind: .claim, claim: "Zebras painted the bridge in stripes."))
    #expect(index.remove(keys: ["https://checks.example/soros"]) == 1)
    #expect(!index.contains(key: "https://checks.example/soros"))
    index.merge(delta)
    let direct = MatchingIndex(documents: [
      Self.factChecks[0], Self.factChecks[1], Self.factChecks[4], replacement,
      MatchingDocument(key: "new", kind: .claim, claim: "Zebras painted the bridge in stripes."),
    ])
    #expect(index.count == 5)
    #expect(index.encoded() == direct.encoded())
    for query in ["minecraft servers close", "bridge billion", "soros nazi", "wombat", "zebra stripes bridge"] {
      #expect(try index.matches(for: query, limit: 5) == direct.matches(for: query, limit: 5))
    }
    #expect(index.remove(keys: ["new", "https://checks.example/bridge"]) == 2)
    #expect(!index.contains(key: "new"))
    #expect(index.allKeys.count == 3)
  }

  @Test func theOrderDocumentsAreAddedInDoesNotMatterOnlyTheirPrecedence() throws {
    let numbered = Self.factChecks.enumerated().map { position, document in
      var document = document
      document.precedence = UInt64(10 - position)
      return document
    }
    let forwards = MatchingIndex(documents: numbered)
    var backwards = MatchingIndex(documents: Array(numbered.reversed().prefix(2)))
    backwards.add(Array(numbered.reversed().dropFirst(2)))
    #expect(forwards.encoded() == backwards.encoded())
    for query in ["old bridge", "minecraft", "wombat hole butterflies"] {
      #expect(try forwards.matches(for: query, limit: 5) == backwards.matches(for: query, limit: 5))
    }
  }

  @Test func ofTwoEqualDocumentsTheOneWithTheSmallerPrecedenceRanksFirst() throws {
    let text = "The mayor said the new stadium will cost the city nothing."
    for (first, second) in [(UInt64(1), UInt64(2)), (UInt64(2), UInt64(1))] {
      let index = MatchingIndex(documents: [
        MatchingDocument(key: "https://b.example/1", kind: .factCheck, claim: text, precedence: first),
        MatchingDocument(key: "https://a.example/2", kind: .factCheck, claim: text, precedence: second),
      ])
      let expected = first < second ? "https://b.example/1" : "https://a.example/2"
      #expect(try index.matches(for: "stadium cost the city nothing", limit: 2).first?.key == expected)
    }
  }

  @Test func manyRemovalsCompactTheIndex() throws {
    var documents: [MatchingDocument] = []
    for number in 0..<3000 {
      documents.append(
        MatchingDocument(key: "k\(number)", kind: .claim, claim: "claim number \(number) about topic \(number % 7)"))
    }
    var index = MatchingIndex(documents: documents)
    index.remove(keys: documents.prefix(2000).map(\.key))
    #expect(index.count == 1000)
    #expect(index.keys.count == 1000)
    let rebuilt = MatchingIndex(documents: Array(documents.dropFirst(2000)))
    #expect(index.encoded() == rebuilt.encoded())
    #expect(try index.matches(for: "claim number 2500", limit: 1).first?.key == "k2500")
  }

  @Test func documentsInOtherLanguagesAreStemmedInTheirOwn() throws {
    let index = MatchingIndex(documents: [
      MatchingDocument(
        key: "https://fr.example/1", kind: .factCheck, claim: "Les élections ont été truquées.", language: "fr"),
      MatchingDocument(key: "https://en.example/1", kind: .factCheck, claim: "The elections were rigged."),
    ])
    #expect(
      try index.matches(for: "élection truquée", limit: 1, language: "french").first?.key == "https://fr.example/1")
    #expect(try index.matches(for: "rigged election", limit: 1).first?.key == "https://en.example/1")
  }

  @Test func lowerCaseHashtagsAreSplitOnTheIndexVocabulary() {
    let index = MatchingIndex(
      documents: Self.factChecks + [
        MatchingDocument(key: "x", kind: .claim, claim: "George Soros and George Washington")
      ])
    let searcher = Searcher(index: index)
    #expect(searcher.splitCompound("georgesoros", language: "english") == ["george", "soros"])
    #expect(searcher.splitCompound("qwxzvbnm", language: "english") == ["qwxzvbnm"])
    #expect(searcher.splitCompound("short", language: "english") == ["short"])
  }
}
