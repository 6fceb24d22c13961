package org.trex.bench;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The single-machine baseline a council analyst might script after a {@code psql \copy}: read the CSV line
 * by line, replace one column by the lowercase hex HMAC-SHA256 of its value (one {@link Mac} reused), write
 * the CSV out, for each file {@code \copy} wrote. Run as its own JVM by the benchmark:
 * {@code CsvBaseline KEY_FILE COLUMN IN OUT [IN OUT]...}. It splits lines at every comma, which leaves a quoted
 * comma after the column as it was. Prints {@code rows N}, the total.
 */
public final class CsvBaseline {
    private CsvBaseline() {
    }

    public static void main(String[] args) throws IOException, GeneralSecurityException {
        if (args.length < 4 || args.length % 2 != 0) {
            System.err.println("Cannot run the baseline: give KEY_FILE COLUMN (zero-based), then IN OUT pairs");
            System.exit(2);
        }
        byte[] key = HexFormat.of().parseHex(Files.readString(Path.of(args[0])).strip());
        int column = Integer.parseInt(args[1]);
        long rows = 0;
        for (int i = 2; i < args.length; i += 2) {
            rows += pseudonymise(Path.of(args[i]), Path.of(args[i + 1]), key, column);
        }
        System.out.println("rows " + rows);
    }

    static long pseudonymise(Path in, Path out, byte[] key, int column) throws IOException, GeneralSecurityException {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(key, "HmacSHA256"));
        HexFormat hex = HexFormat.of();
        long rows = 0;
        try (BufferedReader reader = Files.newBufferedReader(in, StandardCharsets.UTF_8);
                BufferedWriter writer = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                String[] fields = line.split(",", -1);
                fields[column] = hex.formatHex(mac.doFinal(fields[column].getBytes(StandardCharsets.US_ASCII)));
                writer.write(String.join(",", fields));
                writer.newLine();
                rows++;
            }
        }
        return rows;
    }
}
