import Segmentation
import Testing

@Suite("Punctuation, quotes and dashes")
struct PunctuationTests {
  @Test func questionAndExclamation() {
    #expect(
      split("Who approved the payment? Nobody knows! The audit continues.") == [
        "Who approved the payment?", "Nobody knows!", "The audit continues.",
      ])
    #expect(split("Really?! That cannot be.") == ["Really?!", "That cannot be."])
  }

  @Test func ellipsisInTheMiddle() {
    #expect(split("It was ... well, complicated.") == ["It was ... well, complicated."])
    #expect(split("The clause said the state “shall . . . protect” them.").count == 1)
    #expect(split("Officials called the data [...] unreliable.") == ["Officials called the data [...] unreliable."])
    #expect(split("He wavered… then signed.") == ["He wavered… then signed."])
  }

  @Test func ellipsisAtTheEnd() {
    #expect(split("He paused... Then he spoke.") == ["He paused...", "Then he spoke."])
    #expect(split("And then… Silence fell.") == ["And then…", "Silence fell."])
    #expect(split("The letter trailed off . . . . A new page began.").count == 2)
    #expect(split("It ended there....") == ["It ended there...."])
  }

  @Test func finalPunctuationInsideClosingQuotes() {
    #expect(split("“We are done.” The talks ended.") == ["“We are done.”", "The talks ended."])
    #expect(split("He called it ‘final.’ Nobody agreed.") == ["He called it ‘final.’", "Nobody agreed."])
    #expect(split("He called it 'final.' Nobody agreed.") == ["He called it 'final.'", "Nobody agreed."])
    #expect(split("She said, \"Go.\" They went.") == ["She said, \"Go.\"", "They went."])
  }

  @Test func finalPunctuationInsideBrackets() {
    #expect(
      split("(The figure was revised later.) Officials apologised.") == [
        "(The figure was revised later.)", "Officials apologised.",
      ])
    #expect(split("[This passage was edited.] The rest is verbatim.").count == 2)
    #expect(split("The tally (all of it.) was wrong.") == ["The tally (all of it.) was wrong."])
  }

  @Test func questionOrExclamationInsideAQuotation() {
    #expect(split("The sign read “Stop!” and nobody did.") == ["The sign read “Stop!” and nobody did."])
    #expect(
      split("Her question, “Who signed off?” went unanswered for weeks.") == [
        "Her question, “Who signed off?” went unanswered for weeks."
      ])
  }

  @Test func speechTagsAfterAQuotedQuestionOrExclamation() {
    #expect(split("“Who paid?” she asked.") == ["“Who paid?” she asked."])
    #expect(split("“Enough!” Ortiz shouted.") == ["“Enough!” Ortiz shouted."])
    #expect(split("\"Where is the money?\" asked a protester.") == ["\"Where is the money?\" asked a protester."])
    #expect(split("“Is it over?” The minister said nothing more.").count == 1)
    #expect(split("“Is it over?” The crowd fell silent.") == ["“Is it over?”", "The crowd fell silent."])
    // The quotation already has its tag before it, so what follows is a new sentence.
    #expect(split("He asked, “Are you sure?” I said yes.") == ["He asked, “Are you sure?”", "I said yes."])
  }

  @Test func emAndEnDashes() {
    #expect(
      split("The minister — who denied it — resigned. Her deputy took over.") == [
        "The minister — who denied it — resigned.", "Her deputy took over.",
      ])
    #expect(
      split("Results were mixed – prices rose. Wages fell.") == ["Results were mixed – prices rose.", "Wages fell."])
    #expect(split("Prices rose—sharply—in May.") == ["Prices rose—sharply—in May."])
  }

  @Test func namesWithAnExclamationMark() {
    #expect(split("She worked at Yahoo! for a decade.") == ["She worked at Yahoo! for a decade."])
  }

  @Test func closingQuoteSetOffByASpace() {
    #expect(split("“He told me, ‘Go home.’ ” Then he hung up.") == ["“He told me, ‘Go home.’ ”", "Then he hung up."])
  }

  @Test func missingSpaceAfterAPeriod() {
    #expect(split("Ms. Ruiz is a nurse.She works nights.") == ["Ms. Ruiz is a nurse.", "She works nights."])
    #expect(split("Use System.Collections or example.Com here.").count == 1)
  }
}

@Suite("Spanish inverted question and exclamation marks")
struct InvertedMarkTests {
  @Test func anInvertedMarkAfterAFullStopStartsASentence() {
    #expect(
      split("Dijo que sí. ¿Es cierto? Sí, lo es. ¡Qué sorpresa! Fin.") == [
        "Dijo que sí.", "¿Es cierto?", "Sí, lo es.", "¡Qué sorpresa!", "Fin.",
      ])
    #expect(split("Llegó tarde… ¿Por qué? Nadie lo sabe.") == ["Llegó tarde…", "¿Por qué?", "Nadie lo sabe."])
    #expect(split("Ganó. «¿De verdad?» Sí.") == ["Ganó.", "«¿De verdad?»", "Sí."])
  }

  @Test func anInvertedMarkInsideASentenceDoesNotSplitIt() {
    #expect(split("Y entonces, ¿qué pasó con el dinero?") == ["Y entonces, ¿qué pasó con el dinero?"])
    // An abbreviation that never ends a sentence keeps its title before an inverted mark too.
    #expect(split("Habló con el Dr. Ruiz. ¡Increíble!") == ["Habló con el Dr. Ruiz.", "¡Increíble!"])
  }
}
