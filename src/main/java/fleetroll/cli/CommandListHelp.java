package fleetroll.cli;

import java.util.List;
import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.UsageMessageSpec;

/**
 * The "Commands:" section of {@code fleetroll --help}, drawn from the subcommands' {@link Command}
 * annotations alone, for a command line to which they were not added.
 */
final class CommandListHelp {
    /** picocli's default usage width. */
    private static final int WIDTH = 80;

    private CommandListHelp() {}

    static void install(CommandLine commandLine, List<Class<?>> subcommands) {
        UsageMessageSpec usage = commandLine.getCommandSpec().usageMessage();
        usage.customSynopsis("fleetroll [-hV] [COMMAND]");
        usage.sectionMap()
                .put(UsageMessageSpec.SECTION_KEY_COMMAND_LIST_HEADING, help -> "Commands:" + System.lineSeparator());
        usage.sectionMap().put(UsageMessageSpec.SECTION_KEY_COMMAND_LIST, help -> list(subcommands));
    }

    static String list(List<Class<?>> subcommands) {
        int width = subcommands.stream()
                .mapToInt(c -> c.getAnnotation(Command.class).name().length())
                .max()
                .orElse(0);
        String indent = " ".repeat(width + 4);
        StringBuilder text = new StringBuilder();
        for (Class<?> subcommand : subcommands) {
            Command command = subcommand.getAnnotation(Command.class);
            StringBuilder line = new StringBuilder("  ")
                    .append(command.name())
                    .append(" ".repeat(width - command.name().length() + 2));
            for (String word : description(subcommand, command).split(" ")) {
                if (line.length() + word.length() + 1 > WIDTH && line.length() > indent.length()) {
                    text.append(line.toString().stripTrailing()).append(System.lineSeparator());
                    line = new StringBuilder(indent);
                }
                line.append(word).append(' ');
            }
            text.append(line.toString().stripTrailing()).append(System.lineSeparator());
        }
        return text.toString();
    }

    private static String description(Class<?> subcommand, Command command) {
        if (subcommand == AutoComplete.GenerateCompletion.class) {
            return "Generate the bash/zsh completion script for fleetroll."; // its own text is a template
        }
        return command.description().length > 0 ? command.description()[0] : "";
    }
}
