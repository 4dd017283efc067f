/// Shell completion scripts made from the commands' declarations, so they never fall behind
/// them: each option's and positional's values come from its type (``Completion``).
enum CompletionScript {
  /// The script for `shell`, completing the subcommands `commands` and the options `rootOptions`
  /// of `claims` itself (every subcommand's `inherited` options too).
  static func script(for shell: Shell, commands: [CommandDescription], rootOptions: [ArgumentDefinition]) -> String {
    switch shell {
    case .bash: bash(commands, rootOptions: rootOptions)
    case .zsh: zsh(commands, rootOptions: rootOptions)
    case .fish: fish(commands, rootOptions: rootOptions)
    }
  }

  // MARK: bash

  static func bash(_ commands: [CommandDescription], rootOptions: [ArgumentDefinition]) -> String {
    let rootWords = commands.map(\.configuration.name) + rootOptions.flatMap(names) + ["--help"]
    var script = """
      # bash completion for claims
      _claims() {
        local cur prev sub opts valued i n
        cur="${COMP_WORDS[COMP_CWORD]}"
        prev="${COMP_WORDS[COMP_CWORD-1]}"
        if [ "$COMP_CWORD" -eq 1 ]; then
          COMPREPLY=( $(compgen -W "\(rootWords.joined(separator: " "))" -- "$cur") )
          return
        fi
        sub="${COMP_WORDS[1]}"
        opts=""
        valued=""
        case "$sub" in

      """
    for command in commands {
      let options = (command.definitions + command.inherited).filter { $0.kind != .positional }
      let valuedOptions = options.filter { $0.kind == .option }
      script += "    \(command.configuration.name))\n"
      script += "      opts=\"\((options.flatMap(names) + ["--help"]).joined(separator: " "))\"\n"
      script += "      valued=\"\(valuedOptions.flatMap(names).joined(separator: " "))\"\n"
      let completing = valuedOptions.filter { $0.completion != .none }
      if !completing.isEmpty {
        script += "      case \"$prev\" in\n"
        for option in completing {
          script += "        \(names(option).joined(separator: "|"))) \(bashReply(option.completion)); return ;;\n"
        }
        script += "      esac\n"
      }
      script += "      ;;\n"
    }
    script += """
        esac
        if [[ "$cur" == -* ]]; then
          COMPREPLY=( $(compgen -W "$opts" -- "$cur") )
          return
        fi
        # Which positional is being typed: the words so far that are neither options nor their values.
        n=0
        i=2
        while [ "$i" -lt "$COMP_CWORD" ]; do
          case "${COMP_WORDS[i]}" in
            -*) if [[ " $valued " == *" ${COMP_WORDS[i]} "* ]]; then i=$((i+1)); fi ;;
            *) n=$((n+1)) ;;
          esac
          i=$((i+1))
        done
        case "$sub:$n" in

      """
    for command in commands {
      let positionals = command.definitions.filter { $0.kind == .positional }
      for (index, positional) in positionals.enumerated() where positional.completion != .none {
        let pattern = positional.isRepeating ? "*" : String(index)
        script += "    \(command.configuration.name):\(pattern)) \(bashReply(positional.completion)) ;;\n"
      }
    }
    script += """
          *) COMPREPLY=() ;;
        esac
      }
      complete -F _claims claims

      """
    return script
  }

  private static func bashReply(_ completion: Completion) -> String {
    switch completion {
    case .none: "COMPREPLY=()"
    case .values(let values): "COMPREPLY=( $(compgen -W \"\(values.joined(separator: " "))\" -- \"$cur\") )"
    case .files: "COMPREPLY=( $(compgen -f -- \"$cur\") )"
    case .directories: "COMPREPLY=( $(compgen -d -- \"$cur\") )"
    }
  }

  /// `-n --max-count`: every name an option answers to.
  private static func names(_ option: ArgumentDefinition) -> [String] {
    (option.short.map { ["-\($0)"] } ?? []) + ["--\(option.name)"]
  }

  // MARK: zsh

