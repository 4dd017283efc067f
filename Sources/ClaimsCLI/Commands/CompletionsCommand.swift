import ClaimModel

/// `claims completions SHELL`: a completion script for bash, zsh or fish, made from the commands'
/// own specs so it never falls behind them.
enum CompletionsCommand {
  static let shells = ["bash", "zsh", "fish"]

  static let spec = CommandSpec(
    name: "completions", abstract: "Print a shell completion script (bash, zsh or fish).",
    discussion: """
      bash: claims completions bash > /etc/bash_completion.d/claims (or source it from ~/.bashrc). \
      zsh: claims completions zsh > "${fpath[1]}/_claims". \
      fish: claims completions fish > ~/.config/fish/completions/claims.fish
      """,
    arguments: [ArgumentSpec(name: "shell", help: "bash, zsh or fish.")]
  ) { arguments, context in
    let shell = arguments.argument("shell") ?? ""
    let commands = ClaimsCommand.commands
    switch shell {
    case "bash": context.output.write(bash(commands))
    case "zsh": context.output.write(zsh(commands))
    case "fish": context.output.write(fish(commands))
    default:
      let hint = Suggestions.closest(to: shell, among: shells).map { " Did you mean '\($0)'?" } ?? ""
      throw UsageError(
        "The value '\(shell.escapedForMessage)' is invalid for '<shell>'; use bash, zsh or fish.\(hint)",
        command: "completions")
    }
    return ExitStatus.success
  }

  /// Values offered after an option, and for a verdict argument.
  static func values(for option: OptionSpec) -> [String] {
    if !option.completions.isEmpty { return option.completions }
    if option.long == "verdict" { return VerdictScale.standard.ids }
    return []
  }

  static func bash(_ commands: [CommandSpec]) -> String {
    var script = """
      # bash completion for claims
      _claims() {
        local cur prev sub opts
        cur="${COMP_WORDS[COMP_CWORD]}"
        prev="${COMP_WORDS[COMP_CWORD-1]}"
        if [ "$COMP_CWORD" -eq 1 ]; then
          COMPREPLY=( $(compgen -W "\(commands.map(\.name).joined(separator: " ")) --help --version" -- "$cur") )
          return
        fi
        sub="${COMP_WORDS[1]}"
        case "$prev" in
          -C|--directory) COMPREPLY=( $(compgen -d -- "$cur") ); return ;;

      """
    var valueCases: [String: [String]] = [:]
    for command in commands {
      for option in command.allOptions where !values(for: option).isEmpty {
        valueCases["--\(option.long)"] = values(for: option)
      }
    }
    for (option, values) in valueCases.sorted(by: { $0.key < $1.key }) {
      script +=
        "      \(option)) COMPREPLY=( $(compgen -W \"\(values.joined(separator: " "))\" -- \"$cur\") ); return ;;\n"
    }
    script += "  esac\n  case \"$sub\" in\n"
    for command in commands {
      let options = (command.allOptions.map { "--\($0.long)" } + ["--help"]).joined(separator: " ")
      script += "    \(command.name)) opts=\"\(options)\" ;;\n"
    }
    script += """
          *) opts="" ;;
        esac
        if [[ "$cur" == -* ]]; then
          COMPREPLY=( $(compgen -W "$opts" -- "$cur") )
        elif [ "$sub" = verdict ] && [ "$COMP_CWORD" -eq 3 ]; then
          COMPREPLY=( $(compgen -W "\(VerdictScale.standard.ids.joined(separator: " "))" -- "$cur") )
        elif [ "$sub" = help ] || [ "$sub" = completions ]; then
          COMPREPLY=( $(compgen -W "\(commands.map(\.name).joined(separator: " ")) bash zsh fish" -- "$cur") )
        else
          COMPREPLY=( $(compgen -f -- "$cur") )
        fi
      }
      complete -F _claims claims

      """
    return script
  }

  static func zsh(_ commands: [CommandSpec]) -> String {
    func quoted(_ text: String) -> String {
      text.replacingAll("'", with: "'\\''").replacingAll("[", with: "\\[").replacingAll("]", with: "\\]")
        .replacingAll(":", with: "\\:")
    }
    var script = "#compdef claims\n\n_claims() {\n  local -a commands\n  commands=(\n"
    for command in commands { script += "    '\(command.name):\(quoted(command.abstract))'\n" }
    script += "  )\n  if (( CURRENT == 2 )); then\n    _describe 'command' commands\n    return\n  fi\n"
    script += "  case $words[2] in\n"
    for command in commands {
      script += "    \(command.name))\n      _arguments \\\n"
      for option in command.allOptions {
        let action: String
        if option.valueName == nil {
          action = ""
        } else if option.long == "directory" {
          action = ":dir:_directories"
        } else if !values(for: option).isEmpty {
          action = ":\(option.valueName ?? "value"):(\(values(for: option).joined(separator: " ")))"
        } else {
          action = ":\(option.valueName ?? "value"):"
        }
        let names = option.short.map { "'(-\($0) --\(option.long))'{-\($0),--\(option.long)}" } ?? "'--\(option.long)"
        let help = "[\(quoted(option.help))]\(action)'"
        script += "        \(option.short == nil ? names + help : names + "'" + help)"
        script += " \\\n"
      }
      if command.name == "verdict" {
        script += "        '1:claim:' '2:verdict:(\(VerdictScale.standard.ids.joined(separator: " ")))' \\\n"
      } else if !command.arguments.isEmpty {
        script += "        '*:argument:_files' \\\n"
      }
      script += "        '(-h --help)'{-h,--help}'[Show help information.]'\n      ;;\n"
    }
    script += "  esac\n}\n\n_claims \"$@\"\n"
    return script
  }

  static func fish(_ commands: [CommandSpec]) -> String {
    func quoted(_ text: String) -> String {
      "'" + text.replacingAll("\\", with: "\\\\").replacingAll("'", with: "\\'") + "'"
    }
    var script = "# fish completion for claims\ncomplete -c claims -f\n"
    for command in commands {
      script += "complete -c claims -n __fish_use_subcommand -a \(command.name) -d \(quoted(command.abstract))\n"
    }
    for command in commands {
      let condition = "'__fish_seen_subcommand_from \(command.name)'"
      for option in command.allOptions {
        var line = "complete -c claims -n \(condition) -l \(option.long)"
        if let short = option.short { line += " -s \(short)" }
        if option.valueName != nil { line += " -r" }
        let values = values(for: option)
        if !values.isEmpty { line += " -a \(quoted(values.joined(separator: " ")))" }
        if option.long == "directory" { line += " -a '(__fish_complete_directories)'" }
        script += line + " -d \(quoted(option.help))\n"
      }
      if command.arguments.contains(where: { $0.name == "file" }) {
        script += "complete -c claims -n \(condition) -F\n"
      }
    }
    script +=
      "complete -c claims -n '__fish_seen_subcommand_from verdict' -a \(quoted(VerdictScale.standard.ids.joined(separator: " ")))\n"
    return script
  }
}

extension String {
  /// Every occurrence of `target` replaced with `replacement`.
  func replacingAll(_ target: String, with replacement: String) -> String {
    split(separator: target, omittingEmptySubsequences: false).joined(separator: replacement)
  }
}
