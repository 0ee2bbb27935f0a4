package org.quorum.infrastructure.embedded;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded PostgreSQL superuser's password: generated on first start, kept in a file of the data folder that
 * only its owner may read or write (POSIX 600), read again at every start. Whoever can read the file can read the
 * database files beside it too, so it guards the database against other local users and the network, not
 * against the folder's owner.
 */
final class PostgresPassword {

    static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");
    private static final Logger log = LoggerFactory.getLogger(PostgresPassword.class);

    private PostgresPassword() {
    }

    /** Reads the password, first creating the file with a new random one when it does not exist yet. */
    static String readOrCreate(Path file) throws IOException {
        if (!Files.exists(file)) {
            byte[] random = new byte[24];
            new SecureRandom().nextBytes(random);
            String password = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
            try {
                Files.createFile(file, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
                Files.writeString(file, password + "\n", StandardCharsets.UTF_8, StandardOpenOption.TRUNCATE_EXISTING);
                log.info("Generated the embedded PostgreSQL's password in {} (readable by its owner only)", file);
            } catch (FileAlreadyExistsException raced) {
                // Another start created it first: use theirs.
            }
        }
        Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(file);
        if (!permissions.equals(OWNER_ONLY)) {
            log.warn("{} was readable beyond its owner ({}); restricting it to rw-------", file,
                    PosixFilePermissions.toString(permissions));
            Files.setPosixFilePermissions(file, OWNER_ONLY);
        }
        String password = Files.readString(file, StandardCharsets.UTF_8).strip();
        if (password.isEmpty()) {
            throw new IllegalStateException(file + " is empty; delete it only together with the database folder");
        }
        return password;
    }
}