  static func zsh(_ commands: [CommandDescription], rootOptions: [ArgumentDefinition]) -> String {
    var script = "#compdef claims\n\n_claims() {\n  local -a commands\n  commands=(\n"
    for command in commands {
      script += "    '\(command.configuration.name):\(zshQuoted(command.configuration.abstract))'\n"
    }
    script += "  )\n  if (( CURRENT == 2 )); then\n    _describe 'command' commands\n    return\n  fi\n"
    // From here the subcommand is the command word: positional 1 is its first argument.
    script += "  words=(\"${(@)words[2,-1]}\")\n  (( CURRENT-- ))\n"
    script += "  case $words[1] in\n"
    for command in commands {
      script += "    \(command.configuration.name))\n      _arguments \\\n"
      for option in command.definitions + command.inherited where option.kind != .positional {
        script += "        \(zshOption(option)) \\\n"
      }
      for (index, positional) in command.definitions.filter({ $0.kind == .positional }).enumerated() {
        let position = positional.isRepeating ? "*" : String(index + 1)
        let separator = positional.isRequired || positional.isRepeating ? ":" : "::"
        let action = zshAction(positional.completion)
        script += "        '\(position)\(separator)\(zshQuoted(positional.name)):\(action)' \\\n"
      }
      script += "        '(-h --help)'{-h,--help}'[Show help information.]'\n      ;;\n"
    }
    script += "  esac\n}\n\n_claims \"$@\"\n"
    return script
  }

  private static func zshOption(_ option: ArgumentDefinition) -> String {
    let value =
      option.kind == .option
      ? ":\(zshQuoted(option.valueName ?? "value")):\(zshAction(option.completion))" : ""
    let help = "[\(zshQuoted(option.help))]\(value)'"
    let repeating = option.isRepeating && option.kind == .option ? "*" : ""
    guard let short = option.short else { return "'\(repeating)--\(option.name)" + help }
    let exclusion = repeating.isEmpty ? "(-\(short) --\(option.name))" : "*"
    return "'\(exclusion)'{-\(short),--\(option.name)}'" + help
  }

  private static func zshAction(_ completion: Completion) -> String {
    switch completion {
    case .none: ""
    case .values(let values): "(\(values.map(zshQuoted).joined(separator: " ")))"
    case .files: "_files"
    case .directories: "_directories"
    }
  }

  private static func zshQuoted(_ text: String) -> String {
    text.replacingAll("'", with: "'\\''").replacingAll("[", with: "\\[").replacingAll("]", with: "\\]")
      .replacingAll(":", with: "\\:")
  }

  // MARK: fish

  static func fish(_ commands: [CommandDescription], rootOptions: [ArgumentDefinition]) -> String {
    var script = "# fish completion for claims\ncomplete -c claims -f\n"
    for command in commands {
      script +=
        "complete -c claims -n __fish_use_subcommand -a \(command.configuration.name) -d \(fishQuoted(command.configuration.abstract))\n"
    }
    for option in rootOptions {
      script += fishOption(option, condition: "__fish_use_subcommand")
    }
    for command in commands {
      let condition = "'__fish_seen_subcommand_from \(command.configuration.name)'"
      for option in command.definitions + command.inherited where option.kind != .positional {
        script += fishOption(option, condition: condition)
      }
      let positionals = command.definitions.filter { $0.kind == .positional }
      let values = positionals.flatMap { positional -> [String] in
        if case .values(let values) = positional.completion { return values }
        return []
      }
      if !values.isEmpty {
        script += "complete -c claims -n \(condition) -a \(fishQuoted(values.joined(separator: " ")))\n"
      }
      if positionals.contains(where: { $0.completion == .files }) {
        script += "complete -c claims -n \(condition) -F\n"
      }
      if positionals.contains(where: { $0.completion == .directories }) {
        script += "complete -c claims -n \(condition) -a '(__fish_complete_directories)'\n"
      }
    }
    return script
  }

  private static func fishOption(_ option: ArgumentDefinition, condition: String) -> String {
    var line = "complete -c claims -n \(condition) -l \(option.name)"
    if let short = option.short { line += " -s \(short)" }
    if option.kind == .option { line += " -r" }
    switch option.completion {
    case .none: break
    case .values(let values): line += " -a \(fishQuoted(values.joined(separator: " ")))"
    case .files: line += " -F"
    case .directories: line += " -a '(__fish_complete_directories)'"
    }
    return line + " -d \(fishQuoted(option.help))\n"
  }

  private static func fishQuoted(_ text: String) -> String {
    "'" + text.replacingAll("\\", with: "\\\\").replacingAll("'", with: "\\'") + "'"
  }
}

extension String {
  /// Every occurrence of `target` replaced with `replacement`.
  func replacingAll(_ target: String, with replacement: String) -> String {
    split(separator: target, omittingEmptySubsequences: false).joined(separator: replacement)
  }
}
