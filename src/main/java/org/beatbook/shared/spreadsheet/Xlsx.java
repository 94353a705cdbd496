package org.beatbook.shared.spreadsheet;

import org.beatbook.shared.web.InvalidInput;
import org.springframework.http.ContentDisposition;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.multipart.MultipartFile;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.function.Function;

/** Uploads and downloads of xlsx files in controllers. */
public final class Xlsx {

    public static final String MEDIA_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    public static final MediaType XLSX = MediaType.parseMediaType(MEDIA_TYPE);

    private Xlsx() {
    }

    /** An attachment download; the file name may be Chinese (RFC 6266 filename*). */
    public static ResponseEntity<byte[]> download(byte[] body, String fileName) {
        return ResponseEntity.ok().contentType(XLSX)
                .header("Content-Disposition", attachment(fileName))
                .body(body);
    }

    public static String attachment(String fileName) {
        return ContentDisposition.attachment().filename(fileName, StandardCharsets.UTF_8).build().toString();
    }

    /** Hands the multipart {@code file} to {@code importer}; a missing or empty upload is an error on {@code file}. */
    public static <T> T upload(MultipartFile file, Function<InputStream, T> importer) {
        if (file == null || file.isEmpty()) {
            throw InvalidInput.of("file", "spreadsheet.error.noFile");
        }
        try (InputStream in = file.getInputStream()) {
            return importer.apply(in);
        } catch (IOException e) {
            throw InvalidInput.of("file", "error.upload.malformed");
        }
    }
}
