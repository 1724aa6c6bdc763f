package fleetroll.change;

import fleetroll.BadInputException;

/** A permission mode for chmod, always four octal digits ("0644"), as given by --mode. */
public record FileMode(String octal) {
    public FileMode {
        if (!octal.matches("0[0-7]{3}")) {
            throw new IllegalArgumentException("not a normalised mode: " + octal);
        }
    }

    /** "644", "0644" or "0o644"; setuid, setgid and sticky bits are refused. */
    public static FileMode parse(String text) {
        String digits = text.strip();
        if (digits.startsWith("0o")) {
            digits = digits.substring(2);
        }
        if (digits.matches("[0-7]{3}")) {
            return new FileMode("0" + digits);
        }
        if (digits.matches("0[0-7]{3}")) {
            return new FileMode(digits);
        }
        throw new BadInputException(
                "--mode: not a file mode: \"" + text + "\" (use three or four octal digits, e.g. 0644)");
    }

    @Override
    public String toString() {
        return octal;
    }
}
