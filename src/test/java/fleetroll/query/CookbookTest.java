package fleetroll.query;

import static org.assertj.core.api.Assertions.assertThat;

import fleetroll.monitor.Column;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Every query in the README's filter cookbook parses: the docs cannot drift from the parser. */
class CookbookTest {
    private static final Pattern CODE = Pattern.compile("`([^`]+)`");

    @Test
    void everyCookbookQueryParses() throws IOException {
        String doc = Files.readString(Path.of("README.md"));
        String cookbook =
                doc.substring(doc.indexOf("#### Cookbook"), doc.indexOf("From a script", doc.indexOf("#### Cookbook")));
        List<String> queries = new ArrayList<>();
        for (String row : cookbook.lines()
                .filter(l -> l.startsWith("| ") && !l.startsWith("| you want"))
                .toList()) {
            String queryCell = row.substring(row.lastIndexOf(" | ") + 3);
            Matcher code = CODE.matcher(queryCell);
            while (code.find()) {
                queries.add(code.group(1).replace("\\|", "|"));
            }
        }
        assertThat(queries).hasSizeGreaterThan(15);
        QueryParser parser = Column.queryParser();
        for (String query : queries) {
            assertThat(parser.analyse(query).error()).as(query).isEmpty();
        }
    }
}
